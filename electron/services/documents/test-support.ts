/**
 * Helpers for the documents tests: write a PDF, read it back with poppler
 * (pdftotext, pdffonts, pdfinfo, pdftoppm) and rasterise it for a human to
 * look at under test-results/pdf/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { FONT_DIR } from './theme';

/** test-results/pdf/ at the repository root (git-ignored). */
export const PNG_OUTPUT_DIR = fileURLToPath(new URL('../../../test-results/pdf/', import.meta.url));

export const STANDARD_14_FONTS = [
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Symbol',
  'ZapfDingbats',
];

export function writeTempPdf(name: string, pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'valija-pdf-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** `pdftotext -layout`: keeps the visual arrangement (columns side by side). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** `pdftotext` in reading order, whitespace collapsed: for searching sentences. */
export function pdfReadingText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** One word of a page as `pdftotext -bbox` places it (points from the top left). */
export interface PdfWord {
  page: number;
  text: string;
  x: number;
  y: number;
}

/** Every word of the PDF with its position, page by page. */
export function pdfWords(file: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/.exec(line);
    if (m) words.push({ page, text: m[3] ?? '', x: Number(m[1]), y: Number(m[2]) });
  }
  return words;
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type… encoding emb sub uni object ID — read the flags from the right.
      const cols = line.trim().split(/\s+/);
      const emb = cols[cols.length - 5];
      return { name: cols[0] ?? '', type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' };
    });
}

export function pdfInfo(file: string): { pages: number; mediaBox: number[] } {
  const out = execFileSync('pdfinfo', ['-box', file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? NaN);
  const box = /^MediaBox:\s+(.+)$/m.exec(out)?.[1] ?? '';
  return { pages, mediaBox: box.trim().split(/\s+/).map(Number) };
}

/** test-results/forms/ at the repository root (git-ignored): the official forms, at 60 dpi. */
export const FORMS_PNG_DIR = fileURLToPath(new URL('../../../test-results/forms/', import.meta.url));

/** Rasterises every page to <dir>/<name>-<n>.png (default test-results/pdf/, 80 dpi); returns the paths. */
export function renderPngs(file: string, name: string, options: { dir?: string; resolution?: number } = {}): string[] {
  const dir = options.dir ?? PNG_OUTPUT_DIR;
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(`${name}-`) && entry.endsWith('.png')) rmSync(join(dir, entry));
  }
  execFileSync('pdftoppm', ['-png', '-r', String(options.resolution ?? 80), file, join(dir, name)]);
  return readdirSync(dir)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))
    .sort()
    .map((entry) => join(dir, entry));
}

export interface RasterImage {
  width: number;
  height: number;
  /** One byte per pixel (0 black … 255 white). */
  gray: Uint8Array;
}

/** A binary PGM/PPM (what pdftoppm writes) as grayscale. */
function readNetpbm(data: Buffer): RasterImage | null {
  // Header: magic, width, height, maxval, each separated by whitespace.
  const tokens: string[] = [];
  let offset = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset] ?? 32))) offset += 1;
    let token = '';
    while (offset < data.length && !/\s/.test(String.fromCharCode(data[offset] ?? 32))) {
      token += String.fromCharCode(data[offset] ?? 32);
      offset += 1;
    }
    tokens.push(token);
  }
  offset += 1;
  const [magic, w, hgt] = tokens;
  const width = Number(w);
  const height = Number(hgt);
  const channels = magic === 'P6' ? 3 : magic === 'P5' ? 1 : 0;
  if (channels === 0) return null;
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i += 1) gray[i] = data[offset + i * channels] ?? 255;
  return { width, height, gray };
}

/** A small solid-colour PNG as a data URL (stands in for an office logo). */
export function solidPngDataUrl(size: number, rgb: [number, number, number]): string {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 <= (size / 2 - 1) ** 2;
      const at = y * (1 + size * 3) + 1 + x * 3;
      raw[at] = inside ? rgb[0] : 255;
      raw[at + 1] = inside ? rgb[1] : 255;
      raw[at + 2] = inside ? rgb[2] : 255;
    }
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * The QR codes a scanner reads off the printed pages: each page rasterised
 * at 200 dpi in grey and decoded with jsQR (the decoder the app uses on
 * signed scans). One entry per page that carries a code.
 */
export async function pdfQrTexts(file: string): Promise<string[]> {
  const { default: jsQR } = await import('jsqr');
  const dir = mkdtempSync(join(tmpdir(), 'valija-qr-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', '200', file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((entry) => entry.endsWith('.pgm'))
      .sort()
      .flatMap((entry) => {
        const image = readNetpbm(readFileSync(join(dir, entry)));
        if (!image) return [];
        const rgba = new Uint8ClampedArray(image.width * image.height * 4);
        image.gray.forEach((value, i) => rgba.set([value, value, value, 255], i * 4));
        const code = jsQR(rgba, image.width, image.height);
        return code ? [code.data] : [];
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a scanner reads exactly `text` from a QR code on one of the PDF's pages. */
export async function pdfHasQr(file: string, text: string): Promise<boolean> {
  return (await pdfQrTexts(file)).includes(text);
}

/**
 * Bundles the render worker exactly as scripts/build-electron.mjs does for the
 * app (Node 20 cannot start a .ts worker through tsx), into `outfile` inside
 * the repository so its bare imports resolve from node_modules, with the
 * fonts beside it.
 */
export async function bundleRenderWorker(outfile: string): Promise<URL> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(new URL('./render-worker.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  // As the app build does: the worker finds its fonts in ./fonts beside it.
  cpSync(FONT_DIR, join(dirname(outfile), 'fonts'), { recursive: true });
  return pathToFileURL(outfile);
}

/**
 * A worker script that loads the real one (`realWorker`) and then, while
 * the file `marker` is absent, creates it and dies on the first request it
 * receives: a worker that crashes once after it started. With `always`, it
 * dies on every request without writing the marker.
 */
export function writeCrashingWorker(file: string, realWorker: URL, marker: string, always = false): URL {
  writeFileSync(
    file,
    [
      "import { parentPort } from 'node:worker_threads';",
      "import { existsSync, writeFileSync } from 'node:fs';",
      `const marker = ${JSON.stringify(marker)};`,
      `await import(${JSON.stringify(realWorker.href)});`,
      `if (${always ? 'true' : 'false'} || !existsSync(marker)) parentPort.on('message', () => { ${always ? '' : "writeFileSync(marker, '');"} process.exit(3); });`,
    ].join('\n'),
  );
  return pathToFileURL(file);
}
