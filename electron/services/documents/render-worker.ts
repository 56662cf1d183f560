/**
 * Worker-thread entry that renders forms off the main thread: a form takes
 * tens to hundreds of milliseconds of synchronous layout, which would freeze
 * IPC and the window if done in Electron's main process.
 *
 * Protocol (one message per request, answered in any order by id):
 *   out: { ready: true }                once, when this module has loaded
 *   in:  { id, name, input }            (name: a FormName of ./forms)
 *   out: { id, ok: true, pdf }          (pdf: Uint8Array, transferred)
 *        { id, ok: false, error: { code, message } }
 *
 * Bundling: esbuild entry `electron/services/documents/render-worker.ts`,
 * output `dist/electron/render-worker.js` (ESM, packages external), beside
 * main.js: render-pool.ts looks for it there.
 */
import { parentPort } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../../shared/errors';
import { isFormName, renderForm, type FormInputs, type FormName } from './forms';

export interface RenderRequest {
  id: number;
  name: string;
  input: unknown;
}

export type RenderReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: ErrorPayload };

/** Everything the worker posts: its readiness once, then replies. */
export type WorkerMessage = { ready: true } | RenderReply;

function toPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  return new AppError('PDF_RENDER').toPayload();
}

async function handle(request: RenderRequest): Promise<RenderReply> {
  try {
    if (!isFormName(request.name)) throw new AppError('VALIDATION', `El formato «${String(request.name)}» no existe.`);
    const name: FormName = request.name;
    const pdf = await renderForm(name, request.input as FormInputs[typeof name]);
    // A Buffer may be a view on a shared pool: hand over an exact copy of its bytes.
    const bytes = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? new Uint8Array(pdf.buffer) : new Uint8Array(pdf);
    return { id: request.id, ok: true, pdf: bytes };
  } catch (error) {
    return { id: request.id, ok: false, error: toPayload(error) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: RenderRequest) => {
    void handle(request).then((reply) => {
      if (reply.ok) port.postMessage(reply, [reply.pdf.buffer as ArrayBuffer]);
      else port.postMessage(reply);
    });
  });
  // The pool tells a worker that cannot start (falls back) from one that died later (restarted).
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
