/**
 * Several render workers at once, for bulk work (records export renders two
 * forms per shipment). documents/render-pool keeps ONE worker for the
 * occasional print; an export of a month is a hundred forms or more, and on
 * the office's two-core workstations two workers halve the wait.
 *
 * Same worker script and protocol as render-pool (documents/render-worker.ts,
 * bundled beside main.js as render-worker.js). Requests go to the worker with
 * the fewest pending; workers are unref'd while idle and ended by close().
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { currentFontDir } from '../documents/font-registry';
import type { FormInputs, FormName } from '../documents/forms';
import type { RenderReply, RenderRequest, RenderWorkerData } from '../documents/render-worker';
import { renderWorkerOptions } from '../documents/render-worker-options';
import type { FormRenderer } from './shipment-form-inputs';

export interface FormRenderWorkers {
  render: FormRenderer;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker | null;
  pending: Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>;
}

export function createFormRenderWorkers(options: { workerUrl: URL; size?: number }): FormRenderWorkers {
  const size = Math.max(1, options.size ?? Math.min(4, os.availableParallelism()));
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, pending: new Map() }));
  let nextId = 1;

  const start = (slot: Slot): Worker => {
    const workerData: RenderWorkerData = { fontDir: currentFontDir() };
    const w = new Worker(options.workerUrl, renderWorkerOptions(workerData));
    const failAll = (error: Error): void => {
      if (slot.worker === w) slot.worker = null;
      for (const [id, p] of slot.pending) {
        slot.pending.delete(id);
        p.reject(error);
      }
    };
    w.on('message', (reply: RenderReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) w.unref();
      if (reply.ok) p.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else p.reject(new AppError(reply.error.code as ErrorCode, reply.error.message));
    });
    w.on('error', (error) => failAll(new AppError('INTERNAL', 'El proceso que genera los documentos falló; intente de nuevo.', { cause: error })));
    w.on('exit', () => failAll(new AppError('INTERNAL', 'El proceso que genera los documentos se detuvo; intente de nuevo.')));
    w.unref();
    return w;
  };

  const render = <N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> => {
    const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    slot.worker ??= start(slot);
    const worker = slot.worker;
    const id = nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      worker.ref();
      const request: RenderRequest = { id, name, input };
      worker.postMessage(request);
    });
  };

  return {
    render: render as FormRenderer,
    async close() {
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          slot.worker = null;
          if (w) await w.terminate();
        }),
      );
    },
  };
}
