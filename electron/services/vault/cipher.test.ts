import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decrypt, decryptFile, encrypt, HEADER_BYTES, newKey } from './cipher';
import { appErrorOf, tempDir } from './test-support';

const key = newKey();
const text = Buffer.from('Oficio C4/DG/0042/2026 — información reservada', 'utf8');

describe('cipher', () => {
  it('round-trips and uses a fresh nonce each time', () => {
    const a = encrypt(key, 'doc:users', text);
    const b = encrypt(key, 'doc:users', text);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(0, 4).toString()).toBe('VLJ1');
    expect(decrypt(key, 'doc:users', a).toString('utf8')).toBe(text.toString('utf8'));
    expect(decrypt(key, 'doc:users', encrypt(key, 'doc:users', Buffer.alloc(0))).length).toBe(0);
  });

  it('encrypts parts as the same plaintext joined, without joining them first', () => {
    const parts = [text.subarray(0, 7), Buffer.alloc(0), text.subarray(7, 30), text.subarray(30)];
    const blob = encrypt(key, 'cache:x', parts);
    expect(blob.length).toBe(encrypt(key, 'cache:x', text).length);
    expect(decrypt(key, 'cache:x', blob).equals(text)).toBe(true);
    expect(decrypt(key, 'cache:x', encrypt(key, 'cache:x', [])).length).toBe(0);
  });

  it('detects a flipped byte anywhere as VAULT_CORRUPT naming the file', async () => {
    const blob = encrypt(key, 'doc:users', text);
    for (const at of [0, 4, 9, 13, 20, 30, HEADER_BYTES, blob.length - 1]) {
      const bad = Buffer.from(blob);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      const error = await appErrorOf(() => decrypt(key, 'doc:users', bad, 'g1/docs/users.vlj'));
      expect([at, error.code]).toEqual([at, 'VAULT_CORRUPT']);
      expect(error.message).toContain('g1/docs/users.vlj');
    }
  });

  it('reports truncation as VAULT_TRUNCATED, before and after the header', async () => {
    const blob = encrypt(key, 'doc:users', text);
    for (const length of [0, 3, 10, HEADER_BYTES, blob.length - 1]) {
      const error = await appErrorOf(() => decrypt(key, 'doc:users', blob.subarray(0, length), 'users.vlj'));
      expect(error.code).toBe('VAULT_TRUNCATED');
      expect(error.message).toMatch(/incompleto \(truncado\).*users\.vlj|users\.vlj.*incompleto/);
    }
  });

  it('detects a blob moved under another name (swapped files)', async () => {
    const blob = encrypt(key, 'doc:users', text);
    expect((await appErrorOf(() => decrypt(key, 'doc:agencies', blob))).code).toBe('VAULT_CORRUPT');
  });

  it('refuses a newer format version with VAULT_VERSION and bad magic as VAULT_CORRUPT', async () => {
    const blob = encrypt(key, 'x', text);
    const newer = Buffer.from(blob);
    newer[4] = 2;
    expect((await appErrorOf(() => decrypt(key, 'x', newer))).code).toBe('VAULT_VERSION');
    const magic = Buffer.from(blob);
    magic.write('ZIP!', 0, 'ascii');
    const error = await appErrorOf(() => decrypt(key, 'x', magic, 'x.vlj'));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.message).toContain('no es un archivo de bóveda');
  });

  it('rejects trailing bytes and the wrong key', async () => {
    const blob = encrypt(key, 'x', text);
    expect((await appErrorOf(() => decrypt(key, 'x', Buffer.concat([blob, Buffer.from([0])])))).code).toBe('VAULT_CORRUPT');
    expect((await appErrorOf(() => decrypt(newKey(), 'x', blob))).code).toBe('VAULT_CORRUPT');
  });
});

describe('decrypting a file a chunk at a time', () => {
  const big = Buffer.from(Array.from({ length: 2_600_000 }, (_, i) => (i * 7919) % 251));
  const { dir, cleanup } = tempDir('valija-cipher-');
  afterAll(() => cleanup());
  const put = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const blob = encrypt(key, 'cache:indice', big);

  it('gives back the plaintext of a blob longer than one chunk, and of an empty one', async () => {
    expect((await decryptFile(key, 'cache:indice', put('big.vlj', blob), 'big.vlj')).equals(big)).toBe(true);
    expect((await decryptFile(key, 'cache:x', put('empty.vlj', encrypt(key, 'cache:x', Buffer.alloc(0))), 'empty.vlj')).length).toBe(0);
  });

  it('answers damage as a whole read does: flipped bytes, truncation, trailing bytes, newer version, another name', async () => {
    const codeOf = async (bytes: Buffer, name = 'cache:indice') => (await appErrorOf(() => decryptFile(key, name, put('bad.vlj', bytes), 'cache/indice.vlj'))).code;
    for (const at of [0, 4, 9, 13, 20, 30, HEADER_BYTES, 1_500_000, blob.length - 1]) {
      const bad = Buffer.from(blob);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      expect([at, await codeOf(bad)]).toEqual([at, 'VAULT_CORRUPT']);
    }
    for (const length of [0, 3, HEADER_BYTES, 1_048_620, blob.length - 1]) expect([length, await codeOf(blob.subarray(0, length))]).toEqual([length, 'VAULT_TRUNCATED']);
    expect(await codeOf(Buffer.concat([blob, Buffer.from([0])]))).toBe('VAULT_CORRUPT');
    const newer = Buffer.from(blob);
    newer[4] = 2;
    expect(await codeOf(newer)).toBe('VAULT_VERSION');
    expect(await codeOf(blob, 'cache:otro')).toBe('VAULT_CORRUPT');
    const error = await appErrorOf(() => decryptFile(key, 'cache:indice', put('bad.vlj', blob.subarray(0, 100)), 'cache/indice.vlj'));
    expect(error.message).toContain('cache/indice.vlj');
  });

  it('rejects a missing file with ENOENT, which the durable file reads as «never written»', async () => {
    await expect(decryptFile(key, 'cache:x', path.join(dir, 'no-such.vlj'), 'no-such.vlj')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
