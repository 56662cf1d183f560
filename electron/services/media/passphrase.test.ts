import { describe, expect, it } from 'vitest';
import { generatePassphrase, normalizePassphrase, PASSPHRASE_ALPHABET, passphraseEntropyBits } from './passphrase';

describe('passphrases', () => {
  it('are six groups of five from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i += 1) {
      const p = generatePassphrase();
      expect(p).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUXYZ]{5}(-[23456789ABCDEFGHJKMNPQRSTUXYZ]{5}){5}$/);
    }
    for (const confusing of ['0', 'O', '1', 'I', 'L', 'V', 'W']) expect(PASSPHRASE_ALPHABET).not.toContain(confusing);
  });

  it('carry at least 120 bits', () => {
    expect(passphraseEntropyBits()).toBeGreaterThanOrEqual(120);
  });

  it('do not repeat and use the whole alphabet', () => {
    const many = Array.from({ length: 500 }, generatePassphrase);
    expect(new Set(many).size).toBe(many.length);
    const seen = new Set(many.join('').replace(/-/g, ''));
    expect(seen.size).toBe(PASSPHRASE_ALPHABET.length);
  });

  it('accept what a person types: lower case, spaces, no dashes', () => {
    const p = generatePassphrase();
    expect(normalizePassphrase(p.toLowerCase().replace(/-/g, ' '))).toBe(p);
    expect(normalizePassphrase(p.replace(/-/g, ''))).toBe(p);
    expect(normalizePassphrase(`${p}X`)).toBeNull();
    expect(normalizePassphrase(p.replace(/^./, 'O'))).toBeNull();
  });
});
