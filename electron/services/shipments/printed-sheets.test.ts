import { promises as fsp, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Shipment } from '../../../shared/domain/shipments';
import { ADMIN, testWorld, type TestWorld } from '../test-support/world';
import { PRINTS_STREAM, PrintedSheets, sha256Hex } from './printed-sheets';

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.s.session.close();
    await fsp.rm(w.dir, { recursive: true, force: true });
  }
});

const PDF = Buffer.from('%PDF-1.7\n% hoja de autorización firmada: «Autorizó»\n%%EOF\n');
const PRINT = { form: 'approval', variant: 'hoja1', sheetVersion: 1, reprint: 0, printedAt: '2026-11-23T18:00:00.000Z', printedBy: 'José Pérez', fileName: 'autorizacion-C4-DG-0001-2026-hoja1.pdf' } as const;
const shipment = (prints: Shipment['prints'] = []) => ({ id: 'envio-1', prints }) as Shipment;

async function world(): Promise<TestWorld> {
  const w = await testWorld();
  worlds.push(w);
  return w;
}

async function reopen(w: TestWorld) {
  await w.s.session.close();
  await w.s.session.signIn(ADMIN.userName, ADMIN.password);
  return w.s.session.require().ws;
}

const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name));

describe('printed sheets', () => {
  it('appends the exact bytes of a print, encrypted, to one stream, and gives them back after the vault is opened again', async () => {
    const w = await world();
    const docsBefore = files(w.dir).filter((f) => f.includes(`${path.sep}docs${path.sep}`)).length;
    const stored = await new PrintedSheets(w.ws.vault).store(shipment(), PRINT, PDF, new Date('2026-11-23T18:00:00Z'));
    expect(stored).toMatchObject({ ...PRINT, size: PDF.length, sha256: sha256Hex(PDF) });
    expect(stored.frame[0]).toBe('2026-11');
    // One frame in the prints stream, no document of its own; nothing of the PDF is in clear on disk.
    expect(files(w.dir).filter((f) => f.includes(`${path.sep}docs${path.sep}`)).length).toBe(docsBefore);
    const partition = files(w.dir).find((f) => f.includes(`${path.sep}${PRINTS_STREAM}${path.sep}`) && f.endsWith('.log')) as string;
    expect(statSync(partition).size).toBe(stored.frame[3]);
    expect(files(w.dir).filter((f) => f.endsWith('.log')).length).toBeGreaterThan(0);
    for (const f of files(w.dir)) expect(readFileSync(f).includes(Buffer.from('hoja de autorización'))).toBe(false);

    const ws = await reopen(w);
    const again = new PrintedSheets(ws.vault);
    const mine = shipment([stored]);
    expect((await again.of(mine)).map((s) => [s.id, s.shipmentId, s.fileName])).toEqual([[stored.id, 'envio-1', PRINT.fileName]]);
    expect((await again.bytes(mine, stored.id)).pdf.equals(PDF)).toBe(true);
    expect(await again.printedBefore(mine, 'approval', 'hoja1')).toBe(1);
    expect(await again.printedBefore(mine, 'approval', 'hoja2')).toBe(0);
    await expect(again.bytes(shipment(), stored.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bytes that no longer match the SHA-256 recorded at print time, naming the file', async () => {
    const w = await world();
    const sheets = new PrintedSheets(w.ws.vault);
    const stored = await sheets.store(shipment(), PRINT, PDF, new Date('2026-11-23T18:00:00Z'));
    const error = await sheets.bytes(shipment([{ ...stored, sha256: sha256Hex(Buffer.from('otra hoja')) }]), stored.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VAULT_CORRUPT' });
    expect((error as Error).message).toContain(`«${PRINT.fileName}» no coincide con la huella`);
  });

  it('says a print whose frame was damaged on disk is damaged, and loses no other print', async () => {
    const w = await world();
    const sheets = new PrintedSheets(w.ws.vault);
    const first = await sheets.store(shipment(), PRINT, PDF, new Date('2026-11-23T18:00:00Z'));
    const second = await sheets.store(shipment([first]), { ...PRINT, reprint: 1 }, PDF, new Date('2026-11-23T18:00:00Z'));
    const ws = await reopen(w);
    const partition = files(w.dir).find((f) => f.includes(`${path.sep}${PRINTS_STREAM}${path.sep}`) && f.endsWith('.log')) as string;
    const bytes = readFileSync(partition);
    bytes[first.frame[2] + 60] = (bytes[first.frame[2] + 60] as number) ^ 0xff;
    writeFileSync(partition, bytes);
    const again = new PrintedSheets(ws.vault);
    await expect(again.bytes(shipment([first, second]), first.id)).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    expect((await again.bytes(shipment([first, second]), second.id)).pdf.equals(PDF)).toBe(true);
  });

  it('still reads the prints of vaults that kept each PDF in a document of its own, and goes on counting from them', async () => {
    const w = await world();
    // What those vaults wrote: the PDF as base64 in a blob document, an index entry, and the count per form.
    const blob = await w.ws.vault.doc('blob-legado-1', { mediaType: 'application/pdf', base64: PDF.toString('base64') });
    await blob.write();
    const legacy = { id: 'impreso-legado-1', shipmentId: 'envio-1', form: 'approval', sheetVersion: 1, reprint: 0, printedAt: '2026-11-20T18:00:00.000Z', printedBy: 'José Pérez', fileName: PRINT.fileName, size: PDF.length, sha256: sha256Hex(PDF), blobId: 'blob-legado-1' };
    const index = await w.ws.vault.doc('printed-sheets', { sheets: [legacy] });
    await index.write();
    const counts = await w.ws.vault.doc('form-prints', { counts: { 'envio-1|approval|hoja1': 2 } });
    await counts.write();

    const ws = await reopen(w);
    const sheets = new PrintedSheets(ws.vault);
    expect(await sheets.printedBefore(shipment(), 'approval', 'hoja1')).toBe(2);
    const next = await sheets.store(shipment(), { ...PRINT, reprint: 2 }, PDF, new Date('2026-11-23T18:00:00Z'));
    const mine = shipment([next]);
    expect(await sheets.printedBefore(mine, 'approval', 'hoja1')).toBe(3);
    expect((await sheets.of(mine)).map((s) => [s.id, s.reprint])).toEqual([['impreso-legado-1', 0], [next.id, 2]]);
    expect((await sheets.bytes(mine, 'impreso-legado-1')).pdf.equals(PDF)).toBe(true);
  });
});
