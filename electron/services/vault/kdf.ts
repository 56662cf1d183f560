import { scrypt } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { vaultMessages } from './messages';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/** ~85 ms on the reference 2-core machine (measured): slow for guessing, quick for signing in. */
export const PRODUCTION_KDF: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

/** For tests only: fast, and still exercises the same code path. */
export const TEST_KDF: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keylen: 32 };

/** scrypt needs 128·N·r bytes; an edited keys.json may not ask for more than this (8 times the production cost). */
export const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

/**
 * Parameters come from keys.json, which anyone can edit: bound them so a
 * tampered file cannot make us allocate gigabytes or spin for minutes, nor
 * (the floor) make a slot cheaper to guess than the configured cost. The
 * floor is the production KDF; tests that configure a cheaper one pass it.
 */
export function checkScryptParams(params: ScryptParams, file: string, floor: ScryptParams = PRODUCTION_KDF): ScryptParams {
  const { N, r, p, keylen } = params;
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  const shape = powerOfTwo && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16 && keylen === 32;
  if (!shape || 128 * N * r > MAX_SCRYPT_MEMORY) throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file));
  if (N * r < floor.N * floor.r || N * r * p < floor.N * floor.r * floor.p) throw new AppError('VAULT_TAMPERED', vaultMessages.kdfTooWeak(file));
  return params;
}

/** Same text, same key: a password typed with composed or decomposed accents (á vs a+´) derives the same key. */
export function normalizeSecret(secret: string): string {
  return secret.normalize('NFC');
}

export function deriveKey(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p, keylen } = params;
  const maxmem = 256 * N * r * p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalizeSecret(secret), salt, keylen, { N, r, p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
