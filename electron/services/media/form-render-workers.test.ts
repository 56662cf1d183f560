import { fileURLToPath } from 'node:url';
import { bundleRenderWorker } from '../documents/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleApprovalInput, sampleCustodyInput } from '../documents/forms/form-samples';
import { createFormRenderWorkers, type FormRenderWorkers } from './form-render-workers';

/** Inside the repository (git-ignored) so the bundle's bare imports resolve from node_modules; apart from render-pool's. */
const BUNDLE = fileURLToPath(new URL('../../../test-results/media-worker-bundle/render-worker.js', import.meta.url));

describe('createFormRenderWorkers', () => {
  let workers: FormRenderWorkers;
  beforeAll(async () => {
    const workerUrl = await bundleRenderWorker(BUNDLE);
    workers = createFormRenderWorkers({ workerUrl, size: 2 });
  }, 60_000);
  afterAll(async () => {
    await workers.close();
  });

  it('renders several forms at once over two workers, and brings back validation errors in Spanish', async () => {
    const pdfs = await Promise.all([
      workers.render('approval', sampleApprovalInput()),
      workers.render('custodyRegister', sampleCustodyInput(2, { blankRows: 0 })),
      workers.render('approval', sampleApprovalInput({ folio: 'C4/DG/0099/2026' })),
      workers.render('custodyRegister', sampleCustodyInput(1)),
    ]);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(workers.render('approval', { ...sampleApprovalInput(), folio: '' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/folio/i) });
  }, 60_000);
});
