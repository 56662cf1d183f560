/**
 * Client of the render worker (render-worker.ts): `renderFormInWorker(name,
 * input)` renders a form on a worker thread and resolves with the PDF, so
 * the main process keeps answering IPC while layout runs.
 *
 * One worker, started on first use and kept (loaded fonts and compiled code
 * make the next form fast); requests queue in it. One is enough: the
 * workstations have two cores and printing is occasional. It is unref'd
 * while idle so it never keeps the process alive.
 *
 * What goes wrong, and what happens then:
 * - a form that fails to render comes back as that print's error (its code
 *   and Spanish message); the worker goes on with the next one;
 * - a worker that dies after it started (a crash, out of memory) is started
 *   again and the requests it held are sent once more; a request that has
 *   seen two workers die fails with INTERNAL;
 * - a worker that cannot start at all (its script missing or not loadable)
 *   is the one case `renderFormOffThread` renders in this thread instead,
 *   and it says so in the log.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { FormInputs, FormName } from './forms';
import { renderForm } from './render-on-demand';
import { sampleApprovalInput, sampleCustodyInput, sampleInventory, sampleReceiptInput } from './forms/form-samples';
import type { RenderReply, RenderRequest, WorkerMessage } from './render-worker';

interface Pending {
  request: RenderRequest;
  /** Workers that died holding this request. */
  crashes: number;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

/** A worker and whether it said it was ready (its modules loaded). */
interface Running {
  worker: Worker;
  ready: boolean;
  /** Resolves when the worker says its modules are loaded. */
  loaded: Promise<void>;
}

/**
 * Laying out a form allocates a great many short-lived objects (styles,
 * yoga nodes, glyph runs). Two settings nearly halve a warm render (measured
 * on the approval sheet with 20 files, on a worker: from about 120 ms to
 * 65–90 ms; a one-page sheet from about 75 ms to about 40 ms):
 * - NODE_ENV=production, so React loads its production build: the
 *   development build validates and records every element, and a form is
 *   hundreds of elements. The worker has its own copy of the environment.
 * - A 64 MB young generation (V8's default is a third of that): a render's
 *   garbage then dies young instead of being promoted and costing full
 *   collections. Young space is committed as it is used.
 */
const WORKER_OPTIONS: WorkerOptions = {
  env: { ...process.env, NODE_ENV: 'production' },
  resourceLimits: { maxYoungGenerationSizeMb: 64 },
};

/** How many times a request is sent again after its worker died. */
const RETRIES_AFTER_CRASH = 1;

/** The worker script, when not render-worker.js beside the bundle (tests). */
let workerUrl: URL | undefined;
let running: Running | null = null;
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
export function defaultWorkerLocation(moduleUrl: string = import.meta.url): URL {
  return new URL('./render-worker.js', moduleUrl);
}

/** Overrides where the worker is loaded from (call before the first render). */
export function configureRenderWorker(next: { workerUrl?: URL }): void {
  workerUrl = next.workerUrl;
}

/** The worker could not start: its script is missing or does not load. */
export class RenderWorkerStartError extends AppError {
  constructor(cause: unknown) {
    super('INTERNAL', 'No se pudo iniciar el generador de documentos en segundo plano.', { cause });
    this.name = 'RenderWorkerStartError';
  }
}

function failAll(error: Error): void {
  for (const [id, p] of pending) {
    pending.delete(id);
    p.reject(error);
  }
}

function send(r: Running, p: Pending): void {
  r.worker.ref();
  r.worker.postMessage(p.request);
}

/** The worker died: before it was ready nothing can run there; after, start another and resend. */
function onDeath(r: Running, cause: unknown): void {
  if (running !== r) return;
  running = null;
  if (!r.ready) {
    failAll(new RenderWorkerStartError(cause));
    return;
  }
  const again: Pending[] = [];
  for (const [id, p] of pending) {
    p.crashes += 1;
    if (p.crashes > RETRIES_AFTER_CRASH) {
      pending.delete(id);
      p.reject(new AppError('INTERNAL', 'El generador de documentos se detuvo dos veces con este documento; no se generó. Intente de nuevo y, si persiste, avise al administrador.', { cause }));
    } else again.push(p);
  }
  if (again.length === 0) return;
  console.warn('Valija: el generador de documentos se detuvo; se reinicia y se reintenta la impresión.', cause);
  const next = start();
  for (const p of again) send(next, p);
}

function start(): Running {
  const w = new Worker(workerUrl ?? defaultWorkerLocation(), WORKER_OPTIONS);
  let markLoaded = () => {};
  const r: Running = { worker: w, ready: false, loaded: new Promise((resolve) => (markLoaded = resolve)) };
  w.on('message', (message: WorkerMessage) => {
    if ('ready' in message) {
      r.ready = true;
      markLoaded();
      return;
    }
    const reply: RenderReply = message;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.ok) p.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else p.reject(new AppError(reply.error.code as ErrorCode, reply.error.message));
  });
  w.on('error', (error) => onDeath(r, error));
  w.on('exit', (code) => onDeath(r, new Error(`render worker exited with code ${code}`)));
  w.unref();
  running = r;
  return r;
}

/** Prints asked for by a person and not answered yet: the warm-up waits for them. */
const printsWaiting = new Set<Promise<unknown>>();

function post<N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> {
  const r = running ?? start();
  const id = nextId;
  nextId += 1;
  return new Promise<Buffer>((resolve, reject) => {
    const p: Pending = { request: { id, name, input }, crashes: 0, resolve, reject };
    pending.set(id, p);
    try {
      send(r, p);
    } catch (error) {
      // Inputs that cannot be cloned (functions, class instances with private state).
      pending.delete(id);
      if (pending.size === 0) r.worker.unref();
      reject(new AppError('VALIDATION', 'Los datos del documento no se pueden enviar al generador de PDF.', { cause: error }));
    }
  });
}

/** Renders a form on the worker thread. Errors keep their code and Spanish message. */
export function renderFormInWorker<N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> {
  const print = post(name, input);
  const answered: Promise<boolean> = print.then(() => printsWaiting.delete(answered), () => printsWaiting.delete(answered));
  printsWaiting.add(answered);
  return print;
}

async function noPrintWaiting(): Promise<void> {
  while (printsWaiting.size > 0) await Promise.all(printsWaiting);
}

/**
 * The sheet a fresh worker renders first, once: a one-page approval sheet.
 * A print asked for meanwhile waits the least (any first sheet costs about
 * 400 ms, most of it compiling code), and it warms the code of the sheet
 * printed most. Measured with scripts/bench/forms.ts, the first print fell
 * by about a fifth against the receipt first.
 */
const OPENING_SHEET = () => post('approval', sampleApprovalInput({ channel: 'oficio', inventory: sampleInventory(1), media: null }));

/** The specimen sheets of each round of the warm-up, after the opening sheet. */
const WARM_UP_SHEETS: ReadonlyArray<() => Promise<Buffer>> = [
  () => post('receipt', sampleReceiptInput()),
  () => post('approval', sampleApprovalInput()),
  () => post('custodyRegister', sampleCustodyInput(3)),
];

/**
 * Renders specimen sheets on the worker and discards them: the first form
 * of a fresh worker takes two to three times as long as later ones (loading
 * the fonts, compiling the layout code). Sheets go one at a time, and only
 * while no print is waiting, so a print asked for during the warm-up waits
 * at most for the one sheet already rendering. Resolves false, never
 * rejects, when the warm-up fails.
 */
export async function warmRenderWorker(rounds = 2): Promise<boolean> {
  const sheets = [OPENING_SHEET, ...Array.from({ length: rounds }, () => WARM_UP_SHEETS).flat()];
  try {
    for (const sheet of sheets) {
      await noPrintWaiting();
      await sheet();
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves once the worker (started now if none runs) has loaded its
 * modules: the moment a print can first reach it. Rejects if it cannot start.
 */
export function renderWorkerLoaded(): Promise<void> {
  const r = running ?? start();
  return new Promise((resolve, reject) => {
    void r.loaded.then(resolve);
    r.worker.once('exit', () => reject(new RenderWorkerStartError(new Error('render worker exited before it was ready'))));
  });
}

/** Stops the worker (app shutdown, tests); pending renders fail with INTERNAL. */
export async function closeRenderWorker(): Promise<void> {
  const r = running;
  running = null;
  if (!r) return;
  failAll(new AppError('INTERNAL', 'El generador de documentos se cerró antes de terminar.'));
  await r.worker.terminate();
}

let mainThreadFallback = false;

/** Where forms are rendered: on the worker, or in this thread since the worker could not start. */
export function renderingThread(): 'worker' | 'main' {
  return mainThreadFallback ? 'main' : 'worker';
}

/** Tests: forget that the worker could not start. */
export function resetRenderFallback(): void {
  mainThreadFallback = false;
}

/**
 * What the app uses: the worker thread, and only if that worker cannot
 * start at all, the same rendering in this thread, so printing never stops
 * working. Every other error (a form that does not render, a worker that
 * died twice) is that print's error.
 */
export async function renderFormOffThread<N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> {
  if (!mainThreadFallback) {
    try {
      return await renderFormInWorker(name, input);
    } catch (error) {
      if (!(error instanceof RenderWorkerStartError)) throw error;
      mainThreadFallback = true;
      console.warn('Valija: el generador de documentos en segundo plano no pudo iniciar; los documentos se generan en el proceso principal.', error.cause);
    }
  }
  return renderForm(name, input);
}
