/**
 * How the render worker thread (render-pool.ts) is started: prints and
 * records exports go through it alike.
 *
 * Laying out a form allocates a great many short-lived objects (styles,
 * yoga nodes, glyph runs). Two settings nearly halve a warm render (measured
 * on the approval sheet with 20 files, on a worker: from about 120 ms to
 * 65–90 ms; a one-page sheet from about 75 ms to about 40 ms):
 *
 * - NODE_ENV=production, so React loads its production build: the
 *   development build validates and records every element, and a form is
 *   hundreds of elements. The worker gets its own copy of the environment,
 *   so the main process is unaffected.
 * - A 64 MB young generation (V8's default is a third of that): a render's
 *   garbage then dies young instead of surviving two scavenges, being
 *   promoted, and costing full collections. Young space is committed as it
 *   is used, so an idle worker does not hold it.
 */
import type { WorkerOptions } from 'node:worker_threads';
import type { RenderWorkerData } from './render-worker';

/** Young generation of a render worker, in MB (V8 splits it into semi-spaces). */
export const RENDER_WORKER_YOUNG_GENERATION_MB = 64;

export function renderWorkerOptions(workerData: RenderWorkerData): WorkerOptions {
  return {
    workerData,
    env: { ...process.env, NODE_ENV: 'production' },
    resourceLimits: { maxYoungGenerationSizeMb: RENDER_WORKER_YOUNG_GENERATION_MB },
  };
}
