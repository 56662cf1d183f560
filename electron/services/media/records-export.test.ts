import { execFileSync } from 'node:child_process';
import { existsSync, promises as fsp, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaService } from './media-service';
import { assertSelectionMayLeave, indexCsv, safeFileName } from './records-export';
import { testWorld, oficioContent, shipmentIn, type TestWorld } from '../test-support/world';
import { useTempDirs } from './test-support';
import { decryptFile } from './age-payload';
import { parsed } from '../test-support/parsed-inputs';

const tempDir = useTempDirs();
const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    await w.s.session.close();
    await fsp.rm(w.dir, { recursive: true, force: true });
  }
});

/** Opens an encrypted export the way the recipient does: age with the printed passphrase, then tar. */
async function openExport(result: { bagPath: string; passphrase: string | null }): Promise<string> {
  expect(readdirSync(path.join(result.bagPath, 'data'))).toEqual(['expediente.tar.age']);
  const dir = tempDir();
  await decryptFile(path.join(result.bagPath, 'data', 'expediente.tar.age'), path.join(dir, 'expediente.tar'), result.passphrase ?? '');
  execFileSync('tar', ['-xf', 'expediente.tar'], { cwd: dir });
  execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: path.join(dir, 'expediente') });
  return path.join(dir, 'expediente');
}
const FAST = { scryptWorkFactor: 10 } as const;

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('exporting records', () => {
  it('puts the approval sheet in the bag byte for byte as it was printed, and its reprint beside it', async () => {
    const w = await testWorld(Date.parse('2026-11-03T18:00:00Z'));
    worlds.push(w);
    const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
    const s = await shipmentIn(w, 'por_firmar', oficioContent(w, 'Informe firmado'));
    const original = await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: s.id, form: 'approval' }));
    await w.s.shipments.lifecycle.act(w.ws, w.clerk2, s.id, 'registrar_firma', parsed.payload('registrar_firma', { signerName: 'Lic. Dora García', signerPosition: 'Directora General', signedOn: '2026-11-03' }));
    w.clock.now += 60_000;
    const reprint = await w.s.shipments.printing.printForm(w.ws, w.clerk, parsed.print({ shipmentId: s.id, form: 'approval' }));
    const result = await media.exportRecords(w.ws, w.clerk, { shipmentIds: [s.id] }, { drivePath: tempDir(), filesystem: 'vfat', ...FAST });
    expect(result.verification.valid).toBe(true);
    const folder = path.join(await openExport(result), s.folio!.replaceAll('/', '-'));
    expect(readFileSync(path.join(folder, 'autorizacion.pdf')).equals(Buffer.from(original.base64, 'base64'))).toBe(true);
    expect(readFileSync(path.join(folder, 'impresos', reprint.fileName)).equals(Buffer.from(reprint.base64, 'base64'))).toBe(true);
  });

  it('exports a month of shipments with forms, custody logs, attachments and an index, verified', async () => {
    const w = await testWorld(Date.parse('2026-11-03T18:00:00Z'));
    worlds.push(w);
    const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
    const pdf = Buffer.from('%PDF-1.4\n% anexo de prueba\n');
    const attachment = await w.s.shipments.attachments.upload(w.ws, { fileName: 'Anexo: estadística?.pdf', mediaType: 'application/pdf', base64: pdf.toString('base64') });
    const a = await shipmentIn(w, 'entregado', oficioContent(w, 'Estadística delictiva de octubre', [attachment]));
    w.clock.now = Date.parse('2026-11-15T18:00:00Z');
    const b = await shipmentIn(w, 'autorizado', oficioContent(w, '=HYPERLINK("http://x") asunto con fórmula'));
    const c = await shipmentIn(w, 'en_revision_juridica', oficioContent(w, 'Borrador en revisión'));
    w.clock.now = Date.parse('2026-12-02T18:00:00Z');
    await shipmentIn(w, 'autorizado', oficioContent(w, 'De diciembre: fuera del periodo'));

    const drive = tempDir();
    const phases = new Set<string>();
    // A whole period is a bulk export: refused to a clerk, taken by an administrator.
    await expect(media.exportRecords(w.ws, w.clerk, { from: '2026-11-01', to: '2026-11-30' }, { drivePath: drive })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('requiere el rol Administrador') });
    const result = await media.exportRecords(w.ws, w.admin, { from: '2026-11-01', to: '2026-11-30' }, { drivePath: drive, filesystem: 'vfat', ...FAST, onProgress: (p) => phases.add(p.phase) });
    expect(result.bagName).toBe('valija-expediente-2026-12-02-1');
    expect(result.shipments).toBe(3);
    expect([...phases]).toEqual(['preparing', 'copying', 'verifying']);
    expect(result.verification.valid).toBe(true);
    expect((await media.verifyBagAt(result.bagPath)).valid).toBe(true);

    expect(result.passphrase).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    expect(result.openingKeyPdf?.subarray(0, 5).toString()).toBe('%PDF-');
    // Nothing readable on the drive: one age file, whose header names no record.
    expect(readFileSync(path.join(result.bagPath, 'data', 'expediente.tar.age')).includes(Buffer.from('estadística'))).toBe(false);
    const data = await openExport(result);
    const folderA = a.folio!.replaceAll('/', '-');
    expect(readdirSync(path.join(data, folderA)).sort()).toEqual(['anexos', 'autorizacion.pdf', 'custodia.csv', 'custodia.json', 'envio.json', 'registro-custodia.pdf']);
    expect(readFileSync(path.join(data, folderA, 'anexos', 'Anexo_ estadística_.pdf')).equals(pdf)).toBe(true);
    const custody = JSON.parse(readFileSync(path.join(data, folderA, 'custodia.json'), 'utf8')) as { events: Array<{ hash: string; prevHash: string }>; headHash: string };
    expect(custody.events.length).toBe(3);
    expect(custody.events[1]!.prevHash).toBe(custody.events[0]!.hash);
    expect(custody.headHash).toBe(custody.events[2]!.hash);
    const csv = readFileSync(path.join(data, folderA, 'custodia.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFFolio,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(JSON.parse(readFileSync(path.join(data, folderA, 'envio.json'), 'utf8'))).toMatchObject({ id: a.id, folio: a.folio, state: 'entregado' });
    // A shipment with no folio yet has no forms, but its record and log travel.
    expect(readdirSync(path.join(data, c.id)).sort()).toEqual(['custodia.csv', 'custodia.json', 'envio.json']);

    const index = readFileSync(path.join(data, 'indice.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(index).toHaveLength(4);
    expect(index[0]).toContain('Carpeta,Folio,Estado');
    expect(index[1]).toContain(`${folderA},${a.folio},Entregado,Oficio`);
    expect(index[2]).toContain(`"'=HYPERLINK(""http://x"") asunto con fórmula"`);
    const indexJson = JSON.parse(readFileSync(path.join(data, 'indice.json'), 'utf8')) as { shipments: Array<{ id: string; files: string[] }> };
    expect(indexJson.shipments.map((s) => s.id)).toEqual([a.id, b.id, c.id]);
    expect(indexJson.shipments[0]!.files).toContain('anexos/Anexo_ estadística_.pdf');

    if (hasPdftotext) {
      const text = execFileSync('pdftotext', [path.join(data, folderA, 'registro-custodia.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain(a.folio!);
    }
    const audit = await w.ws.audit.list({ offset: 0, limit: 1000 });
    const exported = audit.entries.find((e) => e.action === ('records.exported' as string) && e.details.envios === 3);
    // the entry says what left the vault: every folio and how many of each classification
    for (const line of result.index) expect(String(exported?.details.folios)).toContain(line.folio ?? line.id);
    expect(String(exported?.details.clasificacion)).toMatch(/\d/);
    expect(exported?.details.cifrado).toBe(true);

    // Chosen shipments; a second export the same day gets the next number.
    const again = await media.exportRecords(w.ws, w.admin, { shipmentIds: [b.id] }, { drivePath: drive, ...FAST });
    expect(again.bagName).toBe('valija-expediente-2026-12-02-2');
    expect(again.shipments).toBe(1);
  });

  it('cancels cleanly and refuses empty selections or the wrong role', async () => {
    const w = await testWorld();
    worlds.push(w);
    const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
    const s = await shipmentIn(w, 'autorizado', oficioContent(w, 'Uno'));
    const drive = tempDir();
    const controller = new AbortController();
    await expect(
      media.exportRecords(w.ws, w.clerk, { shipmentIds: [s.id] }, { drivePath: drive, ...FAST, signal: controller.signal, onProgress: (p) => p.phase === 'copying' && controller.abort() }),
    ).rejects.toMatchObject({ message: expect.stringContaining('canceló') });
    expect(existsSync(drive) && readdirSync(drive)).toEqual([]);
    await expect(media.exportRecords(w.ws, w.admin, { from: '2020-01-01', to: '2020-01-31' }, { drivePath: drive })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(media.exportRecords(w.ws, w.admin, {}, { drivePath: drive })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses the attacks on an export in clear on a real vault: a clerk, an unconfirmed administrator, reserved shipments; each refusal audited, nothing written', async () => {
    const w = await testWorld();
    worlds.push(w);
    const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
    const reserved = await shipmentIn(w, 'autorizado', oficioContent(w, 'Informe reservado'));
    const publicOne = await shipmentIn(w, 'autorizado', { ...oficioContent(w, 'Boletín público'), classification: 'publica', legalBasis: '' });
    const drive = tempDir();
    const clear = { drivePath: drive, encrypt: false } as const;
    await expect(media.exportRecords(w.ws, w.clerk, { shipmentIds: [publicOne.id] }, { ...clear, clearConfirmed: true })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Exportar sin cifrar requiere el rol Administrador') });
    await expect(media.exportRecords(w.ws, w.admin, { shipmentIds: [publicOne.id] }, clear)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('confirme') });
    await expect(media.exportRecords(w.ws, w.admin, { shipmentIds: [publicOne.id, reserved.id] }, { ...clear, clearConfirmed: true })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('debe exportarse cifrado') });
    expect(readdirSync(drive)).toEqual([]);
    const refused = (await w.ws.audit.list({ offset: 0, limit: 1000 })).entries.filter((e) => e.action === 'records.export_refused');
    expect(refused.map((e) => e.actor?.userName)).toEqual(expect.arrayContaining([w.clerk.userName, w.admin.userName]));
    expect(refused).toHaveLength(3);
    expect(String(refused.find((e) => e.details.motivo === 'VALIDATION')?.details.folios)).toContain(reserved.folio!);
    // Nothing lost: both shipments are still there, and a confirmed administrator exports the public one in clear, audited as such.
    expect((await w.s.shipments.queries.get(w.ws, w.admin, reserved.id)).shipment.state).toBe('autorizado');
    const inClear = await media.exportRecords(w.ws, w.admin, { shipmentIds: [publicOne.id] }, { ...clear, clearConfirmed: true });
    expect(inClear.passphrase).toBeNull();
    expect(readdirSync(path.join(inClear.bagPath, 'data'))).toContain('indice.csv');
    const exported = (await w.ws.audit.list({ offset: 0, limit: 1000 })).entries.find((e) => e.action === 'records.exported');
    expect(exported?.details).toMatchObject({ cifrado: false, enClaro: 'confirmado por el administrador' });
  });

  it('checks a chosen selection before the job starts: unreadable for its exporter, or not pública in clear; each refusal audited once', async () => {
    const w = await testWorld();
    worlds.push(w);
    const reserved = await shipmentIn(w, 'autorizado', oficioContent(w, 'Informe reservado'));
    const publicOne = await shipmentIn(w, 'autorizado', { ...oficioContent(w, 'Boletín público'), classification: 'publica', legalBasis: '' });
    const refusals = async () => (await w.ws.audit.list({ offset: 0, limit: 1000 })).entries.filter((e) => e.action === 'records.export_refused');
    // The administrator reads both: encrypted, the selection may leave; in clear, the reservada one keeps it in.
    await expect(assertSelectionMayLeave(w.s.shipments, w.ws, w.admin, { shipmentIds: [publicOne.id, reserved.id] }, true)).resolves.toBeUndefined();
    await expect(assertSelectionMayLeave(w.s.shipments, w.ws, w.admin, { shipmentIds: [publicOne.id] }, false)).resolves.toBeUndefined();
    await expect(assertSelectionMayLeave(w.s.shipments, w.ws, w.admin, { shipmentIds: [publicOne.id, reserved.id] }, false)).rejects.toMatchObject({ code: 'VALIDATION', message: `La selección incluye 1 envío reservado o confidencial (${reserved.folio}): el expediente debe exportarse cifrado. No se escribió nada en la unidad.` });
    expect(await refusals()).toHaveLength(1);
    // Lucía did not prepare the reservada one: refused for need-to-know first, whatever the encryption.
    await expect(assertSelectionMayLeave(w.s.shipments, w.ws, w.clerk2, { shipmentIds: [reserved.id] }, true)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('que su usuario no puede consultar') });
    expect((await refusals()).map((e) => e.details.motivo)).toEqual(expect.arrayContaining(['VALIDATION', 'FORBIDDEN']));
    expect(await refusals()).toHaveLength(2);
  });

  it('makes attachment names portable and the index safe for Excel', () => {
    expect(safeFileName('a/b\\c:d*e?.pdf')).toBe('a_b_c_d_e_.pdf');
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(safeFileName('fin. ')).toBe('fin');
    expect(safeFileName('..')).toBe('archivo');
    expect(indexCsv([{ folder: 'f', id: 'i', folio: null, state: 'Borrador', channel: 'Oficio', classification: 'Pública', agency: '—', subject: '@SUM(A1)', createdAt: '2026-11-03T18:00:00Z', updatedAt: '2026-11-03T18:00:00Z', custodyEvents: 0, chainHead: '', contentDigest: 'd', files: [] }])).toContain(',"\'@SUM(A1)",');
  });
});
