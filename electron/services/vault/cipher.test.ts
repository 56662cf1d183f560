import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, HEADER_BYTES, newKey } from './cipher';
import { appErrorOf } from './test-support';

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
