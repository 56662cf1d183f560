// `npm run dev`: Vite dev server with hot reload, and Electron pointed at it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const url = 'http://127.0.0.1:5173';
const children = [];
const stopAll = () => children.forEach((child) => child.kill());
process.on('SIGINT', stopAll);

let binary;
try {
  binary = createRequire(import.meta.url)('electron');
} catch {
  console.error('No hay ejecutable de Electron instalado. Use `npm run harness` para abrir la interfaz en Chromium.');
  process.exit(1);
}

children.push(spawn('npx', ['vite', '--config', 'renderer/vite.config.ts'], { stdio: 'inherit' }));
const build = spawn(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
build.on('exit', (code) => {
  if (code !== 0) return stopAll();
  const electron = spawn(binary, ['dist/electron/main.js', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, VITE_DEV_SERVER_URL: url },
  });
  children.push(electron);
  electron.on('exit', () => {
    stopAll();
    process.exit(0);
  });
});
