import { promises as fsp, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, testWorld, type TestWorld } from '../test-support/world';
import { PrintedSheets, sha256Hex } from './printed-sheets';

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.s.session.close();
    await fsp.rm(w.dir, { recursive: true, force: true });
  }
});

const PDF = Buffer.from('%PDF-1.7\n% hoja de autorización firmada: «Autorizó»\n%%EOF\n');
const SHEET = { shipmentId: 'envio-1', form: 'approval', sheetVersion: 1, reprint: 0, printedAt: '2026-11-23T18:00:00.000Z', printedBy: 'José Pérez', fileName: 'autorizacion-C4-DG-0001-2026-hoja1.pdf' } as const;

describe('printed sheets', () => {
  it('keeps the exact bytes of a print encrypted in the vault, and gives them back after the vault is opened again', async () => {
    const w = await testWorld();
    worlds.push(w);
    const sheets = await PrintedSheets.open(w.ws.vault);
    const stored = await sheets.store(SHEET, PDF);
    expect(stored).toMatchObject({ ...SHEET, size: PDF.length, sha256: sha256Hex(PDF) });
    // Nothing of the PDF is in clear on disk.
    const files = readdirSync(w.dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    for (const f of files) expect(readFileSync(path.join(f.parentPath, f.name)).includes(Buffer.from('hoja de autorización'))).toBe(false);

    await w.s.session.close();
    const w2 = await reopen(w);
    const again = await PrintedSheets.open(w2.vault);
    expect(again.of('envio-1').map((s) => s.id)).toEqual([stored.id]);
    expect(again.of('otro-envio')).toEqual([]);
    expect((await again.bytes('envio-1', stored.id)).pdf.equals(PDF)).toBe(true);
    await expect(again.bytes('otro-envio', stored.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to hand back bytes that no longer match the SHA-256 recorded at print time', async () => {
    const w = await testWorld();
    worlds.push(w);
    const sheets = await PrintedSheets.open(w.ws.vault);
    const stored = await sheets.store(SHEET, PDF);
    const blob = await w.ws.vault.doc<{ mediaType: string; base64: string }>(stored.blobId, { mediaType: '', base64: '' });
    blob.data.base64 = Buffer.from('%PDF-1.7\n% otra hoja\n').toString('base64');
    const error = await sheets.bytes('envio-1', stored.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VAULT_CORRUPT' });
    expect((error as Error).message).toContain('no coincide con la huella');
  });
});

async function reopen(w: TestWorld) {
  await w.s.session.signIn(ADMIN.userName, ADMIN.password);
  return w.s.session.require().ws;
}
