// Bundles the Electron main process (ESM) and the preload script (CommonJS:
// a sandboxed preload cannot load ES modules nor require our own files).
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  // Split, so react-pdf (imported on demand: documents/render-on-demand) stays
  // out of main.js and the main process loads it only if it renders itself.
  build({
    ...common,
    entryPoints: { main: 'electron/main/index.ts' },
    outdir: 'dist/electron',
    splitting: true,
    chunkNames: 'main-[name]-[hash]',
    format: 'esm',
    packages: 'external',
    external: ['electron'],
  }),
  // Paper forms are laid out on a worker thread (documents/render-pool), found beside main.js.
  build({
    ...common,
    entryPoints: ['electron/services/documents/render-worker.ts'],
    outfile: 'dist/electron/render-worker.js',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
// The PDF fonts are looked up beside the module that registers them; once
// bundled, that module is dist/electron/main.js.
cpSync('electron/services/documents/fonts', 'dist/electron/fonts', { recursive: true });
console.log('Electron: dist/electron/main.js, render-worker.js y preload.cjs listos.');
