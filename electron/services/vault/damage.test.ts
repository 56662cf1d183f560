import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF } from './kdf';
import { Vault, type UnlockedVault } from './vault';
import { appErrorOf, CHILD_PASSWORD, tempDir } from './test-support';

/**
 * For each kind of vault file (keys.json, a document, a stream partition and
 * its manifest): a flipped byte, a truncated file and a missing file are each
 * detected with a Spanish message naming the file; the previous copy is used
 * where one exists; nothing that could not be read is overwritten.
 */
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const MARCH = new Date('2026-03-15T10:00:00Z');
const at = (...parts: string[]) => path.join(dir, ...parts);

async function build(options: { docWrites: number; keyWrites: number }): Promise<void> {
  const { vault } = await Vault.create(dir, { slotId: 'admin', password: CHILD_PASSWORD, kdf: TEST_KDF });
  for (let i = 1; i < options.keyWrites; i += 1) await vault.addSlot(`user${i}`, 'clave');
  const users = await vault.doc('users', { version: 0 });
  for (let i = 1; i <= options.docWrites; i += 1) await users.update((d) => void (d.version = i));
  const custody = await vault.stream<{ n: number }>('custody');
  for (let n = 1; n <= 5; n += 1) await custody.append({ n }, { at: MARCH });
  await vault.close();
}

async function unlock(): Promise<UnlockedVault> {
  return (await Vault.open(dir, { kdf: TEST_KDF })).unlockWithPassword('admin', CHILD_PASSWORD);
}

function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file);
  const index = offset < 0 ? bytes.length + offset : offset;
  bytes[index] = (bytes[index] ?? 0) ^ 0x40;
  writeFileSync(file, bytes);
}

function cutInHalf(file: string): void {
  truncateSync(file, Math.floor(readFileSync(file).length / 2));
}

const damaged = (folder: string, base: string) => readdirSync(folder).filter((n) => n.startsWith(`${base}.damaged-`));

describe('keys.json damage', () => {
  it.each([
    ['flipped byte', (f: string) => flipByte(f, 200), 'VAULT_CORRUPT', /dañado|alterado/],
    ['truncated', cutInHalf, 'VAULT_TRUNCATED', /incompleto/],
    ['missing', (f: string) => rmSync(f), 'VAULT_FILE_MISSING', /Falta/],
  ])('%s without a previous copy is refused with its own message', async (_label, damage, code, wording) => {
    await build({ docWrites: 1, keyWrites: 1 });
    damage(at('keys.json'));
    const before = existsSync(at('keys.json')) ? readFileSync(at('keys.json')) : null;
    const error = await appErrorOf(() => Vault.open(dir, { kdf: TEST_KDF }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(wording);
    expect(error.message).toContain('keys.json');
    if (before) expect(readFileSync(at('keys.json')).equals(before)).toBe(true);
    expect(Vault.exists(dir)).toBe(true);
    expect((await appErrorOf(() => Vault.create(dir, { slotId: 'x', password: 'y', kdf: TEST_KDF }))).code).toBe('VAULT_EXISTS');
  });

  it.each([
    ['flipped byte', (f: string) => flipByte(f, 300), 'VAULT_CORRUPT'],
    ['truncated', cutInHalf, 'VAULT_TRUNCATED'],
    ['missing', (f: string) => rmSync(f), 'VAULT_FILE_MISSING'],
  ])('%s with a previous copy opens from keys.json.prev, warns, and keeps the damaged file', async (_label, damage, code) => {
    await build({ docWrites: 1, keyWrites: 3 });
    damage(at('keys.json'));
    const bad = existsSync(at('keys.json')) ? readFileSync(at('keys.json')) : null;
    const locked = await Vault.open(dir, { kdf: TEST_KDF });
    expect(locked.problems).toHaveLength(1);
    expect(locked.problems[0]?.code).toBe(code);
    expect(locked.problems[0]?.message).toMatch(/copia anterior de «keys\.json»/);
    // keys.json is written twice on every change, so its previous copy is the same state: nothing is lost,
    // and no removed slot could come back through it.
    expect(locked.slotIds()).toEqual(['admin', 'user1', 'user2']);
    const vault = await locked.unlockWithPassword('admin', CHILD_PASSWORD);
    expect((await vault.doc('users', { version: 0 })).data.version).toBe(1);
    await vault.addSlot('nuevo', 'clave');
    await vault.close();
    if (bad) {
      const kept = damaged(dir, 'keys.json');
      expect(kept).toHaveLength(1);
      expect(readFileSync(at(kept[0] ?? '')).equals(bad)).toBe(true);
    }
    const reopened = await Vault.open(dir, { kdf: TEST_KDF });
    expect(reopened.problems).toEqual([]);
    expect(reopened.slotIds()).toContain('nuevo');
    await reopened.close();
  });
});

describe('document damage', () => {
  const docFile = () => at('g1', 'docs', 'users.vlj');

  it.each([
    ['flipped byte', (f: string) => flipByte(f, -3), 'VAULT_CORRUPT', /dañado o fue alterado/],
    ['flipped header byte', (f: string) => flipByte(f, 9), 'VAULT_CORRUPT', /dañado/],
    ['truncated', cutInHalf, 'VAULT_TRUNCATED', /incompleto \(truncado\)/],
    ['missing', (f: string) => rmSync(f), 'VAULT_FILE_MISSING', /Falta el archivo/],
  ])('%s without a previous copy is refused, naming the file', async (_label, damage, code, wording) => {
    await build({ docWrites: 1, keyWrites: 1 });
    damage(docFile());
    const vault = await unlock();
    const error = await appErrorOf(() => vault.doc('users', { version: 0 }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(wording);
    expect(error.message).toContain('g1/docs/users.vlj');
    await vault.close();
  });

  it.each([
    ['flipped byte', (f: string) => flipByte(f, 50), 'VAULT_CORRUPT'],
    ['truncated', cutInHalf, 'VAULT_TRUNCATED'],
    ['missing', (f: string) => rmSync(f), 'VAULT_FILE_MISSING'],
  ])('%s with a previous copy uses .prev, warns, and moves the damaged file aside on the next save', async (_label, damage, code) => {
    await build({ docWrites: 2, keyWrites: 1 });
    damage(docFile());
    const bad = existsSync(docFile()) ? readFileSync(docFile()) : null;
    const vault = await unlock();
    const users = await vault.doc('users', { version: 0 });
    expect(users.data.version).toBe(1);
    expect(vault.problems.map((p) => [p.code, p.file])).toEqual([[code, 'g1/docs/users.vlj']]);
    expect(vault.problems[0]?.message).toMatch(/Se abrió la copia anterior/);
    await users.update((d) => void (d.version = 3));
    await vault.close();
    if (bad) {
      const kept = damaged(at('g1', 'docs'), 'users.vlj');
      expect(kept).toHaveLength(1);
      expect(readFileSync(at('g1', 'docs', kept[0] ?? '')).equals(bad)).toBe(true);
    }
    const again = await unlock();
    expect((await again.doc('users', { version: 0 })).data.version).toBe(3);
    expect(again.problems).toEqual([]);
    await again.close();
  });

  it('detects two documents swapped on disk', async () => {
    const { vault } = await Vault.create(dir, { slotId: 'admin', password: CHILD_PASSWORD, kdf: TEST_KDF });
    await (await vault.doc('a', { v: 'a' })).write();
    await (await vault.doc('b', { v: 'b' })).write();
    await vault.close();
    const a = readFileSync(at('g1', 'docs', 'a.vlj'));
    writeFileSync(at('g1', 'docs', 'a.vlj'), readFileSync(at('g1', 'docs', 'b.vlj')));
    writeFileSync(at('g1', 'docs', 'b.vlj'), a);
    const again = await unlock();
    expect((await appErrorOf(() => again.doc('a', { v: '' }))).code).toBe('VAULT_CORRUPT');
    await again.close();
  });
});

describe('stream partition damage', () => {
  const partition = () => at('g1', 'streams', 'custody', '2026-03.log');
  const frameStart = (file: string, frame: number) => {
    // frames are 44-byte header + payload; walk the declared lengths
    const bytes = readFileSync(file);
    let offset = 0;
    for (let i = 0; i < frame; i += 1) offset += 44 + bytes.readUInt32BE(offset + 8);
    return offset;
  };

  it('a flipped byte in a middle frame is VAULT_CORRUPT naming the partition and frame number', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    flipByte(partition(), frameStart(partition(), 2) + 50);
    const before = readFileSync(partition());
    const vault = await unlock();
    const custody = await vault.stream<{ n: number }>('custody');
    const error = await appErrorOf(() => custody.readPartition('2026-03'));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.message).toContain('g1/streams/custody/2026-03.log');
    expect(error.message).toContain('registro n.º 3');
    await vault.close();
    expect(readFileSync(partition()).equals(before)).toBe(true);
  });

  it('a flipped byte in a frame header is damage, not a torn write', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    flipByte(partition(), frameStart(partition(), 1) + 9);
    const vault = await unlock();
    const custody = await vault.stream<{ n: number }>('custody');
    const error = await appErrorOf(() => custody.append({ n: 6 }, { at: MARCH }));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.message).toContain('registro n.º 2');
    await vault.close();
  });

  it('a damaged last frame is refused, never cut away as if torn', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    flipByte(partition(), -1);
    const before = readFileSync(partition());
    const vault = await unlock();
    const custody = await vault.stream<{ n: number }>('custody');
    const error = await appErrorOf(() => custody.append({ n: 6 }, { at: MARCH }));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.message).toContain('registro n.º 5');
    await vault.close();
    expect(readFileSync(partition()).equals(before)).toBe(true);
  });

  it('a truncated partition is VAULT_TRUNCATED on open and left untouched', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    cutInHalf(partition());
    const before = readFileSync(partition());
    const vault = await unlock();
    const error = await appErrorOf(() => vault.stream('custody'));
    expect(error.code).toBe('VAULT_TRUNCATED');
    expect(error.message).toContain('g1/streams/custody/2026-03.log');
    await vault.close();
    expect(readFileSync(partition()).equals(before)).toBe(true);
  });

  it('a partition cut exactly at a frame boundary is still detected', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    truncateSync(partition(), frameStart(partition(), 4));
    const vault = await unlock();
    expect((await appErrorOf(() => vault.stream('custody'))).code).toBe('VAULT_TRUNCATED');
    await vault.close();
  });

  it('a missing partition is VAULT_FILE_MISSING naming it', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    rmSync(partition());
    const vault = await unlock();
    const error = await appErrorOf(() => vault.stream('custody'));
    expect(error.code).toBe('VAULT_FILE_MISSING');
    expect(error.message).toContain('g1/streams/custody/2026-03.log');
    await vault.close();
  });

  it('partitions swapped between months are detected', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    const vault = await unlock();
    const custody = await vault.stream<{ n: number }>('custody');
    for (let n = 1; n <= 5; n += 1) await custody.append({ n }, { at: new Date('2026-04-02T00:00:00Z') });
    await vault.close();
    const march = readFileSync(partition());
    const aprilFile = at('g1', 'streams', 'custody', '2026-04.log');
    writeFileSync(partition(), readFileSync(aprilFile));
    writeFileSync(aprilFile, march);
    const again = await unlock();
    const stream = await again.stream<{ n: number }>('custody');
    expect((await appErrorOf(() => stream.readPartition('2026-03'))).code).toBe('VAULT_CORRUPT');
    await again.close();
  });

  it('a torn final frame (never acknowledged) is cut away, kept aside, and reported', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    const whole = readFileSync(partition());
    const lastFrame = whole.subarray(frameStart(partition(), 4));
    appendFileSync(partition(), lastFrame.subarray(0, 30)); // a write interrupted mid-frame
    const vault = await unlock();
    const custody = await vault.stream<{ n: number }>('custody');
    expect((await custody.readPartition('2026-03')).map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    await custody.append({ n: 6 }, { at: MARCH });
    expect((await custody.readPartition('2026-03')).map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    const torn = readdirSync(at('g1', 'streams', 'custody')).filter((n) => n.includes('.torn-'));
    expect(torn).toHaveLength(1);
    expect(readFileSync(at('g1', 'streams', 'custody', torn[0] ?? '')).equals(lastFrame.subarray(0, 30))).toBe(true);
    expect(vault.problems.some((p) => /a medio escribir/.test(p.message))).toBe(true);
    await vault.close();
  });

  it('a zero-filled tail (size grew, data never landed) is treated as torn', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    appendFileSync(partition(), Buffer.alloc(100));
    const vault = await unlock();
    const custody = await vault.stream<{ n: number }>('custody');
    await custody.append({ n: 6 }, { at: MARCH });
    expect((await custody.readPartition('2026-03')).map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    await vault.close();
  });

  const manifestCases = [
    ['flipped byte', (f: string) => flipByte(f, 60), 'VAULT_CORRUPT'],
    ['truncated', cutInHalf, 'VAULT_TRUNCATED'],
    ['missing', (f: string) => rmSync(f), 'VAULT_FILE_MISSING'],
  ] as const;
  const manifest = () => at('g1', 'streams', 'custody', 'manifest.vlj');

  it.each(manifestCases)('manifest %s with a previous copy: recovered from .prev and reported', async (_label, damage, code) => {
    await build({ docWrites: 1, keyWrites: 1 });
    expect(existsSync(`${manifest()}.prev`)).toBe(true);
    damage(manifest());
    const vault = await unlock();
    const custody = await vault.stream<{ n: number }>('custody');
    expect((await custody.readPartition('2026-03')).map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    expect(vault.problems.map((p) => [p.code, p.file])).toEqual([[code, 'g1/streams/custody/manifest.vlj']]);
    await vault.close();
  });

  it.each(manifestCases)('manifest %s without a previous copy is refused, naming it', async (_label, damage, code) => {
    await build({ docWrites: 1, keyWrites: 1 });
    rmSync(`${manifest()}.prev`);
    damage(manifest());
    const vault = await unlock();
    const error = await appErrorOf(() => vault.stream('custody'));
    expect(error.code).toBe(code);
    expect(error.message).toContain('g1/streams/custody/manifest.vlj');
    await vault.close();
  });
});

describe('catalogue', () => {
  it('a deleted document does not silently come back as its defaults', async () => {
    await build({ docWrites: 1, keyWrites: 1 });
    rmSync(at('g1', 'docs', 'users.vlj'));
    rmSync(at('g1', 'docs', 'users.vlj.prev'), { force: true });
    const vault = await unlock();
    expect((await appErrorOf(() => vault.doc('users', { version: 0 }))).code).toBe('VAULT_FILE_MISSING');
    await vault.close();
  });
});
