import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sampleOpeningKeyInput } from './forms/form-samples';
import { closeRenderWorker, configureRenderWorker, renderFormOffThread } from './render-pool';
import { pdfReadingText, writeTempPdf } from './test-support';

afterAll(() => closeRenderWorker());

describe('renderFormOffThread', () => {
  it('renders in this thread when the worker cannot start, instead of failing to print', async () => {
    configureRenderWorker({ workerUrl: pathToFileURL('/no/existe/render-worker.js') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pdf = await renderFormOffThread('openingKey', sampleOpeningKeyInput());
    expect(pdfReadingText(writeTempPdf('respaldo-sin-worker.pdf', pdf))).toContain('Clave de apertura');
    expect(warn).toHaveBeenCalledOnce();
    // The form's own errors still reach the caller.
    await expect(renderFormOffThread('openingKey', { ...sampleOpeningKeyInput(), folio: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    warn.mockRestore();
  });
});
