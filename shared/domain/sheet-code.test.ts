import { describe, expect, it } from 'vitest';
import { folioKey, formatSheetCode, parseSheetCode, typedFolioMatches } from './sheet-code';

const digest = 'a'.repeat(62) + 'b9';

describe('sheet code', () => {
  it('reads what the approval sheet prints', () => {
    expect(parseSheetCode(`VALIJA|C4/DG/0007/2026|${digest}`)).toEqual({ folio: 'C4/DG/0007/2026', digest, chainHead: null });
  });

  it('reads the custody chain head when present', () => {
    expect(parseSheetCode(`VALIJA|C4/0001/2026|${digest}|0123abcd`)).toEqual({ folio: 'C4/0001/2026', digest, chainHead: '0123abcd' });
  });

  it('reads a form printed before any custody event (chain head «0»)', () => {
    expect(parseSheetCode(`VALIJA|C4/0001/2026|${digest}|0`)).toEqual({ folio: 'C4/0001/2026', digest, chainHead: '0' });
  });

  it('survives a scanner set to another keyboard layout or Caps Lock', () => {
    // US scanner on a Latin-American layout: «|» arrives as «}», «/» as «-»
    expect(parseSheetCode(`valija}c4-dg-0007-2026}${digest.toUpperCase()}`)).toEqual({ folio: 'C4-DG-0007-2026', digest, chainHead: null });
    expect(parseSheetCode(`  VALIJA¡C4/0001/2026¡${digest}\n`)?.folio).toBe('C4/0001/2026');
  });

  it('ignores ordinary search text', () => {
    for (const text of ['C4/0001/2026', 'valija', `VALIJA|C4/0001/2026|abc`, `folio ${digest}`, '']) expect(parseSheetCode(text)).toBeNull();
  });

  it('round-trips', () => {
    const code = { folio: 'OF/0100/2027', digest, chainHead: 'ffee0011' };
    expect(parseSheetCode(formatSheetCode(code))).toEqual(code);
  });

  it('compares folios however they were typed or scanned', () => {
    expect(folioKey('c4/dg/0007/2026')).toBe(folioKey('C4-DG-0007-2026'));
    expect(folioKey('C4/DG/0007/2026')).not.toBe(folioKey('C4/DG/0070/2026'));
  });
});

describe('a folio typed at the counter', () => {
  const folio = 'C4/DG/0001/2026';
  it('ignores case, separators and missing zeros, and takes the number alone for the current year', () => {
    for (const typed of ['C4/DG/0001/2026', 'c4/dg/1/2026', 'c4-dg-0001-2026', 'C4DG00012026', '1/2026', '0001', '1', ' 0001 ']) expect(typedFolioMatches(folio, typed, 2026), typed).toBe(true);
  });
  it('does not match another number, year or prefix', () => {
    for (const typed of ['2', '1/2025', 'C4/DF/1/2026', '0001', '10/2026', 'c4', '']) expect(typedFolioMatches(folio, typed, typed === '0001' ? 2027 : 2026), typed).toBe(false);
  });
});
