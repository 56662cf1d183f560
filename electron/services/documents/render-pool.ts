/**
 * Client of the render worker (render-worker.ts): `renderFormInWorker(name,
 * input)` renders a form on a worker thread and resolves with the PDF, so
 * the main process keeps answering IPC while layout runs.
 *
 * One worker, started on first use and kept (warm fonts and caches make the
 * next form fast); requests queue in it. One is enough: the workstations have
 * two cores and printing is occasional. It is unref'd while idle so it never
 * keeps the process alive, and restarted after a crash.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { currentFontDir } from './font-registry';
import { renderForm, type FormInputs, type FormName } from './forms';
import { sampleApprovalInput, sampleCustodyInput, sampleInventory, sampleReceiptInput } from './forms/form-samples';
import type { RenderReply, RenderRequest, RenderWorkerData } from './render-worker';
import { renderWorkerOptions } from './render-worker-options';

export interface RenderWorkerConfig {
  /** The worker script; by default render-worker.js beside the bundle. */
  workerUrl?: URL;
}

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

let config: RenderWorkerConfig = {};
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * Where the worker script lives: render-worker.js beside this module, which
 * once bundled is dist/electron/main.js, so dist/electron/render-worker.js.
 * Run from TypeScript source there is no such file: Node 20 cannot load a
 * .ts worker through tsx (loader hooks do not reach worker threads), so
 * tests bundle the worker with esbuild and pass its URL to
 * configureRenderWorker.
 */
export function defaultWorkerLocation(moduleUrl: string = import.meta.url): Required<RenderWorkerConfig> {
  return { workerUrl: new URL('./render-worker.js', moduleUrl) };
}

/** Overrides where the worker is loaded from (call before the first render). */
export function configureRenderWorker(next: RenderWorkerConfig): void {
  config = { ...next };
}

function failAll(error: Error): void {
  for (const [id, request] of pending) {
    pending.delete(id);
    request.reject(error);
  }
}

function start(): Worker {
  const workerData: RenderWorkerData = { fontDir: currentFontDir() };
  const w = new Worker(config.workerUrl ?? defaultWorkerLocation().workerUrl, renderWorkerOptions(workerData));
  w.on('message', (reply: RenderReply) => {
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.ok) request.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else request.reject(new AppError(reply.error.code as ErrorCode, reply.error.message));
  });
  w.on('error', (error) => {
    if (worker === w) worker = null;
    failAll(new AppError('INTERNAL', 'El proceso que genera los documentos falló; intente de nuevo.', { cause: error }));
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll(new AppError('INTERNAL', 'El proceso que genera los documentos se detuvo; intente de nuevo.'));
  });
  w.unref();
  return w;
}

/** Renders a form on the worker thread. Errors keep their code and Spanish message. */
export function renderFormInWorker<N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> {
  worker ??= start();
  const w = worker;
  const id = nextId;
  nextId += 1;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    const request: RenderRequest = { id, name, input };
    try {
      w.postMessage(request);
    } catch (error) {
      // Inputs that cannot be cloned (functions, class instances with private state).
      pending.delete(id);
      if (pending.size === 0) w.unref();
      reject(new AppError('VALIDATION', 'Los datos del documento no se pueden enviar al generador de PDF.', { cause: error }));
    }
  });
}

/** The specimen sheets the warm-up renders: every layout path the forms take. */
const WARM_UP_SHEETS: ReadonlyArray<() => Promise<Buffer>> = [
  () => renderFormInWorker('approval', sampleApprovalInput()),
  () => renderFormInWorker('approval', sampleApprovalInput({ channel: 'oficio', inventory: sampleInventory(4), media: null })),
  () => renderFormInWorker('custodyRegister', sampleCustodyInput(3)),
  () => renderFormInWorker('receipt', sampleReceiptInput()),
];

/**
 * Starts the worker and renders specimen sheets, discarding them: the first
 * form of a fresh worker takes seconds (loading react-pdf and the fonts), and
 * the next few are still two to three times slower than the fortieth while
 * V8 compiles the layout code. The app calls this shortly after start, so
 * the clerk's first prints of the day are not the slow ones. One sheet at a
 * time: a print asked for meanwhile waits for one sheet at most. About 1.5 s
 * of one core with the default four rounds. Resolves false, never rejects,
 * when the warm-up fails.
 */
export async function warmRenderWorker(rounds = 4): Promise<boolean> {
  try {
    for (let round = 0; round < rounds; round += 1) for (const sheet of WARM_UP_SHEETS) await sheet();
    return true;
  } catch {
    return false;
  }
}

/** Stops the worker (app shutdown, tests); pending renders fail with INTERNAL. */
export async function closeRenderWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

let workerUnavailable = false;

/**
 * What the app uses: the worker thread, and if it cannot run at all (its
 * script missing or not loadable, e.g. inside a packaged archive) the same
 * rendering in this thread, so printing never stops working. A form's own
 * errors (VALIDATION) are not a reason to fall back.
 */
export async function renderFormOffThread<N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> {
  if (!workerUnavailable) {
    try {
      return await renderFormInWorker(name, input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INTERNAL') throw error;
      workerUnavailable = true;
      console.warn('Valija: el generador de documentos en segundo plano no está disponible; se generan en el proceso principal.', error);
    }
  }
  return renderForm(name, input);
}
