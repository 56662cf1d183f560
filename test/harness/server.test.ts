import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './server';

let harness: Harness;
const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'valija-renderer-'));

beforeAll(async () => {
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head></html>');
  writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)');
  harness = await startHarness({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'valija-data-')), rendererDir, version: '1.0.0' });
});
afterAll(() => harness.close());

const api = (token?: string) =>
  fetch(`${harness.origin}/__api/app.info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-valija-token': token } : {}) },
    body: '{}',
  });

describe('browser harness', () => {
  it('listens on loopback only', () => {
    expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a page, a file or an API call without the token', async () => {
    expect((await fetch(`${harness.origin}/`)).status).toBe(403);
    expect((await fetch(`${harness.origin}/assets/app.js`)).status).toBe(403);
    expect((await fetch(`${harness.origin}/?token=wrong`)).status).toBe(403);
    expect((await api()).status).toBe(403);
    expect((await api('wrong')).status).toBe(403);
  });

  it('refuses an API call that carries only the cookie (no CSRF through the browser)', async () => {
    const page = await fetch(harness.url);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(`${harness.origin}/__api/app.info`, { method: 'POST', headers: { cookie }, body: '{}' });
    expect(response.status).toBe(403);
  });

  it('serves the page with the shim first and the CSP header when the token is right', async () => {
    const response = await fetch(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html.indexOf('/__harness/shim.js')).toBeLessThan(html.indexOf('./assets/app.js'));
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${harness.origin}/assets/app.js`, { headers: { cookie } })).status).toBe(200);
  });

  it('answers API calls with the same dispatcher as Electron', async () => {
    const response = await api(harness.token);
    expect(await response.json()).toMatchObject({ ok: true, value: { productName: 'Valija', shell: 'harness' } });
    const unknown = await fetch(`${harness.origin}/__api/nope`, { method: 'POST', headers: { 'x-valija-token': harness.token }, body: '{}' });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const url = new URL(harness.url);
      http.get({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(403);
  });
});
