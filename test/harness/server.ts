import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { resolveAssetPath } from '../../electron/main/asset-path';
import { contentSecurityPolicy } from '../../electron/main/csp';
import { createHandlers, createServices } from '../../electron/services/app-services';
import { configureRenderWorker, renderFormInWorker } from '../../electron/services/documents/render-pool';
import { dispatch } from '../../electron/services/ipc/dispatch';

/**
 * The browser harness: the same services and handler table as Electron's main
 * process, served on 127.0.0.1 to a normal browser, with a `window.api` shim
 * that posts each call here. It exists so the real UI can be driven end to end
 * on machines without an Electron binary. It is test tooling: never packaged.
 *
 * Every request must carry the random token: in the first page's URL
 * (`?token=`), then in a SameSite=Strict cookie for static files, and in the
 * `x-valija-token` header for API calls (which a cookie alone never opens).
 */
export interface HarnessOptions {
  dataDir: string;
  rendererDir?: string;
  port?: number;
  version?: string;
  token?: string;
}

export interface Harness {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-valija-token';
const TOKEN_COOKIE = 'valija_harness';
const API_PREFIX = '/__api/';
const SHIM_PATH = '/__harness/shim.js';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

function shimSource(token: string): string {
  return `// Valija browser harness: stands in for Electron's preload.
window.api = Object.freeze({
  async invoke(channel, input) {
    try {
      const response = await fetch(${JSON.stringify(API_PREFIX)} + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: ${JSON.stringify(token)} },
        body: JSON.stringify(input === undefined ? null : input),
      });
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: 'No hay conexión con el arnés de pruebas de Valija.' } };
    }
  },
});
`;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: http.OutgoingHttpHeaders = {}) {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  response.end(body);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir ?? 'dist/renderer');
  // Forms are laid out on the same worker thread as in the app, once it is built.
  const worker = path.resolve('dist/electron/render-worker.js');
  if (existsSync(worker)) configureRenderWorker({ workerUrl: pathToFileURL(worker) });
  const services = createServices({ dataDir: path.resolve(options.dataDir), version: options.version ?? '0.0.0', shell: 'harness', ...(existsSync(worker) ? { renderForm: renderFormInWorker } : {}) });
  const handlers = createHandlers(services);
  const csp = contentSecurityPolicy('production');
  let expectedHost = '';

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', `http://${expectedHost}`);
      // DNS-rebinding guard: only our own loopback address and port.
      if (request.headers.host !== expectedHost) return send(response, 403, 'text/plain; charset=utf-8', 'Host no permitido.');

      if (url.pathname.startsWith(API_PREFIX)) {
        if (request.method !== 'POST' || !sameToken(request.headers[TOKEN_HEADER] as string | undefined, token)) {
          return send(response, 403, 'application/json', JSON.stringify({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Solicitud sin la clave del arnés.' } }));
        }
        let input: unknown;
        try {
          input = JSON.parse(await readBody(request));
        } catch {
          return send(response, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'El cuerpo de la solicitud no es JSON válido.' } }));
        }
        const channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
        const result = await dispatch(handlers, channel, input);
        return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      }

      const fromQuery = url.searchParams.get('token');
      const authorised = sameToken(fromQuery, token) || sameToken(cookieToken(request.headers.cookie), token);
      if (!authorised) return send(response, 403, 'text/plain; charset=utf-8', 'Acceso denegado: falta la clave del arnés de pruebas.');
      const cookie = fromQuery ? { 'set-cookie': `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict` } : {};

      if (url.pathname === SHIM_PATH) return send(response, 200, CONTENT_TYPES['.js'] as string, shimSource(token));

      const file = resolveAssetPath(rendererDir, url.toString());
      if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'No encontrado.');
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return send(response, 404, 'text/plain; charset=utf-8', 'No encontrado.');
      }
      const ext = path.extname(file);
      if (ext === '.html') {
        // The shim must run before the app's module script.
        const html = body.toString('utf8').replace('<script', `<script src="${SHIM_PATH}"></script>\n    <script`);
        return send(response, 200, CONTENT_TYPES['.html'] as string, html, { 'content-security-policy': csp, ...cookie });
      }
      return send(response, 200, CONTENT_TYPES[ext] ?? 'application/octet-stream', body, cookie);
    })().catch((error: unknown) => {
      console.error('Error del arnés', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Error interno del arnés.');
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  const origin = `http://${expectedHost}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await services.session.close();
    },
  };
}
