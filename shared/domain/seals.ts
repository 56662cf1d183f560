/**
 * Seal numbers are read off a sticker and typed by hand: «C4-S-000123»,
 * «c4 s 000123» and «C4S000123» are the same seal. Compare them the way a
 * person would: case, spaces and dashes ignored.
 */
export function sealKey(seal: string): string {
  return seal
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212_.]/g, '')
    .toUpperCase();
}
