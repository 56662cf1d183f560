import { describe, expect, it } from 'vitest';
import { excelCsv, readCsvRecords } from './csv';

// Decoding and delimiter detection are tested with the agency import that relies on them (agencies/rules/agency-csv.test.ts).
describe('readCsvRecords', () => {
  it('gives each record the line it starts on and drops blank records (Excel: CRLF between rows, LF inside a cell)', () => {
    const text = '\uFEFFa;b\r\n"x\ny";z\r\n\r\n  ;  \r\nlast;1';
    expect(readCsvRecords(text, ';')).toEqual([
      { line: 1, fields: ['a', 'b'], unterminated: false, malformedQuotes: false },
      { line: 2, fields: ['x\ny', 'z'], unterminated: false, malformedQuotes: false },
      { line: 6, fields: ['last', '1'], unterminated: false, malformedQuotes: false },
    ]);
  });

  it('counts lines the same in a file with old Mac line ends, a line break inside quotes reading as LF', () => {
    expect(readCsvRecords('a;b\r"x\ry";z\r\rlast;1\r', ';').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', 'z']],
      [5, ['last', '1']],
    ]);
  });

  it('flags an unclosed quote on the record where it opens', () => {
    expect(readCsvRecords('a,b\n"c,d\ne,f\n', ',')).toEqual([
      { line: 1, fields: ['a', 'b'], unterminated: false, malformedQuotes: false },
      { line: 2, fields: ['c,d\ne,f\n'], unterminated: true, malformedQuotes: false },
    ]);
  });
});

describe('excelCsv', () => {
  it('writes UTF-8 with BOM, commas and CRLF, quoting only what needs it', () => {
    expect(excelCsv([['Folio', 'Núm.'], ['C4/0001', 3], ['a,b', 'dice "sí"'], ['dos\nlíneas', '']])).toBe('\uFEFFFolio,Núm.\r\nC4/0001,3\r\n"a,b","dice ""sí"""\r\n"dos\nlíneas",\r\n');
  });

  it('neutralises cells Excel would run as formulas, also when they span lines', () => {
    const csv = excelCsv([['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '=a\nb', 'a=b']]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"")","\'+1","\'-2","\'@SUM(A1)","\'=a\nb",a=b\r\n');
  });
});
