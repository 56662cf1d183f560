import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc/contract';
import { createHandlers, createServices } from '../app-services';
import { dispatch } from './dispatch';

const services = createServices({ dataDir: '/tmp/valija-test', version: '1.2.3', shell: 'harness' });
const handlers = createHandlers(services);
const silent = { error: vi.fn() };

describe('dispatch', () => {
  it('runs the handler of a known channel and wraps its value', async () => {
    const result = await dispatch(handlers, 'app.info', {});
    expect(result).toEqual({ ok: true, value: { productName: 'Valija', version: '1.2.3', shell: 'harness', dataDir: '/tmp/valija-test' } });
  });

  it('refuses invalid input with VALIDATION and a Spanish message naming the problem', async () => {
    const result = await dispatch(handlers, 'app.info', { intruso: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^Los datos enviados no son válidos/);
    expect(result.error.message).toContain('Llave desconocida: "intruso"');
  });

  it('refuses input of the wrong type before the handler runs', async () => {
    const spy = vi.fn();
    const spied: Handlers = { ...handlers, 'app.info': spy };
    const result = await dispatch(spied, 'app.info', 'texto');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a channel outside the contract', async () => {
    const result = await dispatch(handlers, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'La aplicación pidió una operación que no existe.' } });
  });

  it('passes an AppError through with its code and message', async () => {
    const failing: Handlers = {
      ...handlers,
      'app.info': () => {
        throw new AppError('FORBIDDEN', 'Sólo un administrador puede hacer esto.');
      },
    };
    expect(await dispatch(failing, 'app.info', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Sólo un administrador puede hacer esto.' } });
  });

  it('hides unexpected errors behind INTERNAL and logs the detail', async () => {
    const failing: Handlers = {
      ...handlers,
      'app.info': () => {
        throw new Error('ENOENT /secret/path');
      },
    };
    const result = await dispatch(failing, 'app.info', {}, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(silent.error).toHaveBeenCalled();
  });
});
