import jsQR from 'jsqr';
import { folioKey, parseSheetCode, type SheetCode } from '../../../shared/domain/sheet-code';
import { pdfjs } from './pdfjs';

const MAX_PAGES = 4;
/** About 290 dpi: the QR's modules come out several pixels wide, which jsQR needs. */
const PDF_SCALE = 4;

function canvas2d(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('canvas');
  return { canvas, context };
}

/** The pixels of a scan's pages: an image as is; a PDF's first pages drawn by pdf.js. */
async function* pagesOf(file: File): AsyncGenerator<ImageData> {
  if (file.type !== 'application/pdf') {
    const bitmap = await createImageBitmap(file);
    const { context } = canvas2d(bitmap.width, bitmap.height);
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    yield context.getImageData(0, 0, bitmap.width, bitmap.height);
    return;
  }
  const task = (await pdfjs()).getDocument({ data: new Uint8Array(await file.arrayBuffer()) });
  try {
    const pdf = await task.promise;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n += 1) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: PDF_SCALE });
      const { canvas, context } = canvas2d(Math.floor(viewport.width), Math.floor(viewport.height));
      // White behind the page: the QR image has transparency and jsQR reads luminance.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, viewport }).promise;
      yield context.getImageData(0, 0, canvas.width, canvas.height);
    }
  } finally {
    await task.destroy();
  }
}

export type ScanCheck = { kind: 'match'; code: SheetCode } | { kind: 'mismatch'; code: SheetCode } | { kind: 'no_code' } | { kind: 'unreadable' };

/**
 * Reads the Valija QR code off a signed sheet's scan (jsQR, pure JS; the first pages of a PDF) and
 * says whether it is the sheet of this shipment with its current content.
 */
export async function checkSheetScan(file: File, expected: { folio: string | null; digest: string }): Promise<ScanCheck> {
  let code: SheetCode | null = null;
  try {
    for await (const pixels of pagesOf(file)) {
      const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
      code = found ? parseSheetCode(found.data) : null;
      if (code) break;
    }
  } catch {
    return { kind: 'unreadable' };
  }
  if (!code) return { kind: 'no_code' };
  const sameFolio = expected.folio !== null && folioKey(code.folio) === folioKey(expected.folio);
  return sameFolio && code.digest === expected.digest ? { kind: 'match', code } : { kind: 'mismatch', code };
}
