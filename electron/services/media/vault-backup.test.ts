import { existsSync, promises as fsp, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../app-services';
import { TEST_KDF, Vault } from '../vault';
import { MediaService } from './media-service';
import { ADMIN, testWorld, oficioContent, sha256, shipmentIn, type TestWorld } from '../test-support/world';
import { useTempDirs } from './test-support';

const tempDir = useTempDirs();
const worlds: TestWorld[] = [];
const others: Services[] = [];
afterEach(async () => {
  for (const s of others.splice(0)) await s.session.close();
  for (const w of worlds.splice(0)) {
    await w.s.session.close();
    await fsp.rm(w.dir, { recursive: true, force: true });
  }
});

async function backedUp() {
  const w = await testWorld();
  worlds.push(w);
  const media = new MediaService({ shipments: w.s.shipments, clock: () => new Date(w.clock.now) });
  const s = await shipmentIn(w, 'autorizado', oficioContent(w, 'Oficio que debe sobrevivir al respaldo'));
  const drive = tempDir();
  const backup = await media.backupVault(w.ws, w.admin, { drivePath: drive, filesystem: 'exfat' });
  return { w, media, s, drive, backup };
}

const adminUnlock = { userName: ADMIN.userName, password: ADMIN.password };

function servicesAt(dataDir: string): Services {
  const s = createServices({ dataDir, version: 't', shell: 'harness', kdf: TEST_KDF });
  others.push(s);
  return s;
}

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('vault backup', () => {
  it('writes the encrypted vault as a verified bag that inspection identifies without unlocking', async () => {
    const { w, media, backup, drive } = await backedUp();
    expect(backup.bagName).toBe(`valija-respaldo-${w.ws.meta.data.vaultId}-2026-11-23`);
    expect(backup.verification.valid).toBe(true);
    const data = path.join(backup.bagPath, 'data');
    expect(existsSync(path.join(data, 'keys.json'))).toBe(true);
    expect(existsSync(path.join(data, 'public.json'))).toBe(true);
    expect(existsSync(path.join(data, 'vault.lock'))).toBe(false);
    // Still encrypted: no subject in clear anywhere in the backup.
    const encrypted = listTree(data).filter((p) => p.endsWith('.vlj') || p.endsWith('.log'));
    expect(encrypted.some((p) => p.endsWith('.vlj')) && encrypted.some((p) => p.endsWith('.log'))).toBe(true);
    for (const f of encrypted) {
      expect(readFileSync(path.join(data, f)).includes(Buffer.from('sobrevivir'))).toBe(false);
    }
    const inspection = await media.inspectBackup(backup.bagPath);
    expect(inspection).toMatchObject({ valid: true, problem: null, descriptor: { vaultId: w.ws.meta.data.vaultId, office: { institution: 'C4 Oaxaca', acronym: 'C4' }, createdBy: ADMIN.fullName } });
    const audit = await w.ws.audit.list({ offset: 0, limit: 1000 });
    expect(audit.entries.some((e) => e.action === ('vault.backed_up' as string) && e.details.carpeta === backup.bagName)).toBe(true);
    // A second backup the same day gets its own folder; (only an administrator may: the channel's access).
    expect((await media.backupVault(w.ws, w.admin, { drivePath: drive })).bagName).toBe(`${backup.bagName}-2`);
  });

  it('restores into a fresh data folder, where the original password signs in and the records are there', async () => {
    const { w, media, s, backup } = await backedUp();
    const fresh = path.join(tempDir(), 'datos');
    const result = await media.restoreBackup(backup.bagPath, fresh, { confirmReplace: false, unlock: adminUnlock, kdf: TEST_KDF });
    expect(result).toMatchObject({ vaultId: w.ws.meta.data.vaultId, replaced: false, keptCopy: null });
    expect(readdirSync(path.dirname(fresh))).toEqual(['datos']);
    const again = servicesAt(fresh);
    expect(await again.session.state()).toMatchObject({ status: 'locked', office: { institution: 'C4 Oaxaca' } });
    const state = await again.session.signIn(ADMIN.userName, ADMIN.password);
    expect(state.status).toBe('signed_in');
    const { ws, user } = again.session.require();
    expect((await again.shipments.queries.get(ws, user, s.id)).shipment.content.subject).toBe('Oficio que debe sobrevivir al respaldo');
  });

  it('never replaces a vault without confirmation, and keeps the replaced one aside', async () => {
    const { media, backup } = await backedUp();
    const other = await testWorld(Date.parse('2026-12-01T18:00:00Z'), path.join(tempDir(), 'datos'));
    worlds.push(other);
    const target = other.dir;
    await other.s.session.close();
    const before = listTree(target);

    await expect(media.restoreBackup(backup.bagPath, target, { confirmReplace: false, unlock: adminUnlock, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'VAULT_EXISTS', message: expect.stringContaining('confirme') });
    expect(listTree(target)).toEqual(before);
    expect(readdirSync(path.dirname(target))).toEqual(['datos']);

    // The backup is of another vault: said plainly, and refused until confirmed on its own.
    await expect(media.restoreBackup(backup.bagPath, target, { confirmReplace: true, unlock: adminUnlock, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('es de OTRA bóveda') });
    expect(listTree(target)).toEqual(before);
    const result = await media.restoreBackup(backup.bagPath, target, { confirmReplace: true, confirmOtherVault: true, unlock: adminUnlock, kdf: TEST_KDF });
    expect(result.replaced).toBe(true);
    expect(result.keptCopy).toMatch(/datos-anterior-20261123T180000$/);
    expect(listTree(result.keptCopy!)).toEqual(before);
    expect(Vault.exists(target)).toBe(true);
    const again = servicesAt(target);
    expect((await again.session.signIn(ADMIN.userName, ADMIN.password)).status).toBe('signed_in');
  });

  it('refuses to replace a vault this program still has open', async () => {
    const { w, media, backup } = await backedUp();
    await w.s.session.signOut();
    await expect(media.restoreBackup(backup.bagPath, w.dir, { confirmReplace: true, unlock: adminUnlock, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
    expect(Vault.exists(w.dir)).toBe(true);
    expect(readdirSync(path.dirname(w.dir)).filter((n) => n.startsWith(path.basename(w.dir)))).toEqual([path.basename(w.dir)]);
  });

  it('rejects hostile or damaged backups before writing anything', async () => {
    const { media, backup } = await backedUp();
    const outer = tempDir();
    const target = path.join(outer, 'datos');
    const secret = path.join(outer, 'secreto.txt');
    writeFileSync(secret, 'no tocar');

    // A manifest line that climbs out of the bag.
    const climbing = path.join(tempDir(), 'respaldo');
    await fsp.cp(backup.bagPath, climbing, { recursive: true });
    await fsp.appendFile(path.join(climbing, 'manifest-sha256.txt'), `${sha256('x')}  data/../../../secreto.txt\n`);
    await expect(media.restoreBackup(climbing, target, { confirmReplace: true, unlock: adminUnlock, kdf: TEST_KDF })).rejects.toMatchObject({ message: expect.stringContaining('no se puede restaurar') });

    // A symbolic link inside data/.
    const linked = path.join(tempDir(), 'respaldo');
    await fsp.cp(backup.bagPath, linked, { recursive: true });
    symlinkSync(secret, path.join(linked, 'data', 'enlace.txt'));
    await expect(media.restoreBackup(linked, target, { confirmReplace: true, unlock: adminUnlock, kdf: TEST_KDF })).rejects.toMatchObject({ message: expect.stringContaining('enlace simbólico') });

    // A file altered after the backup.
    const altered = path.join(tempDir(), 'respaldo');
    await fsp.cp(backup.bagPath, altered, { recursive: true });
    writeFileSync(path.join(altered, 'data', 'keys.json'), '{}');
    expect((await media.inspectBackup(altered)).valid).toBe(false);
    await expect(media.restoreBackup(altered, target, { confirmReplace: true, unlock: adminUnlock, kdf: TEST_KDF })).rejects.toMatchObject({ message: expect.stringContaining('keys.json') });

    // A valid bag that is not a vault backup.
    const stranger = path.join(tempDir(), 'otro');
    const strangerWorld = await testWorld();
    worlds.push(strangerWorld);
    const strangerMedia = new MediaService({ shipments: strangerWorld.s.shipments });
    const exported = await strangerMedia.exportRecords(strangerWorld.ws, strangerWorld.clerk, { shipmentIds: [(await shipmentIn(strangerWorld, 'autorizado', oficioContent(strangerWorld, 'x'))).id] }, { drivePath: await fsp.mkdir(stranger, { recursive: true }).then(() => stranger) });
    expect((await media.inspectBackup(exported.bagPath)).problem).toContain('no un respaldo de Valija');

    expect(readdirSync(outer)).toEqual(['secreto.txt']);
    expect(readFileSync(secret, 'utf8')).toBe('no tocar');
  });
});
