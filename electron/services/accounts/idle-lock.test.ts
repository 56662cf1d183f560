import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { TEST_KDF } from '../vault';

const office = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: '' };
const admin = { fullName: 'María López', position: 'Jefa de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };

let now = Date.parse('2026-11-23T15:00:00Z');
const open: Array<{ s: Services; dir: string }> = [];
afterEach(async () => {
  for (const { s, dir } of open.splice(0)) {
    await s.session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function signedInVault() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-idle-'));
  const s = createServices({ dataDir: dir, version: 't', shell: 'harness', clock: () => new Date(now), kdf: TEST_KDF });
  open.push({ s, dir });
  const { recoveryCode } = await s.session.setup({ office, admin });
  await s.session.confirmRecoveryKept(recoveryCode.slice(-4));
  const handlers = createHandlers(s);
  const call = (channel: string, input: unknown = {}) => dispatch(handlers, channel, input, { error: () => undefined });
  return { s, call };
}

describe('the core locks an idle session itself', () => {
  it('a page that never asks to lock (its timer bypassed) finds the vault locked after the idle minutes, audited; polling keeps nothing alive', async () => {
    const { s, call } = await signedInVault();
    const minutes = s.session.require().ws.settings.data.idleMinutes;
    expect(minutes).toBeGreaterThan(0);
    expect(await call('agencies.list')).toMatchObject({ ok: true });
    // The screens' polling for status and progress during the idle minutes does not count as someone working.
    for (let i = 1; i < minutes; i += 1) {
      now += 60_000;
      expect(await call('session.state')).toMatchObject({ ok: true, value: { status: 'signed_in' } });
    }
    now += 60_000;
    // The attack: a real call after the idle limit, as if the renderer's timer never fired.
    expect(await call('agencies.list')).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Debe iniciar sesión para realizar esta operación.' } });
    expect(await call('session.state')).toMatchObject({ ok: true, value: { status: 'locked', reason: 'idle' } });
    // Nothing lost: the same password opens it again, and the lock is in the audit log.
    await s.session.signIn(admin.userName, admin.password);
    const { ws } = s.session.require();
    const locked = (await ws.audit.list({ offset: 0, limit: 100 })).entries.filter((e) => e.action === 'session.locked');
    expect(locked).toHaveLength(1);
    expect(locked[0]?.details).toMatchObject({ motivo: 'inactividad' });
  });

  it('a working session stays open, and the timer in main locks it without any call', async () => {
    const { s, call } = await signedInVault();
    const minutes = s.session.require().ws.settings.data.idleMinutes;
    for (let i = 0; i < 3; i += 1) {
      now += (minutes - 1) * 60_000;
      expect(await call('agencies.list')).toMatchObject({ ok: true });
    }
    now += minutes * 60_000;
    await s.session.checkIdle();
    expect(await s.session.state()).toMatchObject({ status: 'locked', reason: 'idle' });
  });

  it('the lock screen or a suspend locks the vault with its own reason and audit entry', async () => {
    const { s, call } = await signedInVault();
    expect(await s.session.lockForSystem()).toMatchObject({ status: 'locked', reason: 'system' });
    expect(await call('agencies.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    await s.session.signIn(admin.userName, admin.password);
    const entries = (await s.session.require().ws.audit.list({ offset: 0, limit: 100 })).entries;
    expect(entries.find((e) => e.action === 'session.locked')?.details).toMatchObject({ motivo: 'bloqueo de pantalla o suspensión del equipo' });
  });
});
