import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, userDataDir } from './data-dir';

describe('data folder', () => {
  it('prefers the flag, then the environment, then the default', () => {
    expect(resolveDataDir(['electron', 'main.js', '--data-dir=/datos/a'], { VALIJA_DATA_DIR: '/datos/b' }, '/def')).toBe(path.resolve('/datos/a'));
    expect(resolveDataDir(['--data-dir', '/datos/c'], {}, '/def')).toBe(path.resolve('/datos/c'));
    expect(resolveDataDir([], { VALIJA_DATA_DIR: '/datos/b' }, '/def')).toBe(path.resolve('/datos/b'));
    expect(resolveDataDir([], {}, '/def')).toBe('/def');
  });

  it('a packaged build ignores the flag and the environment', () => {
    expect(resolveDataDir(['valija', '--data-dir=/datos/a'], { VALIJA_DATA_DIR: '/datos/b' }, '/def', true)).toBe('/def');
  });
});

describe('the user-data folder, as Electron names it', () => {
  it('is ~/.config/Valija on Linux (or under XDG_CONFIG_HOME), %APPDATA%\\Valija on Windows, Application Support on macOS', () => {
    expect(userDataDir('linux', {}, '/home/mlopez')).toBe('/home/mlopez/.config/Valija');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/mlopez')).toBe('/srv/conf/Valija');
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\mlopez\\AppData\\Roaming' }, 'C:\\Users\\mlopez')).toBe('C:\\Users\\mlopez\\AppData\\Roaming\\Valija');
    expect(userDataDir('darwin', {}, '/Users/mlopez')).toBe('/Users/mlopez/Library/Application Support/Valija');
  });
});
