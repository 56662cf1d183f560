/**
 * What a file is, by its first bytes rather than by the type the screen
 * declares (which is whatever the file name suggested, or whatever a
 * tampered caller sends). Only the kinds Valija stores as documents.
 */
export type DocumentMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: ReadonlyArray<{ type: DocumentMediaType; bytes: readonly number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The first bytes of a base64 text, without decoding all of it (uploads reach 20 MB). */
function leadingBytes(base64: string, count: number): number[] {
  const chunk = base64.slice(0, Math.ceil(count / 3) * 4);
  let binary: string;
  try {
    binary = atob(chunk);
  } catch {
    return [];
  }
  return Array.from(binary.slice(0, count), (c) => c.charCodeAt(0));
}

export function sniffDocumentType(base64: string): DocumentMediaType | null {
  const head = leadingBytes(base64, 8);
  return SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type ?? null;
}

/** For zod refinements: the declared type must be what the bytes say. */
export function bytesMatchDeclaredType(file: { mediaType: string; base64: string }): boolean {
  return sniffDocumentType(file.base64) === file.mediaType;
}

export const SIGNATURE_MISMATCH_MESSAGE = 'El contenido del archivo no corresponde a un PDF, PNG o JPG (se revisan sus primeros bytes, no su nombre).';
