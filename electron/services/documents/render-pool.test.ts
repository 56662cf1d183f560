import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { sampleApprovalInput, sampleOpeningKeyInput } from './forms/form-samples';
import {
  closeRenderWorker,
  configureRenderWorker,
  defaultWorkerLocation,
  renderFormInWorker,
  renderFormOffThread,
  renderingThread,
  renderWorkerLoaded,
  resetRenderFallback,
  warmRenderWorker,
} from './render-pool';
import { bundleRenderWorker, pdfReadingText, writeCrashingWorker, writeTempPdf } from './test-support';

/** Inside the repository (git-ignored) so the bundle's bare imports resolve from node_modules. */
const BUNDLE_DIR = fileURLToPath(new URL('../../../test-results/worker-bundle/', import.meta.url));
const BUNDLE = join(BUNDLE_DIR, 'render-worker.js');
let workerUrl: URL;

beforeAll(async () => {
  workerUrl = await bundleRenderWorker(BUNDLE);
  configureRenderWorker({ workerUrl });
}, 60_000);

afterEach(async () => {
  await closeRenderWorker();
  configureRenderWorker({ workerUrl });
  resetRenderFallback();
  vi.restoreAllMocks();
});

afterAll(() => closeRenderWorker());

// The worker is bundled exactly as the app build does it (see README), then run as a plain worker.
describe('renderFormInWorker', () => {
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
    expect(await warmRenderWorker(1)).toBe(true);
    const pdf = await renderFormInWorker('openingKey', sampleOpeningKeyInput());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await closeRenderWorker();
    configureRenderWorker({ workerUrl: new URL('file:///no/such/render-worker.js') });
    expect(await warmRenderWorker(1)).toBe(false);
  }, 60_000);

  it('lets a print asked for during the warm-up go before the specimen sheets still to come', async () => {
    let warmed = false;
    const warming = warmRenderWorker(2).then((ok) => {
      warmed = true;
      return ok;
    });
    await renderWorkerLoaded();
    const pdf = await renderFormInWorker('openingKey', sampleOpeningKeyInput());
    expect(pdfReadingText(writeTempPdf('durante-calentamiento', pdf))).toContain('Clave de apertura');
    // Seven specimen sheets were due; the print waited for the one rendering at most.
    expect(warmed).toBe(false);
    expect(await warming).toBe(true);
  }, 60_000);

  it('says when a worker cannot load', async () => {
    configureRenderWorker({ workerUrl: new URL('file:///no/such/render-worker.js') });
    await expect(renderWorkerLoaded()).rejects.toMatchObject({ code: 'INTERNAL' });
  }, 60_000);

  it('looks for render-worker.js beside the bundle once built', () => {
    const built = defaultWorkerLocation('file:///opt/valija/resources/app.asar/dist/electron/main.js');
    expect(built.href).toBe('file:///opt/valija/resources/app.asar/dist/electron/render-worker.js');
  });
});

describe('renderFormOffThread', () => {
  it('restarts a worker that crashed and retries the print once, on the worker', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'valija-crash-')), 'crashed');
    configureRenderWorker({ workerUrl: writeCrashingWorker(join(BUNDLE_DIR, 'crash-once.js'), workerUrl, marker) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pdf = await renderFormOffThread('openingKey', sampleOpeningKeyInput());
    expect(pdfReadingText(writeTempPdf('tras-reinicio', pdf))).toContain('Clave de apertura');
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('se reinicia');
    expect(renderingThread()).toBe('worker');
  }, 60_000);

  it('fails the print with a Spanish message when the restarted worker dies too, and keeps rendering on the worker', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'valija-crash-')), 'never');
    configureRenderWorker({ workerUrl: writeCrashingWorker(join(BUNDLE_DIR, 'crash-always.js'), workerUrl, marker, true) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = await renderFormOffThread('openingKey', sampleOpeningKeyInput()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL' });
    expect((error as AppError).message).toContain('se detuvo dos veces');
    expect(renderingThread()).toBe('worker');
    configureRenderWorker({ workerUrl });
    const pdf = await renderFormOffThread('openingKey', sampleOpeningKeyInput());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('reports a form that fails to render as that print’s error, and the next print still runs on the worker', async () => {
    // A worker whose font files exist but are not fonts: react-pdf fails while laying the sheet out.
    const brokenUrl = await bundleRenderWorker(join(BUNDLE_DIR, 'fuentes-rotas', 'render-worker.js'));
    const fonts = join(BUNDLE_DIR, 'fuentes-rotas', 'fonts');
    for (const file of readdirSync(fonts)) writeFileSync(join(fonts, file), 'no es una fuente');
    configureRenderWorker({ workerUrl: brokenUrl });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = await renderFormOffThread('openingKey', sampleOpeningKeyInput()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PDF_RENDER' });
    expect((error as AppError).message).toContain('No se pudo generar el documento PDF');
    expect(renderingThread()).toBe('worker');
    expect(warn).not.toHaveBeenCalled();
    // The same worker goes on rendering: the next form fails there too, rather than switching threads.
    await expect(renderFormOffThread('approval', sampleApprovalInput())).rejects.toMatchObject({ code: 'PDF_RENDER' });
    expect(renderingThread()).toBe('worker');
    // A worker with its fonts renders again.
    await closeRenderWorker();
    configureRenderWorker({ workerUrl });
    const pdf = await renderFormOffThread('openingKey', sampleOpeningKeyInput());
    expect(pdfReadingText(writeTempPdf('tras-error', pdf))).toContain('Clave de apertura');
  }, 60_000);

  it('renders in this thread only when the worker cannot start at all, and says so in the log', async () => {
    mkdirSync(BUNDLE_DIR, { recursive: true });
    configureRenderWorker({ workerUrl: pathToFileURL('/no/existe/render-worker.js') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pdf = await renderFormOffThread('openingKey', sampleOpeningKeyInput());
    expect(pdfReadingText(writeTempPdf('respaldo-sin-worker', pdf))).toContain('Clave de apertura');
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('no pudo iniciar');
    expect(renderingThread()).toBe('main');
    // The form's own errors still reach the caller.
    await expect(renderFormOffThread('openingKey', { ...sampleOpeningKeyInput(), folio: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
  }, 60_000);
});
