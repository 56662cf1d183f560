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

/**
 * Parameters come from keys.json, which anyone can edit: bound them so a
 * tampered file cannot make us allocate gigabytes or spin for minutes.
 */
export function checkScryptParams(params: ScryptParams, file: string): ScryptParams {
  const { N, r, p, keylen } = params;
  const powerOfTwo = Number.isInteger(N) && N >= 2 ** 8 && N <= 2 ** 22 && (N & (N - 1)) === 0;
  const ok = powerOfTwo && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16 && keylen === 32;
  if (!ok) throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(file));
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
