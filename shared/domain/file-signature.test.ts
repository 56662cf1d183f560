import { describe, expect, it } from 'vitest';
import { attachmentUploadSchema, scanUploadSchema } from './shipments';
import { bytesMatchDeclaredType, sniffDocumentType } from './file-signature';

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
