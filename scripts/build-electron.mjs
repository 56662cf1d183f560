// Bundles the Electron main process (ESM) and the preload script (CommonJS:
// a sandboxed preload cannot load ES modules nor require our own files).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.js',
    format: 'esm',
    packages: 'external',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
console.log('Electron: dist/electron/main.js y dist/electron/preload.cjs listos.');
