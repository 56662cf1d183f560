import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createHandlers, createServices } from '../app-services';
import { dispatch } from './dispatch';
import type { HandlerTable } from './handler-table';

const services = createServices({ dataDir: '/tmp/valija-test', version: '1.2.3', shell: 'harness' });
const table = createHandlers(services);
const withAppInfo = (appInfo: HandlerTable['handlers']['app.info']): HandlerTable => ({ ...table, handlers: { ...table.handlers, 'app.info': appInfo } });
const silent = { error: vi.fn() };

describe('dispatch', () => {
  it('runs the handler of a known channel and wraps its value', async () => {
    const result = await dispatch(table, 'app.info', {});
    expect(result).toEqual({ ok: true, value: { productName: 'Valija', version: '1.2.3', shell: 'harness', dataDir: '/tmp/valija-test' } });
  });

  it('refuses invalid input with VALIDATION and a Spanish message naming the problem', async () => {
    const result = await dispatch(table, 'app.info', { intruso: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^Los datos enviados no son válidos/);
    expect(result.error.message).toContain('Llave desconocida: "intruso"');
  });

  it('refuses input of the wrong type before the handler runs', async () => {
    const spy = vi.fn();
    const spied = withAppInfo(spy);
    const result = await dispatch(spied, 'app.info', 'texto');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a channel outside the contract', async () => {
    const result = await dispatch(table, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'La aplicación pidió una operación que no existe.' } });
  });

  it('passes an AppError through with its code and message', async () => {
    const failing = withAppInfo(() => {
      throw new AppError('FORBIDDEN', 'Sólo un administrador puede hacer esto.');
    });
    expect(await dispatch(failing, 'app.info', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Sólo un administrador puede hacer esto.' } });
  });

  it('hides unexpected errors behind INTERNAL and logs the detail', async () => {
    const failing = withAppInfo(() => {
      throw new Error('ENOENT /secret/path');
    });
    const result = await dispatch(failing, 'app.info', {}, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(silent.error).toHaveBeenCalled();
  });
});
