import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createServices, type Services } from '../app-services';
import { TEST_KDF } from '../vault';
import { MAX_PUBLIC_BYTES } from './public-profile';

/**
 * public.json lies in clear beside the vault: anyone at the workstation can
 * edit it. These tests edit it as such a person would and check that sign-in
 * still works, the audit log stays verifiable, and the file's claims are
 * recorded as claims.
 */

const office = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: '' };
const admin = { fullName: 'María López', position: 'Jefa de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };

const NOW = Date.parse('2026-11-23T15:00:00Z');
const open: Services[] = [];
function services(dataDir: string): Services {
  const s = createServices({ dataDir, version: 't', shell: 'harness', clock: () => new Date(NOW), kdf: TEST_KDF });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.session.close();
});

async function vaultSignedOut() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-public-'));
  const s = services(dir);
  const setup = await s.session.setup({ office, admin });
  await s.session.confirmRecoveryKept(setup.recoveryCode.slice(-4));
  await s.session.close();
  return dir;
}

const publicPath = (dir: string) => path.join(dir, 'public.json');
const readPublic = (dir: string) => JSON.parse(readFileSync(publicPath(dir), 'utf8')) as Record<string, unknown>;
function editPublic(dir: string, edit: (p: Record<string, unknown>) => void): void {
  const p = readPublic(dir);
  edit(p);
  writeFileSync(publicPath(dir), JSON.stringify(p, null, 2));
}

async function signInAgain(dir: string): Promise<Services> {
  const s = services(dir);
  await s.session.signIn(admin.userName, admin.password);
  return s;
}

describe('public.json is not trusted', () => {
  it('a queued failure dated «not-a-date» does not block sign-in; it is recorded now, the claimed time as a detail', async () => {
    const dir = await vaultSignedOut();
    editPublic(dir, (p) => void (p.failedSignIns = [{ userName: 'mlopez', at: 'not-a-date' }]));
    const s = await signInAgain(dir);
    const { ws } = s.session.require();
    const failed = (await ws.audit.list({ offset: 0, limit: 10, action: 'session.sign_in_failed' })).entries;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ at: new Date(NOW).toISOString(), details: { userName: 'mlopez', fechaDeclarada: 'not-a-date' } });
    expect(String(failed[0]?.details.origen)).toMatch(/public\.json/);
    expect(await ws.audit.verify()).toMatchObject({ ok: true });
    expect(readPublic(dir).failedSignIns).toEqual([]);
  });

  it('an edited date years back (or ahead) cannot break the audit log\'s order', async () => {
    const dir = await vaultSignedOut();
    editPublic(dir, (p) => {
      p.failedSignIns = [
        { userName: 'mlopez', at: '2019-01-01T00:00:00.000Z' },
        { userName: 'mlopez', at: '2031-06-01T00:00:00.000Z' },
      ];
      p.restored = { at: '2001-01-01T00:00:00.000Z', backup: 'Valija-respaldo-falso' };
    });
    const s = await signInAgain(dir);
    const { ws } = s.session.require();
    expect(await ws.audit.verify()).toMatchObject({ ok: true });
    const entries = (await ws.audit.list({ offset: 0, limit: 50 })).entries;
    const claimed = entries.filter((e) => e.details.fechaDeclarada !== undefined);
    expect(claimed.map((e) => e.at)).toEqual([new Date(NOW).toISOString(), new Date(NOW).toISOString(), new Date(NOW).toISOString()]);
    expect(claimed.map((e) => e.details.fechaDeclarada).sort()).toEqual(['2001-01-01T00:00:00.000Z', '2019-01-01T00:00:00.000Z', '2031-06-01T00:00:00.000Z']);
  });

  it('wrong types, an oversized file and unknown names: sign-in works, bad fields are dropped, unknown names are not recorded', async () => {
    const dir = await vaultSignedOut();
    editPublic(dir, (p) => {
      p.office = 5;
      p.deactivated = 'mlopez';
      p.failedSignIns = [{ userName: 42, at: [] }, { userName: 'alguien-que-no-existe', at: '2026-11-23T14:00:00.000Z' }, 'basura'];
    });
    let s = services(dir);
    expect(await s.session.state()).toMatchObject({ status: 'locked', office: null });
    await s.session.signIn(admin.userName, admin.password);
    const failed = (await s.session.require().ws.audit.list({ offset: 0, limit: 10, action: 'session.sign_in_failed' })).entries;
    expect(failed.map((e) => e.subject)).toEqual(['Intento fallido con un usuario que no existe']);
    expect(failed[0]?.details.userName).toBeUndefined();
    await s.session.close();

    writeFileSync(publicPath(dir), JSON.stringify({ office: null, deactivated: [], failedSignIns: [], restored: null, relleno: 'x'.repeat(MAX_PUBLIC_BYTES) }));
    s = await signInAgain(dir);
    expect(await s.session.state()).toMatchObject({ status: 'signed_in' });
  });

  it('listing an active user as deactivated in public.json does not lock them out', async () => {
    const dir = await vaultSignedOut();
    editPublic(dir, (p) => void (p.deactivated = ['mlopez']));
    const s = await signInAgain(dir);
    expect(await s.session.state()).toMatchObject({ status: 'signed_in', user: { userName: 'mlopez' } });
  });

  it('a failed sign-in with a name that is no user is queued without the name (it may be a password typed in the wrong field)', async () => {
    const dir = await vaultSignedOut();
    const s = services(dir);
    const error = await s.session.signIn('Mi-Clave-Secreta-99', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('WRONG_PASSWORD');
    expect(readFileSync(publicPath(dir), 'utf8')).not.toContain('Mi-Clave-Secreta-99');
    await s.session.signIn(admin.userName, 'otra-clave-mala').catch(() => undefined);
    await s.session.signIn(admin.userName, admin.password);
    const failed = (await s.session.require().ws.audit.list({ offset: 0, limit: 10, action: 'session.sign_in_failed' })).entries.map((e) => e.subject);
    expect(failed.sort()).toEqual(['Intento fallido con el usuario «mlopez»', 'Intento fallido con un usuario que no existe']);
  });
});
