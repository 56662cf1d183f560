import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { JobRunner } from './job-runner';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('JobRunner', () => {
  it('reports progress and keeps the result', async () => {
    const jobs = new JobRunner();
    let release: () => void = () => undefined;
    const job = jobs.start('media.export', { owner: 'u1', running: 'Exportando:', done: 'Exportación lista.' }, async ({ progress }) => {
      progress(1, 4);
      await new Promise<void>((resolve) => (release = resolve));
      return { path: '/unidad/expediente' };
    });
    await settle();
    expect(jobs.get(job.id, 'u1')).toMatchObject({ state: 'running', done: 1, total: 4, message: 'Exportando: 1 de 4.' });
    expect(() => jobs.start('media.export', { owner: 'u1', running: '', done: '' }, async () => undefined)).toThrow(/ya está en curso/);
    release();
    await settle();
    expect(jobs.get(job.id, 'u1')).toMatchObject({ state: 'done', message: 'Exportación lista.', result: { path: '/unidad/expediente' } });
  });

  it('hands a one-time result over once', async () => {
    const jobs = new JobRunner();
    const job = jobs.start('media.load', { owner: 'u1', running: 'Grabando:', done: 'Listo.', resultOnce: true }, async () => ({ passphrase: 'ABCDE-FGHJK' }));
    await settle();
    expect(jobs.get(job.id, 'u1').result).toEqual({ passphrase: 'ABCDE-FGHJK' });
    expect(jobs.get(job.id, 'u1')).toMatchObject({ state: 'done', result: null });
  });

  it('cancels a cancellable job through its signal, and refuses to cancel one that is not', async () => {
    const jobs = new JobRunner();
    const job = jobs.start('media.load', { owner: 'u1', running: 'Grabando:', done: 'Listo.', cancellable: true }, ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('abort')))));
    jobs.cancel(job.id, 'u1');
    await settle();
    expect(jobs.get(job.id, 'u1')).toMatchObject({ state: 'cancelled' });
    const fixed = jobs.start('vault.rotate_key', { owner: 'u1', running: 'Cifrando:', done: 'Listo.' }, async () => {
      throw new AppError('VALIDATION', 'No se pudo.');
    });
    expect(() => jobs.cancel(fixed.id, 'u1')).toThrow(/no puede cancelarse/);
    await settle();
    expect(jobs.get(fixed.id, 'u1')).toMatchObject({ state: 'failed', message: 'No se pudo.' });
  });

  it('a task belongs to whoever started it: another user (or nobody) cannot read its result or cancel it', async () => {
    const jobs = new JobRunner();
    const job = jobs.start('media.load', { owner: 'u1', running: 'Grabando:', done: 'Listo.', cancellable: true, resultOnce: true }, async () => ({ passphrase: 'ABCDE-FGHJK' }));
    await settle();
    for (const other of ['u2', null]) {
      expect(() => jobs.get(job.id, other)).toThrow(/La tarea solicitada no existe/);
      expect(() => jobs.cancel(job.id, other)).toThrow(/La tarea solicitada no existe/);
    }
    // the owner still gets the one-time result: the others' attempts did not consume it
    expect(jobs.get(job.id, 'u1').result).toEqual({ passphrase: 'ABCDE-FGHJK' });
  });
});
