import { createHash } from 'node:crypto';
import { existsSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { ADMIN, OFFICE, testWorld, type TestWorld } from '../test-support/world';
import { TEST_KDF } from '../vault';
import { MediaService } from './media-service';
import { useTempDirs } from './test-support';

/**
 * Restoring is the way to replace every file of the vault at once, so a
 * crafted bag on a USB stick is the attack. Each test builds one as an
 * attacker would (a genuine bag edited with its manifests recomputed, or a
 * vault of the attacker's own) and restores it through the same handler as
 * the screen.
 */

const tempDir = useTempDirs();
const worlds: TestWorld[] = [];
const others: Services[] = [];
let drive: string;
const before = process.env.VALIJA_TEST_DRIVES;
beforeEach(() => {
  drive = tempDir();
  process.env.VALIJA_TEST_DRIVES = drive;
});
afterEach(async () => {
  if (before === undefined) delete process.env.VALIJA_TEST_DRIVES;
  else process.env.VALIJA_TEST_DRIVES = before;
  for (const s of others.splice(0)) await s.session.close();
  for (const w of worlds.splice(0)) {
    await w.s.session.close();
    await fsp.rm(w.dir, { recursive: true, force: true });
  }
});

const adminUnlock = { userName: ADMIN.userName, password: ADMIN.password };
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function world(): Promise<TestWorld> {
  const w = await testWorld();
  worlds.push(w);
  return w;
}

async function backupOf(w: TestWorld): Promise<string> {
  const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
  return (await media.backupVault(w.ws, w.admin, { drivePath: drive, filesystem: 'exfat' })).bagName;
}

/** Rewrites a tag file of the bag and the line of tagmanifest-sha256.txt that lists it, as a careful attacker would. */
function rewriteTagFile(bag: string, name: string, bytes: string): void {
  writeFileSync(path.join(bag, name), bytes);
  const manifest = path.join(bag, 'tagmanifest-sha256.txt');
  const lines = readFileSync(manifest, 'utf8').split('\n').map((line) => (line.endsWith(`  ${name}`) ? `${sha256(bytes)}  ${name}` : line));
  writeFileSync(manifest, lines.join('\n'));
}

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('restoring a crafted backup', () => {
  it('an edited descriptor (manifests recomputed) is refused after the backup is unlocked, the vault untouched, the refusal audited', async () => {
    const w = await world();
    const bagName = await backupOf(w);
    const bag = path.join(drive, bagName);
    const descriptor = JSON.parse(readFileSync(path.join(bag, 'valija-respaldo.json'), 'utf8')) as Record<string, unknown>;
    rewriteTagFile(bag, 'valija-respaldo.json', `${JSON.stringify({ ...descriptor, createdBy: 'Director General', office: { ...(descriptor.office as object), unit: 'Otra unidad' } }, null, 2)}\n`);
    const handlers = createHandlers(w.s);
    // The bag itself verifies: only the MAC tells the descriptor was not written by this vault.
    expect(await dispatch(handlers, 'backup.inspect', { drivePath: drive, bagName })).toMatchObject({ ok: true, value: { valid: true, sameVault: true } });
    const beforeTree = listTree(w.dir);

    const result = await dispatch(handlers, 'backup.restore', { drivePath: drive, bagName, confirmReplace: true, unlock: adminUnlock });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('«valija-respaldo.json») fue alterado') } });
    expect(listTree(w.dir)).toEqual(beforeTree);
    expect(readdirSync(path.dirname(w.dir)).filter((n) => n.startsWith(`${path.basename(w.dir)}-anterior`))).toEqual([]);
    // Still signed in, and the log says what was tried.
    const { ws } = w.s.session.require();
    const refused = (await ws.audit.list({ offset: 0, limit: 5, action: 'vault.restore_refused' })).entries;
    expect(refused).toMatchObject([{ actor: { userName: ADMIN.userName }, details: { respaldo: bagName, motivo: 'VALIDATION' } }]);
  });

  it('a backup of another vault (the attacker\'s own) is named as such, and does not replace anything without the backup\'s own password', async () => {
    const w = await world();
    // The attacker's vault: same office name, same user name, a password only the attacker knows.
    const attackerDir = path.join(tempDir(), 'boveda-ajena');
    const attacker = await testWorld(Date.parse('2026-11-23T18:00:00Z'), attackerDir);
    worlds.push(attacker);
    await attacker.s.session.changePassword(ADMIN.password, 'Clave-Del-Intruso-2026');
    const bagName = await backupOf(attacker);
    await attacker.s.session.close();
    const handlers = createHandlers(w.s);
    expect(await dispatch(handlers, 'backup.inspect', { drivePath: drive, bagName })).toMatchObject({ ok: true, value: { valid: true, sameVault: false, officeName: `${OFFICE.institution} · ${OFFICE.unit}` } });
    const beforeTree = listTree(w.dir);

    const plain = await dispatch(handlers, 'backup.restore', { drivePath: drive, bagName, confirmReplace: true, unlock: adminUnlock });
    expect(plain).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('es de OTRA bóveda') } });
    // Even told to go on, the office administrator's password does not open the attacker's backup.
    const confirmed = await dispatch(handlers, 'backup.restore', { drivePath: drive, bagName, confirmReplace: true, confirmOtherVault: true, unlock: adminUnlock });
    expect(confirmed).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: expect.stringContaining('no abren el respaldo') } });
    expect(listTree(w.dir)).toEqual(beforeTree);
    const refused = (await w.s.session.require().ws.audit.list({ offset: 0, limit: 5, action: 'vault.restore_refused' })).entries;
    expect(refused.map((e) => e.details.motivo)).toEqual(['WRONG_PASSWORD', 'CONFLICT']);
  });

  it('from the first-run screen, a backup replaces nothing until its own password or recovery code opens it', async () => {
    const w = await world();
    const bagName = await backupOf(w);
    const fresh = path.join(tempDir(), 'datos');
    const s = createServices({ dataDir: fresh, version: 't', shell: 'harness', kdf: TEST_KDF });
    others.push(s);
    const handlers = createHandlers(s);
    expect(await s.session.state()).toEqual({ status: 'no_vault' });
    const wrong = await dispatch(handlers, 'backup.restore', { drivePath: drive, bagName, unlock: { userName: ADMIN.userName, password: 'No-Es-La-Clave-1' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: expect.stringContaining('no abren el respaldo') } });
    const nobody = await dispatch(handlers, 'backup.restore', { drivePath: drive, bagName, unlock: { recoveryCode: '2222-2222-2222-2222-2222-2222-2222-2222' } });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_CODE' } });
    expect(existsSync(fresh) ? readdirSync(fresh) : []).toEqual([]);
    expect(await dispatch(handlers, 'backup.restore', { drivePath: drive, bagName, unlock: adminUnlock })).toMatchObject({ ok: true, value: { replaced: false } });
    expect((await s.session.signIn(ADMIN.userName, ADMIN.password)).status).toBe('signed_in');
  });
});
