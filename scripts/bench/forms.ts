/**
 * approval_pdf_ms / approval_pdf_p95_ms: print preview ready, i.e. the warm
 * render of the approval form (formato de autorización) for a heavy
 * shipment: medio magnético, 10 inventory rows, 20 files with SHA-256,
 * three to four pages; median and 95th percentile. approval_pdf_ms_oficio:
 * the median for a plain oficio with four inventory rows and a note.
 * first_print_ms: the first print after the app starts, at the worst
 * moment: the app starts its worker at the first paint (the sign-in
 * screen) and warms it up; the print is asked for the instant the worker
 * has loaded, so it meets the coldest worker there is, already busy with
 * the first specimen sheet. worker_load_ms: that load (spawn to ready),
 * which happens while the sign-in screen is up, before anyone can print.
 *
 * Rendered the way the app prints: on the render worker thread
 * (documents/render-pool, the worker bundled with esbuild as the app build
 * does), timed from the request to the PDF bytes back in this thread. "Warm"
 * is the worker as the app has it a few seconds after start: warmed by
 * warmRenderWorker, then 5 sheets of the series; then 40 timed.
 * Every sample is a different sheet (folio, digest, sheet number, print
 * time, file hashes), so caches keyed by text help only with what really
 * repeats between two prints: labels, headings, the office and its people.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApprovalFormInput } from '../../electron/services/documents/forms';
import { sampleApprovalInput, sampleFiles, sampleInventory, sampleMedia } from '../../electron/services/documents/forms/form-samples';
import { closeRenderWorker, configureRenderWorker, renderFormInWorker, renderWorkerLoaded, warmRenderWorker } from '../../electron/services/documents/render-pool';
import { bundleRenderWorker } from '../../electron/services/documents/test-support';
import { percentile, round } from './stats';

/** After the app's own warm-up (warmRenderWorker), a few sheets of the series itself. */
const WARM_UP = 5;
const SAMPLES = 40;
/** Inside the repository (git-ignored) so the bundle's bare imports resolve from node_modules. */
const WORKER_BUNDLE = fileURLToPath(new URL('../../test-results/bench-worker/render-worker.js', import.meta.url));

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Sample `n` of a series: the same shape, different identifiers and hashes. */
function heavySheet(n: number): ApprovalFormInput {
  const folio = `C5/DG/${String(100 + n).padStart(4, '0')}/2026`;
  return sampleApprovalInput({
    folio,
    contentDigest: hex(`contenido ${n}`),
    chainHead: hex(`cadena ${n}`).slice(0, 12),
    sheetVersion: 1 + (n % 3),
    generatedAt: new Date(Date.UTC(2026, 10, 23, 15, n % 60)).toISOString(),
    media: { ...sampleMedia(20), files: sampleFiles(20).map((file, i) => ({ ...file, sha256: hex(`archivo ${n}-${i}`) })) },
  });
}

function oneSheet(n: number): ApprovalFormInput {
  return { ...heavySheet(n), channel: 'oficio', inventory: sampleInventory(4), media: null };
}

/** The series rendered warm: `WARM_UP` sheets first, then `SAMPLES` timed ones. */
async function warmTimes(make: (n: number) => ApprovalFormInput): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i += 1) await renderFormInWorker('approval', make(i));
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const input = make(WARM_UP + i);
    const start = performance.now();
    await renderFormInWorker('approval', input);
    times.push(performance.now() - start);
  }
  return times;
}

export interface FormsBench {
  /** Print preview ready, heavy sheet, warm worker: median and p95. */
  approval_pdf_ms: number;
  approval_pdf_p95_ms: number;
  approval_pdf_ms_oficio: number;
  /** The first print, asked for the instant the app's fresh worker has loaded (its warm-up just begun). */
  first_print_ms: number;
  /** Spawn to ready of the app's worker, during the sign-in screen. */
  worker_load_ms: number;
}

export async function benchApprovalPdf(): Promise<FormsBench> {
  configureRenderWorker({ workerUrl: await bundleRenderWorker(WORKER_BUNDLE) });
  try {
    // Before anything else in this process: a fresh worker, started and warmed as the app does at its first paint.
    const launched = performance.now();
    const warming = warmRenderWorker();
    await renderWorkerLoaded();
    const loaded = performance.now();
    await renderFormInWorker('approval', heavySheet(0));
    const first = performance.now() - loaded;
    if (!(await warming)) throw new Error('the render worker did not warm up');
    const heavy = await warmTimes(heavySheet);
    const oficio = await warmTimes(oneSheet);
    return {
      approval_pdf_ms: round(percentile(heavy, 50), 1),
      approval_pdf_p95_ms: round(percentile(heavy, 95), 1),
      approval_pdf_ms_oficio: round(percentile(oficio, 50), 1),
      first_print_ms: round(first, 0),
      worker_load_ms: round(loaded - launched, 0),
    };
  } finally {
    await closeRenderWorker();
  }
}

// `npx tsx scripts/bench/forms.ts` prints the figures on their own (run.ts runs it so).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchApprovalPdf()));
}
