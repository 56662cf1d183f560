/**
 * CSV as the office's spreadsheets write and read it, on kept libraries:
 * papaparse reads and writes RFC 4180 (quotes, doubled quotes, line breaks
 * inside quotes, CRLF) and iconv-lite decodes windows-1252. Shared by the
 * agency import (agencies/rules/agency-csv.ts), the custody log export
 * (custody/custody-csv.ts) and the records export's index (media/records-export.ts).
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';

// ---- decoding -----------------------------------------------------------------

export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * windows-1252 → text, with iconv-lite. Not `new TextDecoder('windows-1252')`:
 * Node since 20.18.3 / 22.13.0 decodes that label as ISO-8859-1, turning «€»,
 * «“», «”», «–» into invisible control characters (see Node's issue tracker,
 * nodejs/node issues 60888 and 56542). The five bytes the code page leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become «�», visible in the preview.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise windows-1252 (Excel's "CSV" on Spanish Windows). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// ---- reading ----------------------------------------------------------------------

export type CsvDelimiter = ',' | ';';

export interface CsvRecord {
  /** 1-based line of the text where the record starts. */
  line: number;
  /** The values as written; a line break inside quotes reads as «\n». */
  fields: string[];
  /** A quoted field was still open at the end of the text. */
  unterminated: boolean;
  /** A quoted value went on after its closing quote (`"a"b`). */
  malformedQuotes: boolean;
}

const isBlank = (fields: readonly string[]) => fields.every((f) => f.trim() === '');

/** The first record that is not blank, split by `delimiter`. */
function firstRecord(text: string, delimiter: CsvDelimiter): string[] {
  let first: string[] = [];
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result, parser) => {
      if (isBlank(result.data)) return;
      first = result.data;
      parser.abort();
    },
  });
  return first;
}

/** Excel writes `;` or `,` by regional settings: `;` when the header line has more `;`-separated values than `,`-separated ones. */
export function detectDelimiter(text: string): CsvDelimiter {
  return firstRecord(text, ';').length > firstRecord(text, ',').length ? ';' : ',';
}

const LINE_BREAK = /\r\n|\r|\n/g;
const countLineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

/**
 * Every record of `text` (a leading BOM is ignored) with the line it starts
 * on, so that messages can name it. Blank records are dropped; a record with
 * an unclosed quote is kept and flagged (papaparse then reads the rest of the
 * text into its last value).
 */
export function readCsvRecords(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(clean, {
    delimiter,
    step: (result) => {
      const start = line;
      const end = result.meta.cursor;
      line += countLineBreaks(clean.slice(consumed, end));
      consumed = end;
      const unterminated = result.errors.some((e) => e.code === 'MissingQuotes');
      const malformedQuotes = !unterminated && result.errors.some((e) => e.code === 'InvalidQuotes');
      const fields = result.data.map((f) => f.replace(LINE_BREAK, '\n'));
      if (unterminated || malformedQuotes || !isBlank(fields)) records.push({ line: start, fields, unterminated, malformedQuotes });
    },
  });
  return records;
}

// ---- writing ------------------------------------------------------------------------

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Rows as CSV for Excel: UTF-8 with a BOM (without it Excel reads «Núñez» as
 * «NÃºÃ±ez»), commas, CRLF line ends, and every cell that starts with = + - @
 * (or a tab or carriage return) prefixed with «'» so that Excel does not run
 * it as a formula (the cell is then quoted as well).
 */
export function excelCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  // papaparse's own pattern (`escapeFormulae: true`) misses a value that starts with «=» and spans lines.
  const body = Papa.unparse(rows.map((row) => row.map(String)), { delimiter: ',', newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\uFEFF${body}\r\n`;
}
