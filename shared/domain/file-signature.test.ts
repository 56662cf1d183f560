import { describe, expect, it } from 'vitest';
import { attachmentUploadSchema, scanUploadSchema } from './shipments';
import { bytesMatchDeclaredType, sniffDocumentType, sniffMaterialType } from './file-signature';
import { materialUploadSchema } from './releases';

// shared/ has no Node types: btoa over a binary string, as the renderer would produce it.
const b64 = (bytes: number[] | string) => btoa(typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes));

describe('document file signatures', () => {
  it('tells PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffDocumentType(b64('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
    expect(sniffDocumentType(b64([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(sniffDocumentType(b64([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('image/jpeg');
    expect(sniffDocumentType(b64('MZ\x90\x00 un ejecutable'))).toBeNull();
    expect(sniffDocumentType(b64('<html><script>'))).toBeNull();
    expect(sniffDocumentType('')).toBeNull();
  });

  it('an executable or a page declared as PDF is refused at the boundary, with a Spanish message', () => {
    const exe = { fileName: 'oficio.pdf', mediaType: 'application/pdf', base64: b64('MZ\x90\x00\x03\x00\x00\x00') };
    expect(bytesMatchDeclaredType(exe)).toBe(false);
    const attachment = attachmentUploadSchema.safeParse(exe);
    expect(attachment.success).toBe(false);
    expect(attachment.error?.issues[0]?.message).toMatch(/no corresponde a un PDF, PNG o JPG/);
    expect(scanUploadSchema.safeParse(exe).success).toBe(false);
    // a PNG declared as PDF is refused too: the declared type is what is stored and served back
    expect(attachmentUploadSchema.safeParse({ ...exe, base64: b64([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }).success).toBe(false);
    expect(attachmentUploadSchema.safeParse({ ...exe, base64: b64('%PDF-1.4\n') }).success).toBe(true);
  });
});

describe('release material signatures', () => {
  it('tells MP4, MP3 and WAV by their first bytes, besides PDF, PNG and JPEG', () => {
    expect(sniffMaterialType(b64([0, 0, 0, 0x20, ...'ftypisom'.split('').map((c) => c.charCodeAt(0))]))).toBe('video/mp4');
    expect(sniffMaterialType(b64('ID3\x04\x00\x00\x00\x00'))).toBe('audio/mpeg');
    expect(sniffMaterialType(b64([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
    expect(sniffMaterialType(b64('RIFF\x24\x08\x00\x00WAVEfmt '))).toBe('audio/wav');
    expect(sniffMaterialType(b64('RIFF\x24\x08\x00\x00AVI LIST'))).toBeNull();
    expect(sniffMaterialType(b64([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMaterialType(b64('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMaterialType(b64('MZ\x90\x00'))).toBeNull();
  });

  it('refuses at the boundary a material whose bytes are not what it declares, and one over 50 MB', () => {
    const exe = materialUploadSchema.safeParse({ fileName: 'spot.mp4', mediaType: 'video/mp4', base64: b64('MZ\x90\x00\x03\x00\x00\x00\x00\x00\x00\x00') });
    expect(exe.error?.issues[0]?.message).toMatch(/no corresponde al tipo declarado/);
    const big = materialUploadSchema.safeParse({ fileName: 'spot.pdf', mediaType: 'application/pdf', base64: b64('%PDF-1.7') + 'A'.repeat(67_000_000) });
    expect(big.error?.issues.map((i) => i.message)).toContain('El material no puede pasar de 50 MB.');
    expect(materialUploadSchema.safeParse({ fileName: 'spot.exe', mediaType: 'application/x-msdownload', base64: b64('MZ') }).error?.issues[0]?.message).toMatch(/imagen \(PNG o JPG\), un video/);
  });
});
