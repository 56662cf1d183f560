import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatSheetCode } from '../../../shared/domain/sheet-code';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import type { Channel } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import { createHandlers, createServices } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { TEST_DRIVE_FS_FILE, TEST_DRIVES_ENV } from '../media/drives';
import { testWorld, oficioContent, shipmentIn, type TestWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';
import { mayRead } from './need-to-know';
import { parsed } from '../test-support/parsed-inputs';

const base: User = { id: 'u1', userName: 'x', fullName: 'X', position: 'P', roles: ['capturista'], active: true, mustChangePassword: false, createdAt: '', deactivatedAt: null };
const reserved = { classification: 'reservada' as const, preparedByIds: ['author'] };

describe('the need-to-know rule', () => {
  it('lets everyone read pública and only those whose duty needs it read reservada and confidencial', () => {
    expect(mayRead(base, { classification: 'publica', preparedByIds: [] })).toBe(true);
    expect(mayRead(base, reserved)).toBe(false);
    expect(mayRead({ ...base, id: 'author' }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['juridico'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['director'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['administrador'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, roles: ['comunicacion_social'] }, reserved)).toBe(false);
    expect(mayRead({ ...base, readGrants: ['reservada'] }, reserved)).toBe(true);
    expect(mayRead({ ...base, readGrants: ['reservada'] }, { ...reserved, classification: 'confidencial' })).toBe(false);
    expect(mayRead({ ...base, readGrants: ['reservada'], active: false }, reserved)).toBe(false);
  });
});

let world: TestWorld | null = null;
const drivesBefore = process.env[TEST_DRIVES_ENV];
afterEach(async () => {
  await world?.s.session.close();
  world = null;
  if (drivesBefore === undefined) delete process.env[TEST_DRIVES_ENV];
  else process.env[TEST_DRIVES_ENV] = drivesBefore;
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('attack: a clerk without access opens another clerk’s reservada shipment on a real vault', () => {
  it('is refused in Spanish everywhere, loses nothing, is audited, and shows once the administrator grants access', async () => {
    const w = (world = await testWorld());
    const shipment = await w.s.shipments.lifecycle.createDraft(w.ws, w.clerk, oficioContent(w, 'Informe de inteligencia'));
    expect(shipment.content.classification).toBe('reservada');

    // The list neither shows it nor counts it.
    expect((await w.s.shipments.queries.list(w.ws, w.clerk2, parsed.filter({}))).total).toBe(0);
    expect((await w.s.shipments.queries.list(w.ws, w.clerk, parsed.filter({}))).total).toBe(1);
    expect((await w.s.shipments.queries.list(w.ws, w.clerk2, parsed.filter({ text: 'inteligencia' }))).items).toEqual([]);

    // Direct attempts: detail, print, attachment download.
    const detail = await refusal(w.s.shipments.queries.get(w.ws, w.clerk2, shipment.id));
    expect(detail.code).toBe('FORBIDDEN');
    expect(detail.message).toMatch(/reservada: su usuario no tiene acceso/);
    expect((await refusal(w.s.shipments.printing.printForm(w.ws, w.clerk2, parsed.print({ shipmentId: shipment.id, form: 'envelopeCover' })))).code).toBe('FORBIDDEN');
    expect((await refusal(w.s.shipments.printing.printedSheets(w.ws, w.clerk2, shipment.id))).code).toBe('FORBIDDEN');

    const audit = await w.ws.audit.list({ limit: 50, offset: 0 } as never);
    const refused = audit.entries.filter((e) => e.action === 'shipment.read_refused');
    expect(refused).toHaveLength(3);
    expect(refused.map((e) => e.actor?.userName)).toEqual(['lruiz', 'lruiz', 'lruiz']);
    expect(refused.every((e) => e.details.envio === shipment.id)).toBe(true);
    expect(refused.map((e) => e.details.intento)).toContain('abrir el detalle');

    // Nothing lost: reopened from disk, the shipment is whole and unprinted.
    const dir = w.dir;
    await w.s.session.close();
    const s2 = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date(w.clock.now), kdf: TEST_KDF });
    world = { ...w, s: s2 };
    await s2.session.signIn('mlopez', 'Valija-Segura-2026');
    const { ws, user: admin } = s2.session.require();
    const again = await s2.shipments.queries.get(ws, admin, shipment.id);
    expect(again.shipment.content.subject).toBe('Informe de inteligencia');
    expect(again.shipment.prints ?? []).toEqual([]);

    // The administrator grants Lucía reservada by name: now she reads it.
    await s2.users.setReadGrants(ws, admin, w.clerk2.id, ['reservada']);
    const lucia = ws.users.data.users.find((u) => u.id === w.clerk2.id)!;
    expect(lucia.readGrants).toEqual(['reservada']);
    expect((await s2.shipments.queries.list(ws, lucia, parsed.filter({}))).total).toBe(1);
    expect((await s2.shipments.queries.get(ws, lucia, shipment.id)).shipment.id).toBe(shipment.id);
    const grants = (await ws.audit.list({ limit: 50, offset: 0 } as never)).entries.filter((e) => e.action === 'user.read_grants_changed');
    expect(grants).toHaveLength(1);
  });
});

describe('attack through the IPC dispatcher: the other clerk at the counter, downloading an attachment, exporting records', () => {
  it('refuses the sheet lookup, the download and a selection export in Spanish, writes nothing to the drive, audits each, and allows them after a grant', async () => {
    const w = (world = await testWorld());
    const drive = mkdtempSync(path.join(os.tmpdir(), 'valija-drive-'));
    writeFileSync(path.join(drive, TEST_DRIVE_FS_FILE), 'vfat');
    process.env[TEST_DRIVES_ENV] = drive;

    // José prepares a reservada oficio with an attachment; it gets its folio and sheet.
    const pdf = Buffer.from('%PDF-1.4\n% anexo reservado\n');
    const attachment = await w.s.shipments.attachments.upload(w.ws, { fileName: 'anexo-reservado.pdf', mediaType: 'application/pdf', base64: pdf.toString('base64') });
    const shipment = await shipmentIn(w, 'por_firmar', oficioContent(w, 'Ubicación de células delictivas', [attachment]));
    expect(shipment.content.classification).toBe('reservada');
    expect(shipment.folio).toMatch(/^C4\/DG\/0001\/2026$/);
    const code = formatSheetCode({ folio: shipment.folio!, digest: shipment.digest, chainHead: null });

    // Lucía, another clerk, signs in at the same workstation; every call goes through dispatch as the screens' do.
    const handlers = createHandlers(w.s);
    const ask = (channel: Channel, input: unknown) => dispatch(handlers, channel, input, { error: () => undefined }) as Promise<Result<unknown>>;
    const as = async (userName: string, password: string) => {
      expect(await ask('session.signOut', {})).toMatchObject({ ok: true });
      expect(await ask('session.signIn', { userName, password })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
    };
    await as('lruiz', 'Temporal-Inicio-77');
    expect(await ask('session.changePassword', { currentPassword: 'Temporal-Inicio-77', newPassword: 'Clave-Archivo-2026' })).toMatchObject({ ok: true });

    const refusedRead = { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('El envío es de información reservada: su usuario no tiene acceso.') } };
    // At the counter she holds the paper: the lookup is refused.
    expect(await ask('shipments.lookup', { code })).toMatchObject(refusedRead);
    // A typed folio finds nothing she may read (a search is not told the shipment exists).
    expect(await ask('shipments.findFolio', { text: shipment.folio! })).toEqual({ ok: true, value: [] });
    // The attachment's download.
    expect(await ask('shipments.attachment', { shipmentId: shipment.id, blobId: attachment.blobId })).toMatchObject(refusedRead);
    // A selection export naming it: refused before the job starts, nothing on the drive.
    const exported = await ask('media.export', { drivePath: drive, shipmentIds: [shipment.id], encrypt: true });
    expect(exported).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const exportMessage = (exported as { error: { message: string } }).error.message;
    expect(exportMessage).toBe(`La selección incluye 1 envío clasificado que su usuario no puede consultar (${shipment.folio}). Pida al administrador que le conceda acceso si su función lo requiere. No se escribió nada en la unidad.`);
    expect(readdirSync(drive)).toEqual([TEST_DRIVE_FS_FILE]);

    // Sign-out closed the workspace José's session opened: read the audit through the one open now.
    const audit = (await w.s.session.require().ws.audit.list({ limit: 100, offset: 0 } as never)).entries;
    const readRefusals = audit.filter((e) => e.action === 'shipment.read_refused' && e.actor?.userName === 'lruiz');
    expect(readRefusals.map((e) => e.details.intento).sort()).toEqual(['descargar un anexo', 'leer la hoja en el mostrador']);
    expect(readRefusals.every((e) => e.details.envio === shipment.id)).toBe(true);
    const exportRefusals = audit.filter((e) => e.action === 'records.export_refused');
    expect(exportRefusals).toHaveLength(1);
    expect(exportRefusals[0]).toMatchObject({ actor: { userName: 'lruiz' }, details: { motivo: 'FORBIDDEN', folios: shipment.folio } });

    // The administrator grants her reservada by name; the same calls now work.
    await as('mlopez', 'Valija-Segura-2026');
    expect(await ask('users.setReadGrants', { userId: w.clerk2.id, grants: ['reservada'] })).toMatchObject({ ok: true, value: { readGrants: ['reservada'] } });
    await as('lruiz', 'Clave-Archivo-2026');
    expect(await ask('shipments.lookup', { code })).toMatchObject({ ok: true, value: { shipmentId: shipment.id, digestMatches: true } });
    const download = await ask('shipments.attachment', { shipmentId: shipment.id, blobId: attachment.blobId });
    expect(download).toMatchObject({ ok: true, value: { fileName: 'anexo-reservado.pdf' } });
    expect(Buffer.from((download as { value: { base64: string } }).value.base64, 'base64').equals(pdf)).toBe(true);
    const started = await ask('media.export', { drivePath: drive, shipmentIds: [shipment.id], encrypt: true });
    expect(started).toMatchObject({ ok: true, value: { state: 'running' } });
    const jobId = (started as { value: { id: string } }).value.id;
    let status: { state: string; message: string } = { state: 'running', message: '' };
    for (let i = 0; i < 600 && status.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = ((await ask('jobs.get', { jobId })) as { value: typeof status }).value;
    }
    expect(status).toMatchObject({ state: 'done' });
    expect(readdirSync(drive).filter((n) => n !== TEST_DRIVE_FS_FILE)).toHaveLength(1);
  });
});
