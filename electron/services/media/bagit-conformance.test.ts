import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyBag } from './bagit-verifier';

/**
 * The Library of Congress BagIt conformance suite, one test per bag.
 * valid/ must pass, invalid/ must fail, warning/ must pass with a warning.
 * linux-only/ and windows-only/ hold bags whose paths escape the bag on one
 * operating system (absolute paths, ~, C:\, UNC); Valija refuses them on every
 * system, so both folders are expected to fail here.
 *
 * The bags are vendored, unmodified, under test/fixtures/bagit-conformance/
 * (public domain; see its README.md and LICENSE.md). None of them needs an
 * empty directory, which git could not keep.
 */
const SUITE = process.env.VALIJA_BAGIT_SUITE ?? fileURLToPath(new URL('../../../test/fixtures/bagit-conformance/', import.meta.url));

type Expectation = 'valid' | 'invalid' | 'warning';
const CATEGORIES: Record<string, Expectation> = {
  valid: 'valid',
  invalid: 'invalid',
  warning: 'warning',
  'linux-only': 'invalid',
  'windows-only': 'invalid',
};

function bags(): Array<{ name: string; dir: string; expected: Expectation }> {
  const found: Array<{ name: string; dir: string; expected: Expectation }> = [];
  for (const version of readdirSync(SUITE).filter((v) => /^v\d/.test(v)).sort()) {
    for (const [category, expected] of Object.entries(CATEGORIES)) {
      const folder = path.join(SUITE, version, category);
      if (!existsSync(folder)) continue;
      for (const bag of readdirSync(folder).sort()) found.push({ name: `${version}/${category}/${bag}`, dir: path.join(folder, bag), expected });
    }
  }
  return found;
}

describe('BagIt conformance suite', () => {
  it('is where the tests expect it (set VALIJA_BAGIT_SUITE to move it)', () => {
    expect(existsSync(SUITE), `no conformance suite at ${SUITE}`).toBe(true);
  });

  const all = existsSync(SUITE) ? bags() : [];

  it('has bags of every kind', () => {
    expect(all.filter((b) => b.expected === 'valid').length).toBeGreaterThanOrEqual(10);
    expect(all.filter((b) => b.expected === 'invalid').length).toBeGreaterThanOrEqual(10);
    expect(all.filter((b) => b.expected === 'warning').length).toBeGreaterThanOrEqual(5);
  });

  for (const bag of all) {
    it(`${bag.name} is ${bag.expected}`, async () => {
      const result = await verifyBag(bag.dir);
      const summary = JSON.stringify({ errors: result.errors, warnings: result.warnings }, null, 1);
      if (bag.expected === 'invalid') {
        expect(result.valid, summary).toBe(false);
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(e.message).toMatch(/[a-záéíóúñ]/);
      } else {
        expect(result.valid, summary).toBe(true);
        expect(result.errors).toEqual([]);
        if (bag.expected === 'warning') expect(result.warnings.length, summary).toBeGreaterThan(0);
      }
    });
  }
});
