import { describe, expect, it } from 'vitest';
import { debugSwitchesIn, dropTestOnlyEnv, refusedSwitchesMessage } from './hardening';

describe('packaged hardening', () => {
  it('finds the debugging switches, with or without a value, and leaves ordinary ones alone', () => {
    expect(debugSwitchesIn(['/opt/Valija/valija', '--remote-debugging-port=9222', '--inspect', '--INSPECT-BRK=0', '--no-sandbox-like'])).toEqual(['--remote-debugging-port', '--inspect', '--INSPECT-BRK']);
    expect(debugSwitchesIn(['/opt/Valija/valija', '--js-flags=--allow-natives-syntax'])).toEqual(['--js-flags']);
    expect(debugSwitchesIn(['/opt/Valija/valija', 'C:\\datos'])).toEqual([]);
    expect(refusedSwitchesMessage(['--inspect'])).toMatch(/^Valija no se abre con opciones de depuración \(--inspect\)/);
  });

  it('ignores the test-only variables (fake drives, another data folder) only in a packaged build', () => {
    const dev: NodeJS.ProcessEnv = { VALIJA_TEST_DRIVES: '/tmp/usb', VALIJA_DATA_DIR: '/tmp/v', PATH: '/usr/bin' };
    expect(dropTestOnlyEnv(dev, false)).toEqual([]);
    expect(dev.VALIJA_TEST_DRIVES).toBe('/tmp/usb');
    const packaged: NodeJS.ProcessEnv = { VALIJA_TEST_DRIVES: '/tmp/usb', VALIJA_DATA_DIR: '/tmp/v', PATH: '/usr/bin' };
    expect(dropTestOnlyEnv(packaged, true)).toEqual(['VALIJA_TEST_DRIVES', 'VALIJA_DATA_DIR']);
    expect(packaged).toEqual({ PATH: '/usr/bin' });
  });
});
