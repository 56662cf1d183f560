import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Electron fixes security bugs in its newest three majors only. When this
 * test was written (December 2026) those were 45, 44 and 43; a package.json
 * that drifts below them fails the suite until someone upgrades. The list
 * only ever grows when it is edited by hand: the test never asks the network.
 */
const SUPPORTED_MAJORS_WHEN_WRITTEN = [45, 44, 43];

function majorOf(range: string): number {
  const match = /^[\^~>=\s]*(\d+)\./.exec(range);
  if (!match) throw new Error(`Unreadable Electron version range: ${range}`);
  return Number(match[1]);
}

describe('Electron version', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };

  it('package.json pins a supported major', () => {
    const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
    expect(range).toBeDefined();
    expect(majorOf(range as string)).toBeGreaterThanOrEqual(Math.min(...SUPPORTED_MAJORS_WHEN_WRITTEN));
  });

  it('package-lock.json resolves the same supported major', () => {
    const locked = lock.packages['node_modules/electron']?.version;
    expect(locked).toBeDefined();
    expect(majorOf(locked as string)).toBeGreaterThanOrEqual(Math.min(...SUPPORTED_MAJORS_WHEN_WRITTEN));
    expect(majorOf(locked as string)).toBe(majorOf(pkg.devDependencies?.electron ?? ''));
  });

  it('reads majors the way npm writes ranges (so the checks above mean something)', () => {
    expect(majorOf('^40.10.2')).toBe(40);
    expect(majorOf('~45.5.0')).toBe(45);
    expect(majorOf('45.5.0')).toBe(45);
  });
});
