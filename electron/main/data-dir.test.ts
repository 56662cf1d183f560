import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('data folder', () => {
  it('prefers the flag, then the environment, then the default', () => {
    expect(resolveDataDir(['electron', 'main.js', '--data-dir=/datos/a'], { VALIJA_DATA_DIR: '/datos/b' }, '/def')).toBe(path.resolve('/datos/a'));
    expect(resolveDataDir(['--data-dir', '/datos/c'], {}, '/def')).toBe(path.resolve('/datos/c'));
    expect(resolveDataDir([], { VALIJA_DATA_DIR: '/datos/b' }, '/def')).toBe(path.resolve('/datos/b'));
    expect(resolveDataDir([], {}, '/def')).toBe('/def');
  });
});
