import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountInputSchema, custodyInputSchema, type AccountInput, type ParsedCustodyInput } from '../../../shared/domain/social-accounts';
import { createServices, type Services } from '../app-services';
import { ADMIN, testWorld, type TestWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';
import { FORMS_PNG_DIR, pdfFonts, pdfInfo, pdfQrTexts, pdfText, renderPngs, STANDARD_14_FONTS, writeTempPdf } from '../documents/test-support';
import { updateSettings } from '../accounts/office-settings';
import { acknowledgementCode, acknowledgementDigest } from './account-service';
import { ACCOUNT_CHANGES_STREAM, type AccountFrame } from './account-store';

let world: TestWorld | null = null;
const reopened: Services[] = [];
afterEach(async () => {
  for (const s of reopened.splice(0)) await s.session.close();
  await world?.s.session.close();
  world = null;
});

const official: AccountInput = { network: 'facebook', handle: 'C4Oaxaca', url: 'https://facebook.com/C4Oaxaca', kind: 'oficial', area: 'Comunicación Social', addedOn: '2026-01-05' };
const personal: AccountInput = {
  network: 'x',
  handle: '@DirectoraC4',
  kind: 'personal_administrada',
  holder: { fullName: 'Rosa Díaz Peña', position: 'Directora General', level: 0 },
  area: 'Comunicación Social',
  addedOn: '2026-02-01',
  listedPublicly: true,
};
const custodian = (fullName: string, userId: string | null = null): ParsedCustodyInput =>
  custodyInputSchema.parse({
  custodian: { userId, fullName, position: 'Community manager', area: 'Comunicación Social' },
  startedOn: '2026-03-01',
  keptIn: 'KeePassXC de Comunicación Social, entrada Facebook oficial',
  secondFactorHeldBy: 'Jefatura de Comunicación Social',
  recoveryContact: 'comunicacion@c4.example.gob.mx',
  });

async function reopen(w: TestWorld): Promise<Services> {
  await w.s.session.close();
  const s = createServices({ dataDir: w.dir, version: 't', shell: 'harness', clock: () => new Date(w.clock.now), kdf: TEST_KDF });
  reopened.push(s);
  await s.session.signIn(ADMIN.userName, ADMIN.password);
  return s;
}

async function frames(s: Services): Promise<AccountFrame[]> {
  const stream = await s.session.require().ws.vault.stream<AccountFrame>(ACCOUNT_CHANGES_STREAM);
  const out: AccountFrame[] = [];
  for await (const { record } of stream.readAll()) out.push(record);
  return out;
}

describe('the social-account register on a real vault', () => {
  it('keeps accounts and custodies, opens a password change when a custody ends, and closes it when recorded', async () => {
    const w = (world = await testWorld());
    const a = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(official));
    const p = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(personal));
    expect(p.countsAsOfficial).toBe(true);
    await expect(w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ ...official, handle: 'c4oaxaca' }))).rejects.toMatchObject({ code: 'CONFLICT' });

    await w.s.socialAccounts.startCustody(w.ws, w.admin, a.account.id, custodian('Ana Torres Ruiz'));
    const two = await w.s.socialAccounts.startCustody(w.ws, w.admin, a.account.id, custodian('José Pérez', w.clerk.id));
    expect(two.account.custodies).toHaveLength(2);
    expect(two.usable).toBe(false); // six months after 2026-01-05 the account is overdue for validation on 2026-11-23
    expect(two.status).toBe('en_revision');
    const validated = await w.s.socialAccounts.validate(w.ws, w.admin, a.account.id, '2026-11-20');
    expect(validated).toMatchObject({ status: 'activa', usable: true, pendingRotation: null });

    const ana = two.account.custodies[0]!;
    const ended = await w.s.socialAccounts.endCustody(w.ws, w.admin, a.account.id, ana.id, '2026-11-21', 'salida_de_custodio');
    expect(ended.pendingRotation).toEqual({ since: '2026-11-21', reason: 'salida_de_custodio', custodyId: ana.id });
    expect(ended.usable).toBe(false);
    const rotated = await w.s.socialAccounts.recordRotation(w.ws, w.admin, a.account.id, { on: '2026-11-22', reason: 'salida_de_custodio', changedBy: 'José Pérez', note: '' });
    expect(rotated).toMatchObject({ pendingRotation: null, usable: true });

    // Each change is one frame holding only what changed.
    const all = await frames(w.s);
    expect(all.map((f) => f.kind)).toEqual(['created', 'created', 'custody_started', 'custody_started', 'validated', 'custody_ended', 'rotated']);
    expect(Object.keys(all[5]!.set).sort()).toEqual(['custodies', 'pendingRotation']);
    expect(Object.keys(all[6]!.set).sort()).toEqual(['pendingRotation', 'rotations']);

    const audit = await w.ws.audit.list({ offset: 0, limit: 100 });
    expect(audit.entries.filter((e) => e.action.startsWith('social_account.')).map((e) => e.action)).toEqual(
      expect.arrayContaining(['social_account.created', 'social_account.custody_started', 'social_account.custody_ended', 'social_account.rotation_recorded', 'social_account.validated']),
    );
    const detail = await w.s.socialAccounts.get(w.ws, a.account.id);
    expect(detail.history.map((h) => h.label)).toContain('Fin de custodia de la contraseña');
    expect(detail.history[0]).toMatchObject({ label: 'Alta en el directorio', actor: { userName: ADMIN.userName } });
  });

  it('revalidates on the period the administrator set in Configuración, not a fixed six months', async () => {
    const w = (world = await testWorld());
    const a = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ ...official, addedOn: '2026-08-01' }));
    expect(a).toMatchObject({ status: 'activa', revalidationDueOn: '2027-02-01', usable: true });
    await updateSettings(w.ws, w.admin, { accountRevalidationMonths: 3 });
    const [after] = await w.s.socialAccounts.list(w.ws);
    expect(after).toMatchObject({ status: 'en_revision', revalidationDueOn: '2026-11-01', usable: false });
    expect((await w.s.socialAccounts.attention(w.ws)).map((v) => v.account.id)).toEqual([a.account.id]);
  });

  it('ends the custodies of a user who is deactivated, and the accounts owe a password change', async () => {
    const w = (world = await testWorld());
    const a = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(official));
    await w.s.socialAccounts.startCustody(w.ws, w.admin, a.account.id, custodian('José Pérez', w.clerk.id));
    await w.s.users.deactivate(w.ws, w.admin, w.clerk.id);
    const after = await w.s.socialAccounts.get(w.ws, a.account.id);
    expect(after.account.custodies[0]).toMatchObject({ endedOn: '2026-11-23', endReason: 'baja_de_usuario' });
    expect(after.pendingRotation).toMatchObject({ reason: 'salida_de_custodio' });
  });

  it('lists for Inicio only the accounts en revisión or owing a password change, never a removed one', async () => {
    const w = (world = await testWorld());
    const fresh = (handle: string) => accountInputSchema.parse({ ...official, handle, addedOn: '2026-02-01' });
    const quiet = await w.s.socialAccounts.create(w.ws, w.admin, fresh('Tranquila'));
    const owing = await w.s.socialAccounts.create(w.ws, w.admin, fresh('Debe'));
    const overdue = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(official)); // added 2026-01-05: due on 2026-07-05
    const removed = await w.s.socialAccounts.create(w.ws, w.admin, fresh('Baja'));
    for (const v of [quiet, owing, removed]) await w.s.socialAccounts.validate(w.ws, w.admin, v.account.id, '2026-11-01');
    expect((await w.s.socialAccounts.attention(w.ws)).map((v) => v.account.handle)).toEqual(['C4Oaxaca']);

    const started = await w.s.socialAccounts.startCustody(w.ws, w.admin, owing.account.id, custodian('Ana Torres Ruiz'));
    await w.s.socialAccounts.endCustody(w.ws, w.admin, owing.account.id, started.account.custodies[0]!.id, '2026-11-20', 'salida_de_custodio');
    await w.s.socialAccounts.startCustody(w.ws, w.admin, removed.account.id, custodian('Ana Torres Ruiz'));
    await w.s.socialAccounts.remove(w.ws, w.admin, removed.account.id, '2026-11-21', 'Cuenta cerrada');
    const attention = await w.s.socialAccounts.attention(w.ws);
    // The oldest debt first: the revalidation due in July, then the change owed since 20 November.
    expect(attention.map((v) => v.account.handle)).toEqual(['C4Oaxaca', 'Debe']);
    expect(attention.map((v) => v.account.id)).not.toContain(quiet.account.id);
    expect(attention[0]).toMatchObject({ status: 'en_revision', account: { id: overdue.account.id } });
    expect(attention[1]!.pendingRotation).toMatchObject({ since: '2026-11-20', reason: 'salida_de_custodio' });

    await w.s.socialAccounts.recordRotation(w.ws, w.admin, owing.account.id, { on: '2026-11-22', reason: 'salida_de_custodio', changedBy: 'José Pérez', note: '' });
    expect((await w.s.socialAccounts.attention(w.ws)).map((v) => v.account.handle)).toEqual(['C4Oaxaca']);
  });

  it('keeps a validation on the day of the last one in the history, but not an edit that changes nothing', async () => {
    const w = (world = await testWorld());
    const input = accountInputSchema.parse({ ...official, addedOn: '2026-11-23' });
    const a = await w.s.socialAccounts.create(w.ws, w.admin, input);
    await w.s.socialAccounts.validate(w.ws, w.admin, a.account.id, '2026-11-23');
    await w.s.socialAccounts.update(w.ws, w.admin, a.account.id, input);
    expect((await frames(w.s)).map((f) => f.kind)).toEqual(['created', 'validated']);
    expect((await w.s.socialAccounts.get(w.ws, a.account.id)).history.map((h) => h.label)).toEqual(['Alta en el directorio', 'Validación de la cuenta']);
  });

  it('offers the active users of Valija as custodians, with nothing but their name and position', async () => {
    const w = (world = await testWorld());
    const before = w.s.socialAccounts.custodianCandidates(w.ws);
    expect(before.map((c) => c.userId)).toContain(w.clerk.id);
    expect(Object.keys(before[0]!).sort()).toEqual(['fullName', 'position', 'userId']);
    await w.s.users.deactivate(w.ws, w.admin, w.clerk.id);
    const after = w.s.socialAccounts.custodianCandidates(w.ws);
    expect(after.map((c) => c.userId)).not.toContain(w.clerk.id);
    expect(after.length).toBe(before.length - 1);
  });

  it('opens from its checkpoint, replays what came after it, and rebuilds a damaged one (saying so in the audit log)', async () => {
    const w = (world = await testWorld());
    const a = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(official));
    await w.s.socialAccounts.startCustody(w.ws, w.admin, a.account.id, custodian('Ana Torres Ruiz'));
    const checkpointFile = path.join(w.dir, 'g1', 'cache', 'social-accounts.vlj');

    // Reopened: the checkpoint written at first open is behind by both changes and is caught up.
    let s = await reopen(w);
    expect((await s.socialAccounts.list(s.session.require().ws)).map((v) => v.account.custodies.length)).toEqual([1]);
    const older = readFileSync(checkpointFile);

    // A checkpoint from an older position: the frames after it are replayed.
    await s.socialAccounts.create(s.session.require().ws, s.session.require().user, accountInputSchema.parse(personal));
    await s.session.close();
    writeFileSync(checkpointFile, older);
    rmSync(`${checkpointFile}.prev`, { force: true });
    s = await reopen({ ...w, s });
    expect((await s.socialAccounts.list(s.session.require().ws)).map((v) => v.account.handle).sort()).toEqual(['@DirectoraC4', 'C4Oaxaca']);

    // A flipped byte: rebuilt from the stream, and the audit log says why.
    await s.session.close();
    const bytes = readFileSync(checkpointFile);
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(checkpointFile, bytes);
    rmSync(`${checkpointFile}.prev`, { force: true });
    s = await reopen({ ...w, s });
    const { ws } = s.session.require();
    expect((await s.socialAccounts.list(ws)).map((v) => v.account.handle).sort()).toEqual(['@DirectoraC4', 'C4Oaxaca']);
    const rebuilt = (await ws.audit.list({ offset: 0, limit: 200 })).entries.filter((e) => e.action === 'vault.index_rebuilt' && e.subject === 'Directorio de cuentas de redes sociales');
    expect(rebuilt.map((e) => e.details.motivo)).toEqual(['el punto de control estaba dañado']);
  });

  it('exports the public directory as CSV for Excel: official accounts and the personal ones whose holders asked, never removed ones', async () => {
    const w = (world = await testWorld());
    const a = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(official));
    await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(personal));
    await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ ...personal, network: 'instagram', handle: 'rosa.personal', kind: 'personal_registrada', listedPublicly: false }));
    await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ ...personal, network: 'tiktok', handle: '@rosa_listada', kind: 'personal_registrada', listedPublicly: true }));
    const gone = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ ...official, network: 'youtube', handle: 'C4Viejo' }));
    await w.s.socialAccounts.remove(w.ws, w.admin, gone.account.id, '2026-11-01', 'Cuenta cerrada');
    const file = await w.s.socialAccounts.exportPublicDirectory(w.ws, w.admin);
    expect(file).toMatchObject({ fileName: 'directorio-cuentas-redes-sociales-2026-11-23.csv', mediaType: 'text/csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFRed social,Cuenta,Dirección,Tipo,')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('Facebook,C4Oaxaca,https://facebook.com/C4Oaxaca,Oficial,,,Comunicación Social,05/01/2026');
    // A cell starting with «@» could be read by Excel as a formula: it leaves quoted, after an apostrophe.
    expect(lines[2]).toContain(`X,"'@DirectoraC4",,Personal administrada por el área (cuenta oficial),Rosa Díaz Peña,Directora General`);
    expect(lines[3]).toContain(`TikTok,"'@rosa_listada",,Personal de servidor público (no es cuenta oficial)`);
    expect(text).not.toContain('rosa.personal');
    expect(text).not.toContain('C4Viejo');
    expect(a.account.id).toBeTruthy();
    const audit = await w.ws.audit.list({ offset: 0, limit: 100 });
    expect(audit.entries.find((e) => e.action === 'social_account.directory_exported')?.details.cuentas).toBe(3);

    // The printed directory lists the same three entries in the same order, and nothing removed or unlisted.
    const printed = await w.s.socialAccounts.printPublicDirectory(w.ws, w.admin);
    expect(printed).toMatchObject({ fileName: 'directorio-cuentas-redes-sociales-2026-11-23.pdf', mediaType: 'application/pdf' });
    const pdfPath = writeTempPdf('directorio-publico', Buffer.from(printed.base64, 'base64'));
    expect(pdfInfo(pdfPath).pages).toBe(1);
    expect(pdfFonts(pdfPath).every((f) => f.embedded && !STANDARD_14_FONTS.includes(f.name))).toBe(true);
    renderPngs(pdfPath, 'directorio-publico', { dir: FORMS_PNG_DIR });
    const printedText = pdfText(pdfPath).replace(/\s+/g, ' ');
    expect(printedText).toContain('Directorio de cuentas institucionales en redes sociales');
    const order = ['C4Oaxaca', '@DirectoraC4', '@rosa_listada'].map((h) => printedText.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(printedText).toContain('Rosa Díaz Peña,');
    expect(printedText).toContain('Directora General');
    expect(printedText).not.toContain('rosa.personal');
    expect(printedText).not.toContain('C4Viejo');
    const printAudit = (await w.ws.audit.list({ offset: 0, limit: 100 })).entries.find((e) => e.action === 'document.printed' && e.details.formato === 'Directorio público de cuentas');
    expect(printAudit?.details).toMatchObject({ cuentas: 3 });
    expect(printAudit?.details.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints the resguardo a custodian signs (one page, fonts embedded, QR with its code and digest, no password) and registers its signed scan', async () => {
    const w = (world = await testWorld());
    const a = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse(official));
    const withCustody = await w.s.socialAccounts.startCustody(w.ws, w.admin, a.account.id, custodian('Ana Torres Ruiz'));
    const custody = withCustody.account.custodies[0]!;
    const printed = await w.s.socialAccounts.printAcknowledgement(w.ws, w.admin, a.account.id, custody.id);
    expect(printed.fileName).toBe('resguardo-RC-FACEBOOK-C4OAXACA-01.pdf');
    const pdf = Buffer.from(printed.base64, 'base64');
    const file = writeTempPdf('resguardo-contrasena', pdf);
    expect(pdfInfo(file).pages).toBe(1);
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const words of ['Resguardo de contraseña de cuenta de red social', 'Facebook · C4Oaxaca', 'Ana Torres Ruiz', 'KeePassXC de Comunicación Social', 'Este resguardo no contiene la contraseña.', 'décima quinta', 'Recibí el resguardo', ADMIN.fullName]) {
      expect(text).toContain(words);
    }
    expect(pdfFonts(file).every((f) => f.embedded && !STANDARD_14_FONTS.includes(f.name))).toBe(true);
    const code = acknowledgementCode(withCustody.account, custody.id);
    expect(await pdfQrTexts(file)).toEqual([`VALIJA-RESGUARDO|${code}|${acknowledgementDigest(withCustody.account, custody.id)}`]);
    renderPngs(file, 'resguardo-contrasena', { dir: FORMS_PNG_DIR });
    const audit = await w.ws.audit.list({ offset: 0, limit: 100 });
    const printAudit = audit.entries.find((e) => e.action === 'document.printed' && e.details.formato === 'Resguardo de contraseña');
    expect(printAudit?.details.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The printed bytes are the record: kept in the vault, listed on the account, given back byte for byte.
    const kept = (await w.s.socialAccounts.get(w.ws, a.account.id)).account.prints ?? [];
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ form: 'custodyAcknowledgement', subject: `custodia:${custody.id}`, reprint: 0, sha256: printAudit?.details.sha256, printedBy: ADMIN.fullName });
    expect(printAudit?.details.impresion).toBe(kept[0]!.id);
    const again = await w.s.socialAccounts.keptPrint(w.ws, a.account.id, kept[0]!.id);
    expect(Buffer.from(again.base64, 'base64').equals(pdf)).toBe(true);
    // A second print of the same resguardo says so on the paper and is kept as well.
    const reprint = await w.s.socialAccounts.printAcknowledgement(w.ws, w.admin, a.account.id, custody.id);
    expect(reprint.fileName).toBe('resguardo-RC-FACEBOOK-C4OAXACA-01-reimpresion-1.pdf');
    expect(pdfText(writeTempPdf('resguardo-reimpresion', Buffer.from(reprint.base64, 'base64')))).toContain('REIMPRESIÓN 1');
    expect((await w.s.socialAccounts.get(w.ws, a.account.id)).account.prints?.map((p) => p.reprint)).toEqual([0, 1]);
    await expect(w.s.socialAccounts.keptPrint(w.ws, a.account.id, 'impreso-otro')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const scanBytes = readFileSync(file);
    const registered = await w.s.socialAccounts.registerAcknowledgementScan(w.ws, w.admin, a.account.id, custody.id, { fileName: 'resguardo-firmado.pdf', mediaType: 'application/pdf', base64: scanBytes.toString('base64') });
    expect(registered.account.custodies[0]!.acknowledgementScan).toMatchObject({ fileName: 'resguardo-firmado.pdf', size: scanBytes.length });
    const back = await w.s.socialAccounts.scan(w.ws, a.account.id, { custodyId: custody.id });
    expect(Buffer.from(back.base64, 'base64').equals(scanBytes)).toBe(true);
    // The digest vouches for the custody as acknowledged: registering its scan does not change it.
    expect(acknowledgementDigest(registered.account, custody.id)).toBe(acknowledgementDigest(withCustody.account, custody.id));
  });

  it('opens an incident, records its protocol through to closing, and prints its report', async () => {
    const w = (world = await testWorld());
    const a = await w.s.socialAccounts.create(w.ws, w.admin, accountInputSchema.parse({ ...official, addedOn: '2026-11-01' }));
    const opened = await w.s.socialAccounts.openIncident(w.ws, w.admin, a.account.id, { kind: 'acceso_no_autorizado', description: 'Publicación que nadie del área hizo.', detectedAt: '2026-11-23T15:00:00.000Z' });
    expect(opened).toMatchObject({ usable: false, pendingRotation: { reason: 'incidente' } });
    const incidentId = opened.account.incidents[0]!.id;
    for (const [step, at] of [['informado_jefatura', '15:10'], ['contrasena_cambiada', '15:20'], ['plataforma_notificada', '15:30'], ['publicaciones_revisadas', '16:00']] as const) {
      await w.s.socialAccounts.recordIncidentStep(w.ws, w.admin, a.account.id, incidentId, { step, at: `2026-11-23T${at}:00.000Z`, note: step === 'plataforma_notificada' ? 'Reporte 88213 en el centro de ayuda' : '' });
    }
    // The password change is recorded, but the incident is still open: Inicio keeps the account on its list.
    expect((await w.s.socialAccounts.attention(w.ws)).map((v) => v.account.id)).toEqual([a.account.id]);
    const printed = await w.s.socialAccounts.printIncidentReport(w.ws, w.admin, a.account.id, incidentId);
    expect(printed.fileName).toBe('incidente-IN-FACEBOOK-C4OAXACA-01.pdf');
    const file = writeTempPdf('reporte-incidente', Buffer.from(printed.base64, 'base64'));
    renderPngs(file, 'reporte-incidente', { dir: FORMS_PNG_DIR });
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const words of ['Reporte de incidente de cuenta de red social', 'Acceso no autorizado', 'Publicación que nadie del área hizo.', 'Contraseña cambiada', 'Reporte 88213', 'Pendiente', 'Jefatura del área']) expect(text).toContain(words);
    const closed = await w.s.socialAccounts.recordIncidentStep(w.ws, w.admin, a.account.id, incidentId, { step: 'cerrado', at: '2026-11-23T17:00:00.000Z', note: '' });
    expect(closed).toMatchObject({ usable: true, pendingRotation: null });
    expect(await w.s.socialAccounts.attention(w.ws)).toEqual([]);
    const actions = (await w.ws.audit.list({ offset: 0, limit: 100 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['social_account.incident_opened', 'social_account.incident_step', 'social_account.incident_closed']));
  });
});
