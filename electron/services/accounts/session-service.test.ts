import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { TEST_KDF } from '../vault';

const office = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: '' };
const admin = { fullName: 'María López', position: 'Jefa de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };
const clerk = { fullName: 'José Pérez', position: 'Capturista', userName: 'jperez', roles: ['capturista' as const], temporaryPassword: 'Temporal-Inicio-77' };

let now = Date.parse('2026-11-23T15:00:00Z');
const clock = () => new Date(now);
const open: Services[] = [];

function services(dataDir: string): Services {
  const s = createServices({ dataDir, version: 't', shell: 'harness', clock, kdf: TEST_KDF });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.session.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'resolved';
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function freshVault() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-session-'));
  const s = services(dir);
  const setup = await s.session.setup({ office, admin });
  await s.session.confirmRecoveryKept(setup.recoveryCode.slice(-4));
  return { dir, s, recoveryCode: setup.recoveryCode };
}

describe('session service', () => {
  it('starts with no vault, then signs the first administrator in', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-session-'));
    const s = services(dir);
    expect(await s.session.state()).toEqual({ status: 'no_vault' });
    await s.session.setup({ office, admin });
    expect(await s.session.state()).toMatchObject({ status: 'signed_in', user: { userName: 'mlopez', roles: ['administrador'] }, mustChangePassword: false, idleMinutes: 10, recoveryPending: true });
  });

  it('does not let the office start until the recovery code is confirmed as kept, across a reload and a sign-out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-session-'));
    const s = services(dir);
    const { recoveryCode } = await s.session.setup({ office, admin });
    expect(() => s.session.require()).toThrow(/confirme que guardó el código de recuperación/);
    // A reload asks the core again: the same code, still pending.
    expect(s.session.pendingRecoveryCode().recoveryCode).toBe(recoveryCode);
    await s.session.signOut();
    await s.session.signIn('mlopez', admin.password);
    expect(await s.session.state()).toMatchObject({ status: 'signed_in', recoveryPending: true });
    const wrong = recoveryCode.slice(-4) === 'ZZZZ' ? 'YYYY' : 'ZZZZ';
    await expect(s.session.confirmRecoveryKept(wrong)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('último grupo') });
    const state = await s.session.confirmRecoveryKept(` ${recoveryCode.slice(-4).toLowerCase()} `);
    expect(state).not.toHaveProperty('recoveryPending');
    expect(() => s.session.require()).not.toThrow();
    expect(() => s.session.pendingRecoveryCode()).toThrow(/No hay un código/);
    expect((await s.session.require().ws.audit.list({ offset: 0, limit: 1 })).entries[0]).toMatchObject({ action: 'vault.recovery_code_kept' });
  });

  it('refuses a weak first password and never creates over an existing vault', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-session-'));
    expect(await codeOf(services(dir).session.setup({ office, admin: { ...admin, password: 'mlopez1234' } }))).toBe('WEAK_PASSWORD');
    const { s } = await freshVault();
    expect(await codeOf(s.session.setup({ office, admin }))).toBe('VAULT_EXISTS');
  });

  it('signs out and back in; the vault is really locked in between', async () => {
    const { s } = await freshVault();
    expect(await s.session.signOut()).toMatchObject({ status: 'locked', reason: 'signed_out', office: { institution: 'C4 Oaxaca' } });
    expect(await codeOf(Promise.resolve().then(() => s.session.require()))).toBe('NOT_SIGNED_IN');
    expect(await s.session.signIn('mlopez', admin.password)).toMatchObject({ status: 'signed_in' });
  });

  it('gives wrong password and unknown user the same message, and slows down repeated failures', async () => {
    const { s } = await freshVault();
    await s.session.signOut();
    const wrong = await errorOf(s.session.signIn('mlopez', 'otra-Clave-99'));
    const unknown = await errorOf(s.session.signIn('nadie', 'otra-Clave-99'));
    expect([wrong.code, unknown.code]).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD']);
    expect(wrong.message).toBe('Usuario o contraseña incorrectos.');
    await s.session.signIn('mlopez', 'otra-Clave-99').catch(() => undefined);
    const third = await errorOf(s.session.signIn('mlopez', 'otra-Clave-99'));
    expect(third.message).toMatch(/Espere 1 segundo/);
    expect(await codeOf(s.session.signIn('mlopez', admin.password))).toBe('TOO_MANY_ATTEMPTS');
    now += 1500;
    expect(await s.session.signIn('mlopez', admin.password)).toMatchObject({ status: 'signed_in' });
    // The failures were written to the audit log at the next sign-in.
    const { ws } = s.session.require();
    expect((await ws.audit.list({ offset: 0, limit: 50, action: 'session.sign_in_failed' })).total).toBe(4);
  });

  it('forces a new user to change the temporary password, then enforces roles in the core', async () => {
    const { s } = await freshVault();
    const handlers = createHandlers(s);
    expect(await dispatch(handlers, 'users.create', clerk)).toMatchObject({ ok: true, value: { userName: 'jperez', mustChangePassword: true } });
    await s.session.signOut();
    expect(await s.session.signIn('jperez', clerk.temporaryPassword)).toMatchObject({ mustChangePassword: true });
    expect(await dispatch(handlers, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await codeOf(s.session.changePassword('mal', 'Mi-Clave-Propia-2026'))).toBe('WRONG_PASSWORD');
    expect(await codeOf(s.session.changePassword(clerk.temporaryPassword, clerk.temporaryPassword))).toBe('WEAK_PASSWORD');
    expect(await s.session.changePassword(clerk.temporaryPassword, 'Mi-Clave-Propia-2026')).toMatchObject({ mustChangePassword: false });
    // A clerk cannot administer, whatever the screen shows.
    for (const [channel, input] of [
      ['users.list', {}],
      ['users.create', { ...clerk, userName: 'otro' }],
      ['audit.list', {}],
      ['settings.update', { idleMinutes: 60 }],
      ['vault.rotateKey', {}],
    ] as const) {
      expect(await dispatch(handlers, channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Administrador') } });
    }
    await s.session.signOut();
    expect(await codeOf(s.session.signIn('jperez', clerk.temporaryPassword))).toBe('WRONG_PASSWORD');
    expect(await s.session.signIn('jperez', 'Mi-Clave-Propia-2026')).toMatchObject({ status: 'signed_in' });
  });

  it('a deactivated user is told so, and their key slot is gone', async () => {
    const { s } = await freshVault();
    const { ws, user } = s.session.require();
    const created = await s.users.create(ws, user, clerk);
    await s.users.deactivate(ws, user, created.id);
    expect(ws.vault.hasSlot('jperez')).toBe(false);
    await s.session.signOut();
    const error = await errorOf(s.session.signIn('jperez', clerk.temporaryPassword));
    expect(error.code).toBe('USER_INACTIVE');
    expect(error.message).toBe('Este usuario está dado de baja y no puede iniciar sesión.');
    // The name stays in history: the user record is kept and a new one cannot take it.
    await s.session.signIn('mlopez', admin.password);
    const again = s.session.require();
    expect(await codeOf(s.users.create(again.ws, again.user, clerk))).toBe('CONFLICT');
  });

  it('never leaves the office without an administrator', async () => {
    const { s } = await freshVault();
    const { ws, user } = s.session.require();
    expect(await codeOf(s.users.deactivate(ws, user, user.id))).toBe('CONFLICT');
    expect(await codeOf(s.users.update(ws, user, { userId: user.id, fullName: user.fullName, position: user.position, roles: ['capturista'] }))).toBe('CONFLICT');
  });

  it('a second instance on the same folder is refused', async () => {
    const { dir } = await freshVault();
    expect(await codeOf(services(dir).session.state())).toBe('VAULT_IN_USE');
  });

  it('the recovery code lets an administrator set a new password; a wrong code does not', async () => {
    const { s, recoveryCode } = await freshVault();
    await s.session.signOut();
    expect(await codeOf(s.session.recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', 'mlopez', 'Nueva-Clave-2026'))).toBe('WRONG_RECOVERY_CODE');
    now += 2000;
    expect(await codeOf(s.session.recover(recoveryCode, 'nadie', 'Nueva-Clave-2026'))).toBe('FORBIDDEN');
    expect(await s.session.recover(recoveryCode.toLowerCase(), 'mlopez', 'Nueva-Clave-2026')).toMatchObject({ status: 'signed_in', user: { userName: 'mlopez' } });
    await s.session.signOut();
    expect(await codeOf(s.session.signIn('mlopez', admin.password))).toBe('WRONG_PASSWORD');
    now += 2000;
    expect(await s.session.signIn('mlopez', 'Nueva-Clave-2026')).toMatchObject({ status: 'signed_in' });
  });

  it('locks for inactivity and audits every step in one verifiable chain', async () => {
    const { s } = await freshVault();
    expect(await s.session.lockForIdle()).toMatchObject({ status: 'locked', reason: 'idle' });
    await s.session.signIn('mlopez', admin.password);
    const { ws } = s.session.require();
    const actions = (await ws.audit.list({ offset: 0, limit: 50 })).entries.map((e) => e.action).reverse();
    expect(actions).toEqual(['vault.created', 'user.created', 'session.signed_in', 'vault.recovery_code_kept', 'session.locked', 'session.signed_in']);
    expect(await ws.audit.verify()).toMatchObject({ ok: true, checked: 6 });
  });
});
