import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { sampleApprovalInput, sampleOpeningKeyInput } from './forms/form-samples';
import { closeRenderWorker, configureRenderWorker, defaultWorkerLocation, renderFormInWorker, warmRenderWorker } from './render-pool';
import { bundleRenderWorker, pdfReadingText, writeTempPdf } from './test-support';

/** Inside the repository (git-ignored) so the bundle's bare imports resolve from node_modules. */
const BUNDLE = fileURLToPath(new URL('../../../test-results/worker-bundle/render-worker.js', import.meta.url));

// The worker is bundled exactly as the app build should do it (see README), then run as a plain worker.
describe('renderFormInWorker', () => {
  beforeAll(async () => {
    const workerUrl = await bundleRenderWorker(BUNDLE);
    configureRenderWorker({ workerUrl });
  }, 60_000);

  afterAll(async () => {
    await closeRenderWorker();
  });

  it('renders forms on a worker thread, several at once', async () => {
    const [approval, key] = await Promise.all([renderFormInWorker('approval', sampleApprovalInput()), renderFormInWorker('openingKey', sampleOpeningKeyInput())]);
    expect(Buffer.isBuffer(approval)).toBe(true);
    expect(approval.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfReadingText(writeTempPdf('trabajador-autorizacion', approval))).toContain('Formato de autorización de envío de información');
    expect(pdfReadingText(writeTempPdf('trabajador-clave', key))).toContain('Clave de apertura del medio cifrado');
  }, 60_000);

  it('brings back validation errors with their code and Spanish message', async () => {
    const error = await renderFormInWorker('approval', sampleApprovalInput({ contentDigest: 'xyz' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect((error as AppError).message).toContain('huella del contenido');
    await expect(renderFormInWorker('nope' as 'approval', sampleApprovalInput())).rejects.toMatchObject({ code: 'VALIDATION' });
  }, 60_000);

  it('warms the worker with specimen sheets, and reports a failed warm-up instead of throwing', async () => {
    await closeRenderWorker();
    expect(await warmRenderWorker(1)).toBe(true);
    const pdf = await renderFormInWorker('openingKey', sampleOpeningKeyInput());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    configureRenderWorker({ workerUrl: new URL('file:///no/such/render-worker.js') });
    await closeRenderWorker();
    expect(await warmRenderWorker(1)).toBe(false);
    configureRenderWorker({ workerUrl: await bundleRenderWorker(BUNDLE) });
    await closeRenderWorker();
  }, 60_000);

  it('looks for render-worker.js beside the bundle once built', () => {
    const built = defaultWorkerLocation('file:///opt/valija/resources/app.asar/dist/electron/main.js');
    expect(built.workerUrl.href).toBe('file:///opt/valija/resources/app.asar/dist/electron/render-worker.js');
  });
});
