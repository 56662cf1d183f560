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

/**
 * The material of a release (docs/DOMAIN.md, «Difusiones»): images, video,
 * audio and PDF, each recognised by its first bytes too.
 */
export const MATERIAL_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'video/mp4', 'audio/mpeg', 'audio/wav'] as const;
export type MaterialMediaType = (typeof MATERIAL_MEDIA_TYPES)[number];

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const at = (head: readonly number[], offset: number, bytes: readonly number[]) => bytes.every((b, i) => head[offset + i] === b);

export function sniffMaterialType(base64: string): MaterialMediaType | null {
  const document = sniffDocumentType(base64);
  if (document) return document;
  const head = leadingBytes(base64, 12);
  // ISO base media: a box size, then «ftyp» and the brand.
  if (at(head, 4, ascii('ftyp'))) return 'video/mp4';
  if (at(head, 0, ascii('RIFF')) && at(head, 8, ascii('WAVE'))) return 'audio/wav';
  // An ID3 tag, or straight into an MPEG audio frame (11 sync bits, a layer that is not «reserved»).
  const [b0, b1] = head;
  if (at(head, 0, ascii('ID3')) || (b0 === 0xff && b1 !== undefined && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0)) return 'audio/mpeg';
  return null;
}

export const MATERIAL_SIGNATURE_MISMATCH_MESSAGE =
  'El contenido del archivo no corresponde al tipo declarado (se aceptan PNG, JPG, MP4, MP3, WAV y PDF, y se revisan sus primeros bytes, no su nombre).';
