/**
 * approval_pdf_ms: the median warm render of the approval form (formato de
 * autorización) for a realistic shipment: medio magnético, 10 inventory rows,
 * 20 files with SHA-256. Rendered in this thread, as the worker does.
 */
import { renderApprovalForm } from '../../electron/services/documents/forms';
import { sampleApprovalInput } from '../../electron/services/documents/forms/form-samples';
import { pathToFileURL } from 'node:url';
import { percentile, round } from './stats';

const WARM_UP = 5;
const SAMPLES = 20;

export async function benchApprovalPdf(): Promise<{ approval_pdf_ms: number }> {
  const input = sampleApprovalInput();
  // Warm-up: font loading, QR image, JIT.
  for (let i = 0; i < WARM_UP; i += 1) await renderApprovalForm(input);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const start = performance.now();
    await renderApprovalForm(input);
    times.push(performance.now() - start);
  }
  return { approval_pdf_ms: round(percentile(times, 50), 1) };
}

// `npx tsx scripts/bench/forms.ts` prints the figure on its own (run.ts runs it so).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchApprovalPdf()));
}
