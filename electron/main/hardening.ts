/**
 * What a packaged Valija refuses or ignores, as plain functions so they are
 * tested without Electron. Fuses (electron-builder.yml) already stop
 * ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect inside the binary; the
 * Chromium switches below are not covered by any fuse, so main refuses them.
 */

/** Switches that open a debugger or a remote-control port into the process that holds the data key. */
const DEBUG_SWITCHES = [
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--inspect-publish-uid',
  '--debug',
  '--debug-brk',
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--remote-allow-origins',
  '--js-flags',
];

export function debugSwitchesIn(argv: readonly string[]): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    const name = arg.split('=')[0] ?? '';
    if (DEBUG_SWITCHES.includes(name.toLowerCase())) found.push(name);
  }
  return found;
}

export function refusedSwitchesMessage(found: readonly string[]): string {
  return `Valija no se abre con opciones de depuración (${found.join(', ')}): permitirían leer la bóveda desde fuera del programa. Ábralo desde su acceso directo, sin opciones.`;
}

/** Environment variables for tests and development only; a packaged build must not obey them. */
export const TEST_ONLY_ENV = ['VALIJA_TEST_DRIVES', 'VALIJA_DATA_DIR', 'VITE_DEV_SERVER_URL'] as const;

/** Removes the test-only variables from `env` (in place) when packaged; returns which were present. */
export function dropTestOnlyEnv(env: NodeJS.ProcessEnv, packaged: boolean): string[] {
  if (!packaged) return [];
  const dropped = TEST_ONLY_ENV.filter((name) => env[name] !== undefined);
  for (const name of dropped) delete env[name];
  return dropped;
}
