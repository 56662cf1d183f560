import { createHash, generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import { createHandlers, createServices, type Services } from '../app-services';
import { dispatch } from '../ipc/dispatch';
import { TEST_KDF } from '../vault';
import { catalogFile, encodeCatalog } from '../vault/catalog';
import { DurableFile } from '../vault/durable-file';
import { decodeKeyFile, unlockWithPassword } from '../vault/key-slots';
import { GenerationLayout } from '../vault/layout';

/**
 * The attacks of someone who can write the vault folder but holds no Valija
 * password (a shared Windows account): each edits the files exactly as such a
 * person would, recomputing the plain checksum, and the app must refuse with
 * a Spanish message naming the file, lose nothing, and say so in the audit log.
 */

const office = { institution: 'C4 Oaxaca', unit: 'Dirección General', acronym: 'C4', folioPrefix: 'C4/DG', address: '' };
const admin = { fullName: 'María López', position: 'Jefa de Registro', userName: 'mlopez', password: 'Valija-Segura-2026' };
const clerk = { fullName: 'José Pérez', position: 'Capturista', userName: 'jperez', roles: ['capturista' as const], temporaryPassword: 'Temporal-Inicio-77' };

const open: Services[] = [];
function services(dataDir: string): Services {
  const s = createServices({ dataDir, version: 't', shell: 'harness', clock: () => new Date(), kdf: TEST_KDF });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.session.close();
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A vault with the administrator and a clerk who has changed the temporary password; everyone signed out. */
async function officeVault() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'valija-attack-'));
  const s = services(dir);
  const setup = await s.session.setup({ office, admin });
  await s.session.confirmRecoveryKept(setup.recoveryCode.slice(-4));
  const handlers = createHandlers(s);
  const created = await dispatch(handlers, 'users.create', clerk);
  if (!created.ok) throw new Error(created.error.message);
  await s.session.signOut();
  await s.session.signIn(clerk.userName, clerk.temporaryPassword);
  await s.session.changePassword(clerk.temporaryPassword, 'Clave-Propia-Jose-1');
  await s.session.signOut();
  return { dir, s, handlers, clerkId: (created.value as { id: string }).id, clerkPassword: 'Clave-Propia-Jose-1' };
}

/** The attacker edits the files while Valija is closed; the next start reads them. */
async function restart(s: Services, dir: string): Promise<Services> {
  await s.session.close();
  return services(dir);
}

const keysPath = (dir: string) => path.join(dir, 'keys.json');
type Json = Record<string, unknown> & { slots: Array<Record<string, unknown>> };

/** What the attacker does: edit keys.json, then recompute the plain SHA-256 checksum so the file still "looks right". */
function editKeysJson(dir: string, edit: (body: Json) => void): void {
  const { checksum: _old, ...body } = JSON.parse(readFileSync(keysPath(dir), 'utf8')) as Json & { checksum: string };
  edit(body as Json);
  const checksum = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  writeFileSync(keysPath(dir), `${JSON.stringify({ ...body, checksum }, null, 2)}\n`);
}

/** A slot whose X25519 public key belongs to the attacker: a later rotation would seal the new data key to it. */
function plantedSlot(copyOf: Record<string, unknown>): Record<string, unknown> {
  const pair = generateKeyPairSync('x25519');
  return { ...copyOf, id: 'intruso', publicKey: pair.publicKey.export({ format: 'jwk' }).x, updatedAt: new Date().toISOString() };
}

async function auditOf(s: Services): Promise<AuditEntry[]> {
  return (await s.session.require().ws.audit.list({ offset: 0, limit: 500 })).entries;
}

describe('keys.json is authenticated', () => {
  it('a planted slot (the attacker\'s public key, checksum recomputed) is refused at sign-in, audited, and nothing is lost', async () => {
    const { dir, s: before } = await officeVault();
    const genuine = readFileSync(keysPath(dir));
    await before.session.close();
    editKeysJson(dir, (body) => void body.slots.push(plantedSlot(body.slots[0] as Record<string, unknown>)));
    const forged = readFileSync(keysPath(dir));
    let s = services(dir);

    const refused = await errorOf(s.session.signIn(admin.userName, admin.password));
    expect(refused.code).toBe('VAULT_TAMPERED');
    expect(refused.message).toContain('«keys.json»');
    expect(refused.message).toMatch(/fue modificado fuera de Valija/);
    expect(await s.session.state()).toMatchObject({ status: 'locked' });
    // Nothing was rewritten: the forged file is still there for the administrator to look at.
    expect(readFileSync(keysPath(dir)).equals(forged)).toBe(true);
    // Nobody can rotate (which would hand the new key to the planted slot): nobody is signed in.
    expect((await dispatch(createHandlers(s), 'vault.rotateKey', {})).ok).toBe(false);

    // The administrator puts the genuine file back from a backup: everything is there, and the log tells what happened.
    writeFileSync(keysPath(dir), genuine);
    s = await restart(s, dir);
    await s.session.signIn(admin.userName, admin.password);
    const entries = await auditOf(s);
    const refusal = entries.find((e) => e.action === 'vault.keys_refused');
    expect(refusal).toMatchObject({ actor: null, details: { archivo: 'keys.json', motivo: 'VAULT_TAMPERED', usuario: 'mlopez' } });
    expect(refusal?.subject).toContain('«keys.json»');
    expect(s.session.require().ws.users.data.users.map((u) => u.userName).sort()).toEqual(['jperez', 'mlopez']);
    expect(s.session.require().ws.vault.slotIds()).not.toContain('intruso');
    expect(await s.session.require().ws.audit.verify()).toMatchObject({ ok: true });
  });

  it('a lowered KDF on another user\'s slot is refused for everyone: below the floor for that user, a broken MAC for the others', async () => {
    const { dir, s: before, clerkPassword } = await officeVault();
    const genuine = readFileSync(keysPath(dir));
    await before.session.close();
    editKeysJson(dir, (body) => {
      const slot = body.slots.find((x) => x.id === 'jperez') as { kdf: Record<string, unknown> };
      slot.kdf = { ...slot.kdf, N: 2 ** 8, r: 1 };
    });
    let s = services(dir);
    const forClerk = await errorOf(s.session.signIn(clerk.userName, clerkPassword));
    expect(forClerk.code).toBe('VAULT_TAMPERED');
    expect(forClerk.message).toMatch(/«keys\.json» pide una protección de contraseñas más débil/);
    const forAdmin = await errorOf(s.session.signIn(admin.userName, admin.password));
    expect(forAdmin.code).toBe('VAULT_TAMPERED');
    expect(forAdmin.message).toContain('«keys.json»');
    writeFileSync(keysPath(dir), genuine);
    s = await restart(s, dir);
    await s.session.signIn(admin.userName, admin.password);
    expect((await auditOf(s)).filter((e) => e.action === 'vault.keys_refused').map((e) => e.details.motivo)).toEqual(['VAULT_TAMPERED']);
  });

  it('stripping the MAC to pass the file off as the old, unauthenticated format is refused', async () => {
    const { dir, s: before } = await officeVault();
    await before.session.close();
    editKeysJson(dir, (body) => {
      body.version = 1;
      delete body.mac;
      delete body.counter;
      body.slots.push(plantedSlot(body.slots[0] as Record<string, unknown>));
    });
    const s = services(dir);
    const refused = await errorOf(s.session.signIn(admin.userName, admin.password));
    expect(refused.code).toBe('VAULT_TAMPERED');
    expect(refused.message).toMatch(/perdió su sello de autenticidad.*«keys\.json»/);
  });

  it('new slots use the configured KDF, not the one written in keys.json', async () => {
    const { dir, s, handlers } = await officeVault();
    await s.session.signIn(admin.userName, admin.password);
    const created = await dispatch(handlers, 'users.create', { ...clerk, userName: 'aruiz', fullName: 'Ana Ruiz' });
    expect(created.ok).toBe(true);
    const slot = (JSON.parse(readFileSync(keysPath(dir), 'utf8')) as Json).slots.find((x) => x.id === 'aruiz') as { kdf: Record<string, unknown> };
    expect(slot.kdf).toMatchObject({ N: TEST_KDF.N, r: TEST_KDF.r, p: TEST_KDF.p });
  });
});

describe('rollback of keys.json', () => {
  it('restoring the keys.json and users document from before a deactivation does not bring the user back', async () => {
    const { dir, s, handlers, clerkId, clerkPassword } = await officeVault();
    // The attacker keeps copies of the files while the clerk is still active...
    const stash = mkdtempSync(path.join(os.tmpdir(), 'valija-stash-'));
    const files = ['keys.json', 'keys.json.prev', 'public.json', path.join('g1', 'docs', 'users.vlj'), path.join('g1', 'docs', 'users.vlj.prev')];
    for (const f of files) copyFileSync(path.join(dir, f), path.join(stash, f.replaceAll(path.sep, '_')));

    // ...the administrator deactivates the clerk (without rotating the key, the weakest case)...
    await s.session.signIn(admin.userName, admin.password);
    expect(await dispatch(handlers, 'users.deactivate', { userId: clerkId })).toMatchObject({ ok: true });
    await s.session.signOut();
    const current = readFileSync(keysPath(dir));
    expect(await errorOf(s.session.signIn(clerk.userName, clerkPassword))).toMatchObject({ code: 'USER_INACTIVE' });

    // ...and the attacker puts the old files back, public.json included.
    await s.session.close();
    for (const f of files) copyFileSync(path.join(stash, f.replaceAll(path.sep, '_')), path.join(dir, f));
    let again = services(dir);
    const refused = await errorOf(again.session.signIn(clerk.userName, clerkPassword));
    expect(refused.code).toBe('VAULT_ROLLBACK');
    expect(refused.message).toMatch(/«keys\.json» es una copia anterior/);
    expect(await again.session.state()).toMatchObject({ status: 'locked' });
    // The administrator is refused too (the file is not the vault's), until the current one is put back.
    expect((await errorOf(again.session.signIn(admin.userName, admin.password))).code).toBe('VAULT_ROLLBACK');

    writeFileSync(keysPath(dir), current);
    again = await restart(again, dir);
    await again.session.signIn(admin.userName, admin.password);
    const refusals = (await auditOf(again)).filter((e) => e.action === 'vault.keys_refused');
    expect(refusals.map((e) => [e.details.motivo, e.details.usuario])).toEqual([
      ['VAULT_ROLLBACK', 'mlopez'],
      ['VAULT_ROLLBACK', 'jperez'],
    ]);
    expect(again.session.require().ws.vault.slotIds()).not.toContain('jperez');
  });
});

describe('rotation', () => {
  it('leaves out a slot that belongs to no active user, and says so in the audit log', async () => {
    const { dir, s, handlers } = await officeVault();
    await s.session.signIn(admin.userName, admin.password);
    // A slot nobody accounts for (as a crash between adding the slot and saving the user would leave).
    await s.session.require().ws.vault.addSlot('fantasma', 'una-clave-cualquiera');
    const started = await dispatch(handlers, 'vault.rotateKey', {});
    if (!started.ok) throw new Error(started.error.message);
    for (let i = 0; i < 200; i += 1) {
      const status = await dispatch(handlers, 'jobs.get', { jobId: (started.value as { id: string }).id });
      if (status.ok && (status.value as { state: string }).state !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const keys = JSON.parse(readFileSync(keysPath(dir), 'utf8')) as Json;
    expect(keys.generation).toBe(2);
    expect(keys.slots.map((x) => x.id).sort()).toEqual(['#recovery', 'jperez', 'mlopez']);
    const rotated = (await auditOf(s)).find((e) => e.action === 'vault.key_rotated');
    expect(rotated?.details).toEqual({ excluidos: 'fantasma' });
  });
});

describe('a vault whose keys.json predates the MAC', () => {
  /** Turns a vault into what the previous version wrote: keys.json version 1 without MAC or counter, and a catalog without the counter. */
  async function makeLegacy(dir: string): Promise<void> {
    const keys = decodeKeyFile(readFileSync(keysPath(dir)), 'keys.json');
    const dek = await unlockWithPassword(keys, admin.userName, admin.password, 'keys.json', TEST_KDF);
    const layout = new GenerationLayout(dir, keys.generation);
    const read = await catalogFile(layout, dek).read();
    if (!read) throw new Error('no catalog');
    const { keysCounter: _dropped, ...catalog } = read.data;
    await new DurableFile(layout.catalogFile, 'catalog', () => null).write(encodeCatalog(dek, catalog));
    await new DurableFile(layout.catalogFile, 'catalog', () => null).write(encodeCatalog(dek, catalog));
    editKeysJson(dir, (body) => {
      body.version = 1;
      delete body.mac;
      delete body.counter;
    });
    copyFileSync(keysPath(dir), `${keysPath(dir)}.prev`);
  }

  it('gets its MAC at the first legitimate sign-in, audited; a slot planted before that is dropped', async () => {
    const { dir, s } = await officeVault();
    await s.session.close();
    await makeLegacy(dir);
    editKeysJson(dir, (body) => void body.slots.push(plantedSlot(body.slots[0] as Record<string, unknown>)));

    const again = services(dir);
    await again.session.signIn(admin.userName, admin.password);
    const keys = JSON.parse(readFileSync(keysPath(dir), 'utf8')) as Json;
    expect(keys).toMatchObject({ version: 2, counter: 1, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(keys.slots.map((x) => x.id).sort()).toEqual(['#recovery', 'jperez', 'mlopez']);
    const sealed = (await auditOf(again)).find((e) => e.action === 'vault.keys_authenticated');
    expect(sealed).toMatchObject({ actor: { userName: 'mlopez' }, details: { archivo: 'keys.json', retirados: 'intruso' } });
    await again.session.signOut();

    // From now on the file is authenticated: the same planting is refused.
    await again.session.close();
    editKeysJson(dir, (body) => void body.slots.push(plantedSlot(body.slots[0] as Record<string, unknown>)));
    const third = services(dir);
    expect((await errorOf(third.session.signIn(admin.userName, admin.password))).code).toBe('VAULT_TAMPERED');
  });
});
