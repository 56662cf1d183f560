/**
 * approval_pdf_ms: the median warm render of the approval form (formato de
 * autorización) for a heavy shipment: medio magnético, 10 inventory rows,
 * 20 files with SHA-256, three pages. approval_pdf_ms_oficio: the same for
 * a plain oficio with four inventory rows and a note (two pages: the
 * integrity box and the signatures, kept together, go to the second).
 *
 * Rendered the way the app prints: on the render worker thread
 * (documents/render-pool, the worker bundled with esbuild as the app build
 * does), timed from the request to the PDF bytes back in this thread. "Warm"
 * is the worker as the app has it a few seconds after start: warmed by
 * warmRenderWorker (four rounds of specimen sheets), then 8 sheets of the
 * series; the median of the next 60.
 * Every sample is a different sheet (folio, digest, sheet number, print
 * time, file hashes), so caches keyed by text help only with what really
 * repeats between two prints: labels, headings, the office and its people.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApprovalFormInput } from '../../electron/services/documents/forms';
import { sampleApprovalInput, sampleFiles, sampleInventory, sampleMedia } from '../../electron/services/documents/forms/form-samples';
import { closeRenderWorker, configureRenderWorker, renderFormInWorker, warmRenderWorker } from '../../electron/services/documents/render-pool';
import { bundleRenderWorker } from '../../electron/services/documents/test-support';
import { percentile, round } from './stats';

/** After the app's own warm-up (warmRenderWorker), a few sheets of the series itself. */
const WARM_UP = 8;
const SAMPLES = 60;
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

async function medianMs(make: (n: number) => ApprovalFormInput): Promise<number> {
  for (let i = 0; i < WARM_UP; i += 1) await renderFormInWorker('approval', make(i));
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const input = make(WARM_UP + i);
    const start = performance.now();
    await renderFormInWorker('approval', input);
    times.push(performance.now() - start);
  }
  return round(percentile(times, 50), 1);
}

export async function benchApprovalPdf(): Promise<{ approval_pdf_ms: number; approval_pdf_ms_oficio: number }> {
  configureRenderWorker({ workerUrl: await bundleRenderWorker(WORKER_BUNDLE) });
  try {
    if (!(await warmRenderWorker())) throw new Error('the render worker did not warm up');
    return { approval_pdf_ms: await medianMs(heavySheet), approval_pdf_ms_oficio: await medianMs(oneSheet) };
  } finally {
    await closeRenderWorker();
  }
}

// `npx tsx scripts/bench/forms.ts` prints the figures on their own (run.ts runs it so).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchApprovalPdf()));
}
