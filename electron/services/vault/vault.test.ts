import { createHash } from 'node:crypto';
import { existsSync, promises as fsp, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_KDF } from './kdf';
import { Vault } from './vault';
import { appErrorOf, CHILD_PASSWORD, spawnChild, tempDir, waitForExit, waitForLine } from './test-support';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const create = (slotId = 'admin', password = CHILD_PASSWORD) => Vault.create(dir, { slotId, password, kdf: TEST_KDF });

/** sha256 of every file under the vault except keys.json*, to prove a key change touched nothing else. */
function fingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.startsWith('keys.json') && entry.name !== 'vault.lock') {
        out[path.relative(root, full)] = createHash('sha256').update(readFileSync(full)).digest('hex') + statSync(full).mtimeMs;
      }
    }
  };
  walk(root);
  return out;
}

describe('checkpoint (cache) files', () => {
  it('writes a binary checkpoint given in parts, and writes again without reading the whole file first', async () => {
    const { vault } = await create();
    const file = vault.binaryCacheFile('columns');
    const parts = [Buffer.from('uno-'), Buffer.alloc(0), Buffer.from('dos-tres')];
    await file.write(parts);
    expect(await file.read()).toEqual({ data: Buffer.from('uno-dos-tres') });
    // The file is read by opening it (decrypted a chunk at a time): no write may open it again, nor read it whole.
    const target = path.join(dir, 'g1', 'cache', 'columns.vlj');
    expect(existsSync(target)).toBe(true);
    const reads = vi.spyOn(fsp, 'readFile');
    const opens = vi.spyOn(fsp, 'open');
    try {
      await vault.binaryCacheFile('columns').write([Buffer.from('cuatro')]);
      await vault.binaryCacheFile('columns').write([Buffer.from('cinco')]);
      expect(reads).not.toHaveBeenCalled();
      expect(opens.mock.calls.filter(([file]) => file === target)).toEqual([]);
    } finally {
      reads.mockRestore();
      opens.mockRestore();
    }
    await vault.close();
    const again = await (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
    expect(await again.binaryCacheFile('columns').read()).toEqual({ data: Buffer.from('cinco') });
    await again.close();
  });
});

describe('Vault lifecycle', () => {
  it('creates, saves documents and streams, and reopens with every save', async () => {
    expect(Vault.exists(dir)).toBe(false);
    const { vault, recoveryCode } = await create();
    expect(recoveryCode).toMatch(/^([2-9A-Z]{4}-){7}[2-9A-Z]{4}$/);
    const office = await vault.doc('office', { name: '', folioPrefix: 'C4/DG' });
    await office.update((d) => {
      d.name = 'Centro de Control, Comando y Comunicación';
    });
    const custody = await vault.stream<{ id: number }>('custody');
    await custody.append({ id: 1 });
    await custody.append({ id: 2 }, { at: new Date('2025-03-10T12:00:00Z') });
    await vault.close();
    expect(Vault.exists(dir)).toBe(true);

    const locked = await Vault.open(dir, { kdf: TEST_KDF });
    expect(locked.slotIds()).toEqual(['admin']);
    expect(locked.hasSlot('admin')).toBe(true);
    const again = await locked.unlockWithPassword('admin', CHILD_PASSWORD);
    expect((await again.doc('office', { name: '', folioPrefix: '' })).data.name).toBe('Centro de Control, Comando y Comunicación');
    const stream = await again.stream<{ id: number }>('custody');
    expect(await stream.partitions()).toContain('2025-03');
    const ids: number[] = [];
    for await (const entry of stream.readAll()) ids.push(entry.record.id);
    expect(ids.sort()).toEqual([1, 2]);
    expect(again.problems).toEqual([]);
    await again.close();
  });

  it('never stores plaintext on disk', async () => {
    const { vault } = await create();
    const doc = await vault.doc('secret', { text: '' });
    await doc.update((d) => {
      d.text = 'INFORMACIÓN RESERVADA';
    });
    await (await vault.stream('audit')).append({ text: 'INFORMACIÓN RESERVADA' });
    await vault.close();
    const all = Object.keys(fingerprint(dir)).map((f) => readFileSync(path.join(dir, f)).toString('latin1'));
    all.push(readFileSync(path.join(dir, 'keys.json'), 'latin1'));
    expect(all.some((t) => t.includes('RESERVADA') || t.includes(CHILD_PASSWORD))).toBe(false);
  });

  it('refuses to create over an existing vault and to open a missing one', async () => {
    const { vault } = await create();
    await vault.close();
    expect((await appErrorOf(() => create())).code).toBe('VAULT_EXISTS');
    const other = path.join(dir, 'nada');
    const error = await appErrorOf(() => Vault.open(other, { kdf: TEST_KDF }));
    expect(error.code).toBe('VAULT_NOT_FOUND');
    expect(error.message).toContain('nada');
  });

  it('tells a wrong password, an unknown user and a wrong recovery code apart', async () => {
    const { vault, recoveryCode } = await create();
    await vault.close();
    const locked = await Vault.open(dir, { kdf: TEST_KDF });
    expect((await appErrorOf(() => locked.unlockWithPassword('admin', 'otra'))).code).toBe('WRONG_PASSWORD');
    expect((await appErrorOf(() => locked.unlockWithPassword('nadie', CHILD_PASSWORD))).code).toBe('NO_KEY_SLOT');
    expect((await appErrorOf(() => locked.unlockWithRecoveryCode('2222-2222-2222-2222-2222-2222-2222-2222'))).code).toBe('WRONG_RECOVERY_CODE');
    const byCode = await locked.unlockWithRecoveryCode(recoveryCode.toLowerCase());
    expect(byCode.slotId).toBeNull();
    await byCode.close();
  });

  it('manages slots: add, change password (keys.json and the catalog\'s counter only), remove, new recovery code', async () => {
    const { vault, recoveryCode } = await create();
    await (await vault.doc('users', { list: ['admin'] })).write();
    await (await vault.stream('audit')).append({ what: 'alta' });
    await vault.addSlot('beto', 'clave-beto');
    expect((await appErrorOf(() => vault.addSlot('beto', 'x'))).code).toBe('CONFLICT');
    const before = fingerprint(dir);
    const keysBefore = readFileSync(path.join(dir, 'keys.json'), 'utf8');
    await vault.setSlotPassword('beto', 'clave-nueva');
    // besides keys.json, only the catalog changed: it remembers the key file's new counter
    const after = fingerprint(dir);
    expect(Object.keys(after).filter((file) => after[file] !== before[file]).sort()).toEqual(['g1/catalog.vlj', 'g1/catalog.vlj.prev']);
    const keysAfter = readFileSync(path.join(dir, 'keys.json'), 'utf8');
    expect(keysAfter).not.toBe(keysBefore);
    // the previous copy is the same file, so falling back to it can never bring back an older set of slots
    expect(readFileSync(path.join(dir, 'keys.json.prev'), 'utf8')).toBe(keysAfter);
    await vault.checkPassword('beto', 'clave-nueva');
    expect((await appErrorOf(() => vault.checkPassword('beto', 'clave-beto'))).code).toBe('WRONG_PASSWORD');
    const newCode = await vault.newRecoveryCode();
    await vault.removeSlot('beto');
    expect((await appErrorOf(() => vault.removeSlot('admin'))).code).toBe('VAULT_LAST_SLOT');
    await vault.close();

    const locked = await Vault.open(dir, { kdf: TEST_KDF });
    expect(locked.slotIds()).toEqual(['admin']);
    expect((await appErrorOf(() => locked.unlockWithPassword('beto', 'clave-nueva'))).code).toBe('NO_KEY_SLOT');
    expect((await appErrorOf(() => locked.unlockWithRecoveryCode(recoveryCode))).code).toBe('WRONG_RECOVERY_CODE');
    await (await locked.unlockWithRecoveryCode(newCode)).close();
  });

  it('lock() forgets the key but keeps the folder; another user can then unlock', async () => {
    const { vault } = await create();
    await vault.addSlot('beto', 'clave-beto');
    const doc = await vault.doc('settings', { theme: 'claro' });
    const locked = await vault.lock();
    expect((await appErrorOf(() => doc.update((d) => void (d.theme = 'oscuro')))).code).toBe('VAULT_LOCKED');
    expect((await appErrorOf(() => Vault.open(dir, { kdf: TEST_KDF }))).code).toBe('VAULT_IN_USE');
    const beto = await locked.unlockWithPassword('beto', 'clave-beto');
    await beto.close();
  });
});

describe('single writer', () => {
  it('refuses a second open in the same process and releases on close', async () => {
    const { vault } = await create();
    const error = await appErrorOf(() => Vault.open(dir, { kdf: TEST_KDF }));
    expect(error.code).toBe('VAULT_IN_USE');
    expect(error.message).toMatch(/ya está abierta/);
    await vault.close();
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
    await (await Vault.open(dir, { kdf: TEST_KDF })).close();
  });

  it('refuses while another process holds it, and takes over once that process is dead', async () => {
    const { vault } = await create();
    await vault.close();
    const child = spawnChild(['hold', dir]);
    try {
      await waitForLine(child, /^ready$/);
      const error = await appErrorOf(() => Vault.open(dir, { kdf: TEST_KDF }));
      expect(error.code).toBe('VAULT_IN_USE');
      expect(error.message).toContain(String(child.pid));
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(true);
    await (await Vault.open(dir, { kdf: TEST_KDF })).close();
  });

  it('takes over a stale lock left by a dead process', async () => {
    const { vault } = await create();
    await vault.close();
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ pid: 999_999_999, processStart: '1', hostname: (await import('node:os')).hostname(), startedAt: '', token: 'x' }));
    await (await Vault.open(dir, { kdf: TEST_KDF })).close();
  });

  it('takes over an empty or unreadable lock (debris from an older crash)', async () => {
    const { vault } = await create();
    await vault.close();
    writeFileSync(path.join(dir, 'vault.lock'), '');
    await (await Vault.open(dir, { kdf: TEST_KDF })).close();
    writeFileSync(path.join(dir, 'vault.lock'), '{"pi');
    await (await Vault.open(dir, { kdf: TEST_KDF })).close();
    expect(readdirSync(dir).filter((n) => n.startsWith('vault.lock'))).toEqual([]);
  });
});
