import path from 'node:path';

/**
 * Where the vault lives: `--data-dir=PATH` (or `--data-dir PATH`) wins, then
 * the VALIJA_DATA_DIR environment variable, then the app's user-data folder.
 * Tests and development use the first two; a packaged build ignores both, so
 * a shortcut edited by someone at the workstation cannot point Valija at a
 * vault folder of their making.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string, packaged = false): string {
  if (packaged) return fallback;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1] as string);
  }
  if (env.VALIJA_DATA_DIR) return path.resolve(env.VALIJA_DATA_DIR);
  return fallback;
}

/**
 * The folder Electron's `app.getPath('userData')` names for Valija (its
 * product name), worked out without Electron: the browser harness that
 * `npm start` falls back to must use the same vault as the app would, not a
 * folder inside the repository.
 */
export function userDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string, productName = 'Valija'): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', productName);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), productName);
}

/** The vault's folder inside the user-data folder. */
export const VAULT_FOLDER = 'boveda';
