import { describe, expect, it } from 'vitest';
import { Font } from '@react-pdf/renderer';
import { BASE_SUBSET_TEXT, ensureFonts, warmFonts } from './font-registry';

interface Run {
  glyphs: Array<{ id: number }>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
  advanceWidth: number;
}
type Shaper = { layout(text: string, features?: string[]): Run };

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

describe('monospaced ASCII shaping', () => {
  it('gives the glyphs and advances fontkit’s full shaping gives, for every pair of printable characters and for digests', async () => {
    await warmFonts();
    const { mono } = ensureFonts();
    for (const fontWeight of [400, 700]) {
      const font = (Font.getFont({ fontFamily: mono, fontWeight, fontStyle: 'normal' }) as unknown as { data: Shaper }).data;
      // Passing features (none extra) takes fontkit's own shaping path.
      const same = (text: string) => {
        const fast = font.layout(text);
        const full = font.layout(text, []);
        expect(fast.glyphs.map((g) => g.id), text).toEqual(full.glyphs.map((g) => g.id));
        expect(fast.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), text).toEqual(full.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]));
        expect(fast.advanceWidth).toBe(full.advanceWidth);
      };
      same(PRINTABLE.join(''));
      for (const a of PRINTABLE) same(PRINTABLE.map((b) => a + b).join(''));
      same('C5/DG/0042/2026 · 9872535dc2ff611acf894d9230ea5d10');
      // Not ASCII: fontkit's shaping, as before.
      expect(font.layout('Índice ☐').glyphs).toHaveLength(8);
    }
  });
});

describe('embedded font subsets', () => {
  it('start with the base glyphs, so sheets in plain Spanish share one encoded subset; others are encoded as fontkit would', async () => {
    await warmFonts();
    const { sans } = ensureFonts();
    type Subset = { includeGlyph(id: number): number; encode(): Uint8Array };
    const font = (Font.getFont({ fontFamily: sans, fontWeight: 400, fontStyle: 'normal' }) as unknown as { data: Shaper & { createSubset(): Subset } }).data;
    const uncached = Object.getPrototypeOf(font) as { createSubset(this: unknown): Subset };
    const encode = (text: string, make: () => Subset) => {
      const subset = make();
      for (const glyph of font.layout(text, []).glyphs) subset.includeGlyph(glyph.id);
      return subset.encode();
    };
    const cached = () => font.createSubset();
    // What the cached subset must hold: fontkit's own subset of the base text, then the sheet's glyphs.
    const fresh = () => {
      const subset = uncached.createSubset.call(font);
      for (const glyph of font.layout(BASE_SUBSET_TEXT, []).glyphs) subset.includeGlyph(glyph.id);
      for (const glyph of font.layout('fi fl ff ffi ffl', []).glyphs) subset.includeGlyph(glyph.id);
      return subset;
    };
    const texts = ['Archivo y Correspondencia', '☐ Íntegros ✓', '✓ Íntegros ☐', 'Folio C5/DG/0042/2026 · Oficio a la Fiscalía, Ñuu Savi'];
    const first = texts.map((text) => encode(text, cached));
    texts.forEach((text, i) => expect(Buffer.from(first[i] as Uint8Array).equals(Buffer.from(encode(text, fresh))), text).toBe(true));
    // Plain Spanish: the very bytes kept from the first sheet.
    expect(first[3]).toBe(first[0]);
    // Other characters, in another order: a subset of their own.
    expect(Buffer.from(first[2] as Uint8Array).equals(Buffer.from(first[1] as Uint8Array))).toBe(false);
  });
});
