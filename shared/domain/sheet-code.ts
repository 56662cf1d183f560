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


/**
 * Whether a folio typed at the counter names `folio` (clerks type folios every way):
 * case and separators ignored, zeros optional (`c4/dg/1/2026`), the prefix
 * optional (`1/2026`), and the number alone for the current year (`0001`).
 */
export function typedFolioMatches(folio: string, typed: string, currentYear: number): boolean {
  if (folioKey(folio) === folioKey(typed) && folioKey(typed) !== '') return true;
  const parts = folio.toUpperCase().split('/');
  const year = Number(parts.at(-1));
  const number = Number(parts.at(-2));
  const prefix = parts.slice(0, -2);
  const tokens = typed.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const numeric = (t: string | undefined) => t !== undefined && /^\d{1,6}$/.test(t);
  if (tokens.length === 1) return numeric(tokens[0]) && Number(tokens[0]) === number && year === currentYear;
  const [t, y] = [tokens.at(-2), tokens.at(-1)];
  if (!numeric(t) || !y || !/^\d{4}$/.test(y) || Number(t) !== number || Number(y) !== year) return false;
  const typedPrefix = tokens.slice(0, -2);
  return typedPrefix.length === 0 || typedPrefix.join('/') === prefix.join('/');
}
