import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { TEST_KDF } from '../vault';

const office = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: '' };
const admin = { fullName: 'María López', position: 'Jefa de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };
const now = Date.parse('2026-11-23T18:00:00Z');
const open: Services[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.session.close();
});

async function signedIn() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-directory-'));
  const s = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date(now), kdf: TEST_KDF });
  open.push(s);
  const { recoveryCode } = await s.session.setup({ office, admin });
  await s.session.confirmRecoveryKept(recoveryCode.slice(-4));
  return { dir, s, ...s.session.require() };
}

const agency = { name: 'Centro Nacional de Información', acronym: 'CNI', kind: 'federal' as const };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());
}

describe('directory service', () => {
  it('saves an agency, refuses a second one with the same acronym, and derives the agreement status', async () => {
    const { s, ws, user } = await signedIn();
    const cni = await s.directory.save(ws, user, undefined, agency);
    await expect(s.directory.save(ws, user, undefined, { ...agency, name: 'Otro', acronym: 'cni' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await s.directory.saveAgreement(ws, user, undefined, { agencyId: cni.id, number: 'CNI-01', scope: 'Estadística', signedOn: '2025-01-10', validFrom: '2025-01-10', validTo: '2026-12-10' }, undefined);
    const [summary] = await s.directory.list(ws);
    expect(summary?.agreement).toMatchObject({ number: 'CNI-01', status: 'por_vencer', daysLeft: 17 });
    expect(await s.directory.eligibility(ws, cni.id, '2026-12-10')).toMatchObject({ ok: true, agreementNumber: 'CNI-01' });
    const refused = await s.directory.eligibility(ws, cni.id, '2026-12-11');
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('11/12/2026');
  });

  it('keeps an agreement scan encrypted in the vault and gives it back intact', async () => {
    const { dir, s, ws, user } = await signedIn();
    const cni = await s.directory.save(ws, user, undefined, agency);
    const scan = Buffer.from('%PDF-1.4 convenio firmado CONVENIO-SECRETO-123');
    const saved = await s.directory.saveAgreement(ws, user, undefined, { agencyId: cni.id, number: 'CNI-02', scope: 'Estadística', signedOn: '2025-01-10', validFrom: '2025-01-10', validTo: null }, { fileName: 'convenio.pdf', mediaType: 'application/pdf', base64: scan.toString('base64') });
    expect(saved.document).toMatchObject({ fileName: 'convenio.pdf', size: scan.length });
    const back = await s.directory.agreementDocument(ws, saved.id);
    expect(Buffer.from(back.base64, 'base64').equals(scan)).toBe(true);
    // The scan must be looked for where it could be: the vault's encrypted documents and streams.
    const files = filesUnder(dir);
    expect(files.filter((f) => f.endsWith('.vlj')).length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes('CONVENIO-SECRETO-123')).toBe(false);
      expect(bytes.includes(scan.toString('base64').slice(0, 24))).toBe(false);
    }
  });

  it('lets every signed-in user read but only administrators change', async () => {
    const { s, ws, user } = await signedIn();
    const clerk = await s.users.create(ws, user, { fullName: 'José Pérez', position: 'Capturista', userName: 'jperez', roles: ['capturista'], temporaryPassword: 'Temporal-Inicio-77' });
    const asClerk = { ...clerk, mustChangePassword: false };
    await s.directory.save(ws, user, undefined, agency);
    // The real handlers, called as the clerk: the refusal is the channel's access, before the service runs.
    const asClerkTable = { handlers: createHandlers(s).handlers, gate: { firstRun: async () => false, signedIn: () => ({ ws, user: asClerk }) } };
    expect(await dispatch(asClerkTable, 'agencies.list', {})).toMatchObject({ ok: true, value: [{ agency: { acronym: agency.acronym } }] });
    expect(await dispatch(asClerkTable, 'agencies.save', { agency: { ...agency, acronym: 'X' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Sólo un usuario con el rol Administrador puede registrar o modificar dependencias.' } });
    expect(await dispatch(asClerkTable, 'reports.loadExample', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.directory.list(ws)).toHaveLength(1);
  });

  it('loads the example catalogue with an overdue obligation, and removes it in one step keeping own records', async () => {
    const { s, ws, user } = await signedIn();
    await s.directory.save(ws, user, undefined, { name: 'Fiscalía General', acronym: 'FGE', kind: 'estatal' });
    const counts = await s.directory.loadExample(ws, user);
    expect(counts.reports).toBeGreaterThan(5);
    expect(counts.obligations).toBeGreaterThan(0);
    await expect(s.directory.loadExample(ws, user)).rejects.toMatchObject({ code: 'CONFLICT' });
    const home = await s.directory.dashboard(ws);
    expect(home.overdue.length).toBeGreaterThan(0);
    expect(home.overdue.some((p) => p.beneficiaryAcronym === 'CNI')).toBe(true);
    const removed = await s.directory.removeExample(ws, user);
    expect(removed).toMatchObject({ reports: counts.reports, obligations: counts.obligations, agencies: counts.agencies });
    expect((await s.directory.list(ws)).map((a) => a.agency.acronym)).toEqual(['FGE']);
    expect((await s.directory.overview(ws)).hasExampleData).toBe(false);
    const actions = (await ws.audit.list({ offset: 0, limit: 20 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['example.loaded', 'example.removed', 'agency.created']));
  });

  it('imports a CSV only when applied, and a re-import updates instead of duplicating', async () => {
    const { s, ws, user } = await signedIn();
    const csv = 'nombre,siglas,tipo,correo\nFiscalía General del Estado,FGE,Estatal,enlace@fge.gob.mx\nSin siglas,,Estatal,\n';
    const file = { fileName: 'd.csv', mediaType: 'text/csv', base64: Buffer.from(csv).toString('base64') };
    const preview = await s.directory.importPreview(ws, user, file);
    expect(preview).toMatchObject({ valid: 1, invalid: 1, encoding: 'UTF-8' });
    expect(await s.directory.list(ws)).toHaveLength(0);
    expect(await s.directory.importApply(ws, user, file)).toEqual({ created: 1, updated: 0, skipped: 1 });
    expect(await s.directory.importApply(ws, user, file)).toEqual({ created: 0, updated: 1, skipped: 1 });
    expect(await s.directory.list(ws)).toHaveLength(1);
  });
});
