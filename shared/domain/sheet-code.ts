/**
 * The text in the QR code of every printed form: `VALIJA|folio|digest` and,
 * from the paper-forms issue on, `|chainHead` at the end. A keyboard-wedge
 * scanner "types" it into whatever field has the focus, followed by Enter.
 *
 * Scanners are usually set to a US keyboard while these offices use the
 * Latin-American or Spanish layout, so the `|` may arrive as another symbol
 * (`}`, `¡`, `º`, ...) and the case may be inverted by Caps Lock. The parser
 * therefore accepts any non-alphanumeric separator and ignores case; the
 * digest (64 hex digits) anchors the match.
 */
export interface SheetCode {
  folio: string;
  digest: string;
  chainHead: string | null;
}

const PATTERN = /^\s*valija[^a-z0-9](.+?)[^a-z0-9]([0-9a-f]{64})(?:[^a-z0-9]([0-9a-f]{1,64}))?\s*$/i;

export function parseSheetCode(text: string): SheetCode | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const [, folio, digest, chainHead] = m;
  if (!folio || !digest) return null;
  return { folio: folio.trim().toUpperCase(), digest: digest.toLowerCase(), chainHead: chainHead ? chainHead.toLowerCase() : null };
}

export function formatSheetCode(code: SheetCode): string {
  return ['VALIJA', code.folio, code.digest, ...(code.chainHead ? [code.chainHead] : [])].join('|');
}

/**
 * A folio compared without separators or case: a scanner on another keyboard
 * layout turns «/» into «-», and clerks type folios either way.
 */
export function folioKey(folio: string): string {
  return folio.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

