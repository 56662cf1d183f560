import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

// electron-builder cannot run here (it downloads Electron and its tools), so
// we check our configuration with its own schema validator instead.
describe('electron-builder.yml', async () => {
  const { load } = await import('js-yaml');
  const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('passes electron-builder\'s own schema validation', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const logger = { isEnabled: false, add: () => undefined } as never;
    await expect(validateConfiguration(config as never, logger)).resolves.toBeUndefined();
  });

  it('the validator really rejects a misspelt option (so the check above means something)', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const logger = { isEnabled: false, add: () => undefined } as never;
    await expect(validateConfiguration({ ...config, nsis: { oneClik: false } } as never, logger)).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds Valija as AppImage + deb and a per-machine NSIS installer with a choice of folder', () => {
    expect(config.productName).toBe('Valija');
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], maintainer: expect.stringContaining('@') });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true, allowToChangeInstallationDirectory: true });
    expect(readFileSync(path.join(root, 'build/icon.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('flips every Electron fuse that would let someone at the workstation run code inside the process holding the data key', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
  });

  it('the schema knows every fuse we set (a misspelt fuse would be silently ignored otherwise)', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const logger = { isEnabled: false, add: () => undefined } as never;
    const fuses = config.electronFuses as Record<string, boolean>;
    await expect(validateConfiguration({ ...config, electronFuses: { ...fuses, runAsNod: false } } as never, logger)).rejects.toThrow(/Invalid configuration object/);
  });

  it('packs the built app, whose entry point is the one package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(config.files).toContain('dist/electron/**/*');
  });
});
