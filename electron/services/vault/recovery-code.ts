import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { vaultMessages } from './messages';

/** No 0/O, 1/I/L: the code is read from paper and typed by hand. */
export const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 8;
const GROUP_LENGTH = 4;
export const RECOVERY_LENGTH = GROUPS * GROUP_LENGTH;
/** 32 symbols of 31 → about 158 bits, well above the 120-bit floor. */
export const RECOVERY_BITS = RECOVERY_LENGTH * Math.log2(RECOVERY_ALPHABET.length);

/** e.g. "7KQ2-M9XD-…" (8 groups of 4), uniformly random (randomInt rejects bias). */
export function generateRecoveryCode(): string {
  const chars: string[] = [];
  for (let i = 0; i < RECOVERY_LENGTH; i += 1) chars.push(RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)] ?? '');
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) groups.push(chars.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** Accepts what people type: any case, spaces, dashes, dots. Returns the canonical 32 characters. */
export function normalizeRecoveryCode(input: string): string {
  const compact = input.normalize('NFKC').toUpperCase().replace(/[\s\-_.·]/g, '');
  if (compact.length !== RECOVERY_LENGTH || [...compact].some((c) => !RECOVERY_ALPHABET.includes(c))) {
    throw new AppError('WRONG_RECOVERY_CODE', vaultMessages.recoveryFormat(RECOVERY_LENGTH));
  }
  return compact;
}
