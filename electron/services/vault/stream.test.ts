import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF } from './kdf';
import { Vault, type UnlockedVault } from './vault';
import { CHILD_PASSWORD, tempDir } from './test-support';

let dir: string;
let cleanup: () => void;
let vault: UnlockedVault;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  ({ vault } = await Vault.create(dir, { slotId: 'admin', password: CHILD_PASSWORD, kdf: TEST_KDF }));
});
afterEach(async () => {
  await vault.close();
  cleanup();
});

const month = (m: string) => new Date(`${m}-10T12:00:00Z`);

describe('VaultStream', () => {
  it('partitions by month and reads one month, the latest N months, or everything', async () => {
    const audit = await vault.stream<{ n: number }>('audit');
    const months = ['2024-12', '2025-01', '2025-02', '2025-03'];
    let n = 0;
    for (const m of months) for (let i = 0; i < 3; i += 1) await audit.append({ n: (n += 1) }, { at: month(m) });
    expect(await audit.partitions()).toEqual(months);
    expect(readdirSync(path.join(dir, 'g1', 'streams', 'audit')).filter((f) => f.endsWith('.log')).sort()).toEqual(months.map((m) => `${m}.log`));
    expect((await audit.readPartition('2025-01')).map((r) => r.n)).toEqual([4, 5, 6]);
    expect((await audit.recent(2)).map((r) => r.n)).toEqual([7, 8, 9, 10, 11, 12]);
    const all: string[] = [];
    for await (const e of audit.readAll()) all.push(`${e.partition}#${e.index}:${e.record.n}`);
    expect(all).toHaveLength(12);
    expect(all[0]).toBe('2024-12#0:1');
    expect(all[11]).toBe('2025-03#2:12');
  });

  it('reads a month newest first, one frame at a time, and some frames of a month by index', async () => {
    const audit = await vault.stream<{ n: number }>('audit');
    for (let n = 0; n < 6; n += 1) await audit.append({ n }, { at: month('2025-05') });
    const newest: Array<[number, number]> = [];
    for await (const e of audit.newestFirst('2025-05')) {
      newest.push([e.index, e.record.n]);
      if (newest.length === 3) break;
    }
    expect(newest).toEqual([[5, 5], [4, 4], [3, 3]]);
    expect((await audit.readSome('2025-05', [4, 0, 2])).map((r) => r.n)).toEqual([4, 0, 2]);
    await expect(audit.readSome('2025-05', [6])).rejects.toMatchObject({ code: 'VAULT_TRUNCATED' });
    const none: number[] = [];
    for await (const e of audit.newestFirst('2025-06')) none.push(e.record.n);
    expect(none).toEqual([]);
  });

  it('keeps every record and their order under concurrent appends', async () => {
    const custody = await vault.stream<{ n: number }>('custody');
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => custody.append({ n }, { at: month('2026-01') })));
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect((await custody.readPartition('2026-01')).map((r) => r.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('appendMany writes one frame per record in one durable write', async () => {
    const custody = await vault.stream<{ n: number }>('custody');
    const first = await custody.appendMany([{ n: 1 }, { n: 2 }, { n: 3 }], { at: month('2026-02') });
    const second = await custody.append({ n: 4 }, { at: month('2026-02') });
    expect(first).toMatchObject({ partition: '2026-02', index: 0, count: 3 });
    expect(second.index).toBe(3);
    // Each frame's place, as readAt needs it: one after the other from the start of the file.
    expect(first.refs.map((r) => r.offset)).toEqual([0, first.refs[0]!.total, first.refs[0]!.total + first.refs[1]!.total]);
    expect(second.refs[0]?.offset).toBe(first.refs.reduce((n, r) => n + r.total, 0));
    expect(await custody.readAt('2026-02', 3, second.refs[0]!)).toEqual({ n: 4 });
    expect(await custody.readAt('2026-02', 1, first.refs[1]!)).toEqual({ n: 2 });
    await expect(custody.readAt('2026-02', 2, first.refs[1]!)).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    await vault.close();
    vault = await (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
    const again = await vault.stream<{ n: number }>('custody');
    expect((await again.readPartition('2026-02')).map((r) => r.n)).toEqual([1, 2, 3, 4]);
    await again.append({ n: 5 }, { at: month('2026-02') });
    expect((await again.readPartition('2026-02')).map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects names that could escape the vault folder', async () => {
    await expect(vault.stream('../x')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(vault.doc('A B', {})).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('lowdb documents', () => {
  it('update() is durable and serialised; the same name returns the same handle', async () => {
    const users = await vault.doc('users', { list: [] as string[] });
    expect(await vault.doc('users', { list: [] as string[] })).toBe(users);
    await Promise.all(Array.from({ length: 20 }, (_, i) => users.update((d) => void d.list.push(`u${i}`))));
    await vault.close();
    vault = await (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
    expect((await vault.doc('users', { list: [] as string[] })).data.list).toHaveLength(20);
  });
});
