import path from 'node:path';

/**
 * Where the vault lives: `--data-dir=PATH` (or `--data-dir PATH`) wins, then
 * the VALIJA_DATA_DIR environment variable, then the app's user-data folder.
 * Tests and portable installs use the first two.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1] as string);
  }
  if (env.VALIJA_DATA_DIR) return path.resolve(env.VALIJA_DATA_DIR);
  return fallback;
}
