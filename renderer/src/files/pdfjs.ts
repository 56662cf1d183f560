/** pdf.js, loaded on first use (it is large), parsing on its own worker bundled by Vite from our origin. */
export async function pdfjs() {
  const lib = await import('pdfjs-dist');
  lib.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href;
  return lib;
}
