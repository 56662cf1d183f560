import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from '../electron/main/csp';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The built page carries the same CSP as the app:// protocol's header, from
 * the one definition in electron/main/csp.ts. In development Electron sets the
 * looser development policy as a header instead (Vite injects inline scripts).
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'valija-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => {
      // frame-ancestors only works as a header; in a meta tag Chromium ignores it and complains.
      const policy = contentSecurityPolicy('production')
        .split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; ');
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    },
  };
}

// The renderer is served from app://valija/ in Electron and from the harness
// in tests; relative asset paths work under both.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
