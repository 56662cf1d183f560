// `npm start`: runs the built app in Electron. Where no Electron binary could
// be installed (no internet, ELECTRON_SKIP_BINARY_DOWNLOAD), it says so and
// starts the browser harness instead, so the UI can still be used.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
let binary = null;
try {
  const candidate = createRequire(import.meta.url)('electron');
  if (typeof candidate === 'string' && existsSync(candidate)) binary = candidate;
} catch {
  binary = null;
}

const run = (command, commandArgs) => {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (binary) {
  run(binary, ['dist/electron/main.js', ...args]);
} else {
  console.log('No se encontró el ejecutable de Electron (se instala con `npm ci` cuando hay internet).');
  console.log('Se abre en su lugar el arnés de navegador: la misma interfaz y el mismo núcleo, en Chromium.');
  run(process.execPath, ['--import', 'tsx', 'test/harness/cli.ts', ...args]);
}
