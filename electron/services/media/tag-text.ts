/**
 * Tag files (manifests, bag-info.txt, fetch.txt) are text in the encoding that
 * bagit.txt declares. Old bags (0.97) use ISO-8859-1 or UTF-16 too, so we
 * decode by name rather than assume UTF-8. Lines may end in LF, CR or CRLF.
 */

/**
 * A tag file larger than this is refused before it is read: a manifest of a
 * million files is about 100 MiB of text only if paths are very long, so
 * 32 MiB is generous for real bags and keeps a hostile one from filling memory.
 */
export const MAX_TAG_FILE_BYTES = 32 * 1024 * 1024;
export const MAX_TAG_FILE_LINES = 1_000_000;

export type DecodedTagText = { ok: true; text: string; hadBom: boolean } | { ok: false; message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The WHATWG label to decode with, or null when we do not know the encoding. */
function decoderLabel(declared: string, bytes: Uint8Array): { label: string; bomLength: number } | null {
  const name = declared.trim().toLowerCase();
  if (name === 'utf-8' || name === 'utf8' || name === 'us-ascii' || name === 'ascii') {
    return { label: 'utf-8', bomLength: startsWith(bytes, UTF8_BOM) ? 3 : 0 };
  }
  if (name === 'utf-16') {
    // RFC 2781: the BOM says the byte order; without one it is big-endian.
    if (startsWith(bytes, [0xff, 0xfe])) return { label: 'utf-16le', bomLength: 2 };
    return { label: 'utf-16be', bomLength: startsWith(bytes, [0xfe, 0xff]) ? 2 : 0 };
  }
  if (name === 'utf-16le') return { label: name, bomLength: startsWith(bytes, [0xff, 0xfe]) ? 2 : 0 };
  if (name === 'utf-16be') return { label: name, bomLength: startsWith(bytes, [0xfe, 0xff]) ? 2 : 0 };
  try {
    // Any other label the Encoding Standard knows (iso-8859-1, windows-1252…).
    return { label: new TextDecoder(name).encoding, bomLength: 0 };
  } catch {
    return null;
  }
}

export function decodeTagText(bytes: Uint8Array, declaredEncoding: string, fileName: string): DecodedTagText {
  const found = decoderLabel(declaredEncoding, bytes);
  if (!found) {
    return { ok: false, message: `La codificación «${declaredEncoding}» que declara bagit.txt no es compatible; no se puede leer «${fileName}».` };
  }
  try {
    const text = new TextDecoder(found.label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(found.bomLength));
    return { ok: true, text, hadBom: found.bomLength > 0 };
  } catch {
    return { ok: false, message: `El archivo «${fileName}» no es texto válido en la codificación declarada (${declaredEncoding}).` };
  }
}

/** Lines without their terminators; a final line ending does not make an extra empty line. */
export function splitTagLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
