import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveDataDir, userDataDir, VAULT_FOLDER } from '../../electron/main/data-dir';
import { startHarness } from './server';

/**
 * `npm run harness -- [--data-dir ./mi-boveda] [--port 8123]`
 * Starts the browser harness and prints the URL to open in Chromium.
 */
function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

// Without --data-dir: the same folder the Electron app uses (never a folder inside the repository).
const dataDir = resolveDataDir(process.argv.slice(2), process.env, path.join(userDataDir(process.platform, process.env, os.homedir()), VAULT_FOLDER));
const port = Number(flag('port') ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Puerto no válido: ${flag('port')}`);
  process.exit(2);
}
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const harness = await startHarness({ dataDir, port, version });
// The first line is machine-readable: the e2e fixtures read it.
console.log(`VALIJA_HARNESS_URL=${harness.url}`);
console.log(`Arnés de Valija listo. Carpeta de datos: ${dataDir}`);
console.log(`Abra en Chromium: ${harness.url}`);
console.log('Ctrl+C para detenerlo.');

const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
