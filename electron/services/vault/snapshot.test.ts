import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF } from './kdf';
import { Vault } from './vault';
import { CHILD_PASSWORD, tempDir } from './test-support';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('UnlockedVault.snapshot', () => {
  it('lists the vault files only, and a copy made inside opens with every acknowledged save', async () => {
    const { vault } = await Vault.create(path.join(dir, 'v'), { slotId: 'admin', password: CHILD_PASSWORD, kdf: TEST_KDF });
    const doc = await vault.doc('office', { name: '' });
    await doc.update((d) => void (d.name = 'C4 Oaxaca'));
    const stream = await vault.stream<{ n: number }>('audit');
    await stream.append({ n: 1 });
    await stream.append({ n: 2 }, { at: new Date('2025-03-10T12:00:00Z') });
    // Debris that must not travel: a save's temp file, an old generation, a stranger's file.
    writeFileSync(path.join(dir, 'v', 'g1', 'docs', 'office.vlj.tmp-123-abc'), 'x');
    mkdirSync(path.join(dir, 'v', 'g0'));
    writeFileSync(path.join(dir, 'v', 'g0', 'catalog.vlj'), 'old');
    writeFileSync(path.join(dir, 'v', 'notas.txt'), 'no es de la bóveda');

    const copy = path.join(dir, 'copia');
    const listed = await vault.snapshot(async (files) => {
      for (const f of files) {
        mkdirSync(path.dirname(path.join(copy, f.path)), { recursive: true });
        cpSync(f.absolute, path.join(copy, f.path));
      }
      return files.map((f) => f.path);
    });
    expect(listed).toContain('keys.json');
    expect(listed).toContain('g1/catalog.vlj');
    expect(listed).toContain('g1/docs/office.vlj');
    expect(listed.some((p) => p.startsWith('g1/streams/audit/'))).toBe(true);
    expect(listed.filter((p) => p.includes('.tmp-') || p.startsWith('g0') || p === 'vault.lock' || p === 'notas.txt')).toEqual([]);
    await vault.close();

    const reopened = await (await Vault.open(copy, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
    expect((await reopened.doc('office', { name: '' })).data.name).toBe('C4 Oaxaca');
    const seen: number[] = [];
    for await (const e of (await reopened.stream<{ n: number }>('audit')).readAll()) seen.push(e.record.n);
    expect(seen.sort()).toEqual([1, 2]);
    await reopened.close();
  });

  it('holds saves back until the copy is done', async () => {
    const { vault } = await Vault.create(path.join(dir, 'v'), { slotId: 'admin', password: CHILD_PASSWORD, kdf: TEST_KDF });
    const doc = await vault.doc('office', { name: '' });
    const order: string[] = [];
    let save: Promise<void> = Promise.resolve();
    await vault.snapshot(async () => {
      save = doc.update((d) => void (d.name = 'después')).then(() => void order.push('save'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('snapshot');
    });
    await save;
    expect(order).toEqual(['snapshot', 'save']);
    await vault.close();
  });
});
