import { randomInt } from 'node:crypto';

/**
 * Passphrases a clerk can read aloud over the phone and type without
 * mistakes: `7KMX3-QHD9R-…`, six groups of five.
 *
 * The alphabet leaves out what gets confused on paper or aloud in Spanish:
 * 0/O, 1/I/L (required), V (sounds like B: «ve» / «be»), W («doble ve» /
 * «doble u»). 29 symbols × 30 characters ≈ 145.7 bits of entropy, far above
 * the 120-bit floor, from the operating system's CSPRNG.
 */
export const PASSPHRASE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUXYZ';
export const PASSPHRASE_GROUPS = 6;
export const PASSPHRASE_GROUP_LENGTH = 5;

export function passphraseEntropyBits(): number {
  return PASSPHRASE_GROUPS * PASSPHRASE_GROUP_LENGTH * Math.log2(PASSPHRASE_ALPHABET.length);
}

export function generatePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < PASSPHRASE_GROUPS; g += 1) {
    let group = '';
    // randomInt draws without modulo bias.
    for (let i = 0; i < PASSPHRASE_GROUP_LENGTH; i += 1) group += PASSPHRASE_ALPHABET[randomInt(PASSPHRASE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * What the person typed, in the exact form the file was encrypted with:
 * upper case, groups joined by `-`, spaces and stray separators ignored.
 * Returns null when it cannot be one of our passphrases (wrong length or a
 * letter we never use), so the screen can say so before trying to decrypt.
 */
export function normalizePassphrase(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  const expected = PASSPHRASE_GROUPS * PASSPHRASE_GROUP_LENGTH;
  if (compact.length !== expected) return null;
  for (const c of compact) if (!PASSPHRASE_ALPHABET.includes(c)) return null;
  const groups: string[] = [];
  for (let i = 0; i < compact.length; i += PASSPHRASE_GROUP_LENGTH) groups.push(compact.slice(i, i + PASSPHRASE_GROUP_LENGTH));
  return groups.join('-');
}
