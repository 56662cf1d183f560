import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF } from './kdf';
import { Vault, type UnlockedVault } from './vault';
import { appErrorOf, CHILD_PASSWORD, spawnChild, tempDir, waitForExit } from './test-support';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const months = ['2025-11', '2025-12', '2026-01'];

async function build(): Promise<{ recoveryCode: string }> {
  const { vault, recoveryCode } = await Vault.create(dir, { slotId: 'admin', password: CHILD_PASSWORD, kdf: TEST_KDF });
  await vault.addSlot('beto', 'clave-beto');
  const agencies = await vault.doc('agencies', { list: [] as string[] });
  await agencies.update((d) => void d.list.push('Fiscalía General del Estado'));
  const custody = await vault.stream<{ n: number; month: string }>('custody');
  for (const month of months) {
    for (let n = 1; n <= 3; n += 1) await custody.append({ n, month }, { at: new Date(`${month}-05T00:00:00Z`) });
  }
  await vault.close();
  return { recoveryCode };
}

async function expectAllData(vault: UnlockedVault, extra: string[] = []): Promise<void> {
  expect((await vault.doc('agencies', { list: [] as string[] })).data.list).toEqual(['Fiscalía General del Estado']);
  const custody = await vault.stream<{ n: number; month: string }>('custody');
  const seen: string[] = [];
  for await (const entry of custody.readAll()) seen.push(`${entry.record.month}#${entry.record.n}`);
  expect(seen).toEqual([...months.flatMap((m) => [1, 2, 3].map((n) => `${m}#${n}`)), ...extra]);
}

const generations = () => readdirSync(dir).filter((n) => /^g\d+$/.test(n)).sort();

describe('data key rotation', () => {
  it('re-encrypts everything, keeps every slot and the recovery code working, and removes the old generation', async () => {
    const { recoveryCode } = await build();
    const oldPartition = readFileSync(path.join(dir, 'g1', 'streams', 'custody', '2025-11.log'));
    const vault = await (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
    const progress: Array<[number, number]> = [];
    await vault.rotateDataKey((done, total) => void progress.push([done, total]));
    expect(progress.at(-1)).toEqual([4, 4]); // 1 document + 3 partitions
    expect(vault.generation).toBe(2);
    expect(generations()).toEqual(['g2']);
    await expectAllData(vault);
    // handles opened before the rotation keep working
    await (await vault.stream('custody')).append({ n: 4, month: '2026-01' }, { at: new Date('2026-01-20T00:00:00Z') });
    await vault.close();
    const newPartition = readFileSync(path.join(dir, 'g2', 'streams', 'custody', '2025-11.log'));
    expect(newPartition.equals(oldPartition)).toBe(false);

    for (const unlock of [
      (l: Awaited<ReturnType<typeof Vault.open>>) => l.unlockWithPassword('admin', CHILD_PASSWORD),
      (l: Awaited<ReturnType<typeof Vault.open>>) => l.unlockWithPassword('beto', 'clave-beto'),
      (l: Awaited<ReturnType<typeof Vault.open>>) => l.unlockWithRecoveryCode(recoveryCode),
    ]) {
      const again = await unlock(await Vault.open(dir, { kdf: TEST_KDF }));
      expect(again.generation).toBe(2);
      await expectAllData(again, ['2026-01#4']);
      await again.close();
    }
  });

  it('a failure before the switch leaves the old key in force and the vault usable', async () => {
    await build();
    const vault = await (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
    const failing = vault.rotateDataKey(undefined, {
      beforeSwitch: () => {
        throw new Error('disco lleno');
      },
    });
    await expect(failing).rejects.toThrow('disco lleno');
    expect(vault.generation).toBe(1);
    expect(generations()).toEqual(['g1']);
    await expectAllData(vault);
    await vault.close();
  });

  it('refuses to rotate over a damaged file instead of dropping it', async () => {
    await build();
    const file = path.join(dir, 'g1', 'docs', 'agencies.vlj');
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    (await import('node:fs')).writeFileSync(file, bytes);
    const vault = await (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
    const error = await appErrorOf(() => vault.rotateDataKey());
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.message).toContain('agencies.vlj');
    expect(generations()).toEqual(['g1']);
    await vault.close();
  });

  it.each(['progress:1', 'progress:3', 'before-switch', 'after-switch'])(
    'a process killed mid-rotation (%s) reopens with all data',
    async (when) => {
      await build();
      const child = spawnChild(['rotate', dir, when]);
      const exit = await waitForExit(child);
      expect(exit.signal).toBe('SIGKILL');
      const locked = await Vault.open(dir, { kdf: TEST_KDF }); // takes over the dead process's lock
      const vault = await locked.unlockWithPassword('admin', CHILD_PASSWORD);
      expect(vault.generation).toBe(when === 'after-switch' ? 2 : 1);
      expect(generations()).toEqual([`g${vault.generation}`]);
      await expectAllData(vault);
      await vault.close();
      // keys.json and its previous copy agree once settled
      const prev = JSON.parse(readFileSync(path.join(dir, 'keys.json.prev'), 'utf8')) as { generation: number };
      expect(prev.generation).toBe(vault.generation);
      expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
    },
    20_000,
  );
});
