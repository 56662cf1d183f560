import { describe, expect, it } from 'vitest';
import { checkScryptParams, MAX_SCRYPT_MEMORY, PRODUCTION_KDF, TEST_KDF } from './kdf';
import {
  createKeyFile,
  decodeKeyFile,
  encodeKeyFile,
  rewrapAll,
  unlockWithPassword,
  unlockWithRecoveryCode,
  verifyKeyFile,
  authenticateKeyFile,
  withoutSlot,
  withSlot,
} from './key-slots';
import { normalizeRecoveryCode, RECOVERY_BITS } from './recovery-code';
import { appErrorOf } from './test-support';
import { randomBytes } from 'node:crypto';

describe('key slots', () => {
  it('unwraps the DEK with the right password only, and never stores secrets in clear', async () => {
    const { keys, dek, recoveryCode } = await createKeyFile('ana', 'Contraseña-1', TEST_KDF);
    const json = encodeKeyFile(keys).toString('utf8');
    expect(json).not.toContain('Contraseña-1');
    expect(json).not.toContain(dek.toString('base64'));
    expect(json).not.toContain(dek.toString('hex'));
    expect(json).not.toContain(normalizeRecoveryCode(recoveryCode));
    expect((await unlockWithPassword(keys, 'ana', 'Contraseña-1', 'keys.json', TEST_KDF)).equals(dek)).toBe(true);
    expect((await appErrorOf(() => unlockWithPassword(keys, 'ana', 'contraseña-1', 'keys.json', TEST_KDF))).code).toBe('WRONG_PASSWORD');
    const noSlot = await appErrorOf(() => unlockWithPassword(keys, 'beto', 'x', 'keys.json', TEST_KDF));
    expect(noSlot.code).toBe('NO_KEY_SLOT');
    expect(noSlot.message).toContain('beto');
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const { keys, dek } = await createKeyFile('ana', 'Peña', TEST_KDF);
    expect((await unlockWithPassword(keys, 'ana', 'Pen\u0303a', 'keys.json', TEST_KDF)).equals(dek)).toBe(true);
  });

  it('recovery code: ≥120 bits, normalised input, wrong code refused', async () => {
    expect(RECOVERY_BITS).toBeGreaterThanOrEqual(120);
    const { keys, dek, recoveryCode } = await createKeyFile('ana', 'pw', TEST_KDF);
    expect(recoveryCode).toMatch(/^([2-9A-Z]{4}-){7}[2-9A-Z]{4}$/);
    const typed = ` ${recoveryCode.toLowerCase().replace(/-/g, ' ')} `;
    expect((await unlockWithRecoveryCode(keys, typed, 'keys.json', TEST_KDF)).equals(dek)).toBe(true);
    const other = recoveryCode.startsWith('2') ? `3${recoveryCode.slice(1)}` : `2${recoveryCode.slice(1)}`;
    expect((await appErrorOf(() => unlockWithRecoveryCode(keys, other, 'keys.json', TEST_KDF))).code).toBe('WRONG_RECOVERY_CODE');
    const short = await appErrorOf(() => unlockWithRecoveryCode(keys, 'ABCD', 'keys.json', TEST_KDF));
    expect(short.code).toBe('WRONG_RECOVERY_CODE');
    expect(short.message).toContain('32');
  });

  it('adds, replaces and removes slots; refuses removing the last password slot', async () => {
    const { keys, dek } = await createKeyFile('ana', 'pw', TEST_KDF);
    const withBeto = await withSlot(keys, dek, 'beto', 'password', 'pw-beto', TEST_KDF);
    expect((await unlockWithPassword(withBeto, 'beto', 'pw-beto', 'k', TEST_KDF)).equals(dek)).toBe(true);
    const changed = await withSlot(withBeto, dek, 'beto', 'password', 'nueva', TEST_KDF);
    expect((await appErrorOf(() => unlockWithPassword(changed, 'beto', 'pw-beto', 'k', TEST_KDF))).code).toBe('WRONG_PASSWORD');
    expect((await unlockWithPassword(changed, 'beto', 'nueva', 'k', TEST_KDF)).equals(dek)).toBe(true);
    const without = withoutSlot(changed, 'beto');
    expect((await appErrorOf(() => unlockWithPassword(without, 'beto', 'nueva', 'k', TEST_KDF))).code).toBe('NO_KEY_SLOT');
    expect((await appErrorOf(() => withoutSlot(without, 'ana'))).code).toBe('VAULT_LAST_SLOT');
  });

  it('re-wraps a new DEK for every slot without knowing passwords', async () => {
    const { keys, recoveryCode } = await createKeyFile('ana', 'pw', TEST_KDF);
    const newDek = randomBytes(32);
    const rotated = rewrapAll(keys, newDek, 2);
    expect((await unlockWithPassword(rotated, 'ana', 'pw', 'k', TEST_KDF)).equals(newDek)).toBe(true);
    expect((await unlockWithRecoveryCode(rotated, recoveryCode, 'k', TEST_KDF)).equals(newDek)).toBe(true);
  });

  it('keys.json: round-trips; a flipped byte is VAULT_CORRUPT, a cut is VAULT_TRUNCATED (not WRONG_PASSWORD)', async () => {
    const { keys } = await createKeyFile('ana', 'pw', TEST_KDF);
    const bytes = encodeKeyFile(keys);
    expect(decodeKeyFile(bytes, 'keys.json')).toEqual(keys);
    const text = bytes.toString('utf8');
    const at = text.indexOf('"data": "') + 12;
    const flipped = Buffer.from(text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
    const corrupt = await appErrorOf(() => decodeKeyFile(flipped, 'keys.json'));
    expect(corrupt.code).toBe('VAULT_CORRUPT');
    expect(corrupt.message).toContain('keys.json');
    expect((await appErrorOf(() => decodeKeyFile(bytes.subarray(0, 100), 'keys.json'))).code).toBe('VAULT_TRUNCATED');
    const newer = Buffer.from(text.replace('"version": 2', '"version": 9'));
    expect((await appErrorOf(() => decodeKeyFile(newer, 'keys.json'))).code).toBe('VAULT_VERSION');
  });

  it('refuses absurd KDF parameters from a tampered file', async () => {
    const { keys } = await createKeyFile('ana', 'pw', TEST_KDF);
    const slot = keys.slots[0];
    if (!slot) throw new Error('no slot');
    const tampered = { ...keys, slots: [{ ...slot, kdf: { ...slot.kdf, N: 2 ** 30 } }] };
    expect((await appErrorOf(() => unlockWithPassword(tampered, 'ana', 'pw', 'keys.json', TEST_KDF))).code).toBe('VAULT_CORRUPT');
  });

  it('accepts no slot cheaper than the configured cost (production by default) and caps the memory an edited file may ask for', () => {
    expect(checkScryptParams(PRODUCTION_KDF, 'keys.json')).toEqual(PRODUCTION_KDF);
    const weak = (() => {
      try {
        checkScryptParams({ N: 2 ** 8, r: 1, p: 1, keylen: 32 }, 'keys.json');
      } catch (error) {
        return error as { code: string; message: string };
      }
      return null;
    })();
    expect(weak).toMatchObject({ code: 'VAULT_TAMPERED', message: expect.stringContaining('«keys.json»') });
    // a cheaper floor only when configured (the tests' KDF)
    expect(checkScryptParams(TEST_KDF, 'keys.json', TEST_KDF)).toEqual(TEST_KDF);
    expect(() => checkScryptParams(TEST_KDF, 'keys.json')).toThrow(/más débil/);
    // 1 GiB of scrypt memory is refused before anything is allocated
    expect(128 * 2 ** 20 * 8).toBeGreaterThan(MAX_SCRYPT_MEMORY);
    expect(() => checkScryptParams({ N: 2 ** 20, r: 8, p: 1, keylen: 32 }, 'keys.json')).toThrow(/dañado o fue alterado/);
  });

  it('the MAC covers every slot field, the generation and the counter', async () => {
    const { keys, dek } = await createKeyFile('ana', 'pw', TEST_KDF);
    expect(verifyKeyFile(keys, dek, 'keys.json')).toBe('authenticated');
    const slot = keys.slots[0];
    if (!slot) throw new Error('no slot');
    const edits: Array<(k: typeof keys) => typeof keys> = [
      (k) => ({ ...k, generation: k.generation + 1 }),
      (k) => ({ ...k, counter: (k.counter ?? 0) + 5 }),
      (k) => ({ ...k, slots: [{ ...slot, id: 'otra' }, ...k.slots.slice(1)] }),
      (k) => ({ ...k, slots: [{ ...slot, kind: 'recovery' as const }, ...k.slots.slice(1)] }),
      (k) => ({ ...k, slots: [{ ...slot, kdf: { ...slot.kdf, N: slot.kdf.N * 2 } }, ...k.slots.slice(1)] }),
      (k) => ({ ...k, slots: [{ ...slot, publicKey: `${slot.publicKey.slice(0, -2)}AA` }, ...k.slots.slice(1)] }),
      (k) => ({ ...k, slots: k.slots.slice(1) }),
    ];
    for (const edit of edits) expect(() => verifyKeyFile(edit(keys), dek, 'keys.json')).toThrow(/«keys\.json» fue modificado fuera de Valija/);
    // and only the DEK makes it: another key cannot vouch for the same file
    expect(() => verifyKeyFile(keys, randomBytes(32), 'keys.json')).toThrow(/fue modificado/);
    expect(verifyKeyFile(authenticateKeyFile(keys, dek, 7), dek, 'keys.json')).toBe('authenticated');
  });
});
