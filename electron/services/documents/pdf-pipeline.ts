/**
 * Turns a react-pdf element tree into PDF bytes: the same three stages as
 * `renderToBuffer` of @react-pdf/renderer (its reconciler, @react-pdf/layout,
 * @react-pdf/render over pdfkit, at the versions the renderer itself pins),
 * with one difference: between layout and drawing we learn how many pages
 * the document has.
 *
 * That is what «Página n de m» needs. Through react-pdf's `render` prop it
 * costs a second layout of every page (and of the rest of the document at
 * each page break), a third of a form's render time; here the footer draws
 * the numbers at paint time instead (see `PageNumbering` and `PageNumber`
 * in toolkit.ts).
 */
import React from 'react';
import * as ReactPdf from '@react-pdf/renderer';
import layoutDocumentUntyped from '@react-pdf/layout';
import renderPdfUntyped from '@react-pdf/render';
import PDFDocument from 'pdfkit';
import { deflateSync } from 'node:zlib';
import { fontData, isKeptSubset, type FontkitFont } from './font-registry';
import { planOwnPagination, type PdfNode } from './own-pagination';
import { addPaintPasses } from './paint-pass';

const h = React.createElement;

/** What the footer's page number reads while the document is drawn. */
export class PageNumbering {
  /** Pages of the laid-out document; known before the first page is drawn. */
  total = 0;
  /** Pages drawn so far: the page being drawn is `drawn` once its footer paints. */
  drawn = 0;
}

export const PageNumberingContext = React.createContext<PageNumbering | null>(null);

/** The part of pdfkit that react-pdf's Canvas hands to `paint`. */
export interface Painter {
  save(): Painter;
  restore(): Painter;
  translate(x: number, y: number): Painter;
  rect(x: number, y: number, width: number, height: number): Painter;
  fill(color?: string): Painter;
  fillColor(color: string): Painter;
  strokeColor(color: string): Painter;
  lineWidth(width: number): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  stroke(): Painter;
  /**
   * Always with the font's PostScript name as `family`: pdfkit then finds the
   * document's font by that key. Given only the font object, it builds a
   * throwaway font (and a subset) at every call before finding the one it has.
   */
  font(font: unknown, family: string, size: number): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: boolean; wordSpacing?: number }): Painter;
}

interface DocumentInstance {
  props?: Record<string, unknown>;
}
interface Container {
  type: 'ROOT';
  document: DocumentInstance | null;
}
interface PdfRenderer {
  createContainer(container: Container): unknown;
  updateContainer(element: React.ReactElement, mountNode: unknown, parent: null, callback?: () => void): void;
}
interface LaidOutDocument {
  children?: unknown[];
}
type PdfContext = InstanceType<typeof PDFDocument>;

// The renderer exports these untyped (or typed without the font store the
// layout really takes); this is the one place that pins their shapes.
const { Font } = ReactPdf;
const createRenderer = (ReactPdf as unknown as { createRenderer: (options: { onChange?: () => void }) => PdfRenderer }).createRenderer;
const layoutDocument = layoutDocumentUntyped as unknown as (document: DocumentInstance, fontStore: typeof Font) => Promise<LaidOutDocument>;
const drawPdf = renderPdfUntyped as unknown as (ctx: PdfContext, document: LaidOutDocument) => PdfContext;

let renderer: PdfRenderer | null = null;

interface EmbeddedFontLike {
  font: { getGlyph(id: number): { codePoints: number[]; advanceWidth: number } };
  subset: { glyphs: number[] };
  scale: number;
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
  embed(): unknown;
}
const WORD_CACHE_LIMIT = 20000;
let embeddedFontsPatched = false;

/**
 * Two changes to pdfkit's embedded-font class (reached through a probe
 * document), installed once the fonts are loaded:
 *
 * - pdfkit shapes the text it draws word by word and keeps the shaped words,
 *   but per document: every PDF shaped every label and name again. The words
 *   are kept per font instead, across documents (they are scaled to the
 *   font's 1000 units, which depend on the font alone, and only read
 *   afterwards: pdfkit copies a position before changing it).
 * - Before embedding, the widths and ToUnicode lists get the subset's base
 *   glyphs the sheet did not draw (see memoiseSubsets in font-registry.ts).
 *
 * And one to its indirect objects: a kept subset is deflated once
 * (compressKeptSubsetsOnce).
 */
function patchEmbeddedFonts(): void {
  if (embeddedFontsPatched) return;
  let font: FontkitFont;
  try {
    font = fontData('sans');
  } catch {
    return; // fonts not loaded yet: pdfkit's own per-document cache for now
  }
  const probe = new PDFDocument({ autoFirstPage: false, font: null }).font(font, font.postscriptName, 10) as unknown as { _font: EmbeddedFontLike };
  const prototype = Object.getPrototypeOf(probe._font) as EmbeddedFontLike;
  if (typeof prototype.layoutCached !== 'function' || typeof prototype.layoutRun !== 'function' || typeof prototype.embed !== 'function') return;
  // Subsets start with base glyphs the sheet may not draw (font-registry's
  // memoiseSubsets); pdfkit's widths and ToUnicode lists must have them too.
  const embed = prototype.embed;
  prototype.embed = function (this: EmbeddedFontLike) {
    this.subset.glyphs.forEach((id, gid) => {
      if (this.unicode[gid] !== undefined && this.widths[gid] !== undefined) return;
      const glyph = this.font.getGlyph(id);
      this.unicode[gid] ??= glyph.codePoints.length > 0 ? glyph.codePoints : [0];
      this.widths[gid] ??= glyph.advanceWidth * this.scale;
    });
    return embed.call(this);
  };
  const caches = new WeakMap<object, Map<string, unknown>>();
  prototype.layoutCached = function (this: EmbeddedFontLike, text: string) {
    let cache = caches.get(this.font);
    if (!cache) {
      cache = new Map();
      caches.set(this.font, cache);
    }
    let run = cache.get(text);
    if (run === undefined) {
      run = this.layoutRun(text);
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(text, run);
    }
    return run;
  };
  compressKeptSubsetsOnce(new PDFDocument({ autoFirstPage: false, font: null }).ref());
  embeddedFontsPatched = true;
}

interface PdfReferenceLike {
  compress: boolean;
  buffer: unknown[];
  finalize(): unknown;
}

/**
 * A kept font subset is the same bytes in every sheet; so is its compressed
 * form. pdfkit deflates each stream as it writes it, a tenth of an export's
 * render once subsets carry their base glyphs: the font file stream (one
 * chunk, a kept subset) gets the deflated bytes kept beside it instead.
 * `Filter /FlateDecode` is already set when the chunk was written.
 */
function compressKeptSubsetsOnce(probe: object): void {
  const prototype = Object.getPrototypeOf(probe) as PdfReferenceLike;
  const finalize = prototype.finalize;
  if (typeof finalize !== 'function') return;
  const deflated = new WeakMap<Uint8Array, Buffer>();
  prototype.finalize = function (this: PdfReferenceLike) {
    const chunk = this.buffer.length === 1 ? this.buffer[0] : null;
    if (this.compress && isKeptSubset(chunk)) {
      let packed = deflated.get(chunk);
      if (!packed) {
        packed = deflateSync(chunk);
        deflated.set(chunk, packed);
      }
      this.buffer = [packed];
      this.compress = false;
    }
    return finalize.call(this);
  };
}

let defaultPagination: 'own' | 'react-pdf' = 'own';

/**
 * Which pagination `renderPdf` uses: 'own' (the default) lays each page out
 * once and cuts it in own-pagination.ts, falling back to react-pdf's for
 * what that cannot cut; 'react-pdf' always uses react-pdf's. Tests render
 * every form both ways and compare the pages. Returns the previous setting.
 */
export function setDefaultPagination(pagination: 'own' | 'react-pdf'): 'own' | 'react-pdf' {
  const previous = defaultPagination;
  defaultPagination = pagination;
  return previous;
}

async function layOut(document: DocumentInstance, pagination: 'own' | 'react-pdf'): Promise<LaidOutDocument> {
  const plan = pagination === 'own' ? planOwnPagination(document as PdfNode) : null;
  if (plan) {
    const paged = plan.paginate((await layoutDocument(plan.document, Font)) as PdfNode);
    if (paged) return paged;
  }
  return layoutDocument(document, Font);
}

/**
 * Renders a `<Document>` element to PDF bytes. The element is wrapped in a
 * fresh `PageNumbering`, so documents rendered at the same time on one
 * thread never share a counter.
 */
export async function renderPdf(element: React.ReactElement): Promise<Buffer> {
  const numbering = new PageNumbering();
  const container: Container = { type: 'ROOT', document: null };
  renderer ??= createRenderer({});
  renderer.updateContainer(h(PageNumberingContext.Provider, { value: numbering }, element), renderer.createContainer(container), null);
  const document = container.document;
  if (!document) throw new Error('The element did not produce a react-pdf <Document>.');

  const props = document.props ?? {};
  const info = Object.fromEntries(
    Object.entries({
      Title: props.title,
      Author: props.author,
      Subject: props.subject,
      Keywords: props.keywords,
      Creator: props.creator ?? 'react-pdf',
      Producer: props.producer ?? 'react-pdf',
      CreationDate: props.creationDate ?? new Date(),
    }).filter(([, value]) => value !== undefined),
  );
  patchEmbeddedFonts();
  const ctx = new PDFDocument({
    compress: true,
    lang: typeof props.language === 'string' ? props.language : undefined,
    displayTitle: true,
    autoFirstPage: false,
    // No default font: pdfkit would parse Helvetica's metrics for every
    // document, and every text we draw names its (embedded) font anyway.
    font: null,
    info,
  });

  const layout = await layOut(document, defaultPagination);
  numbering.total = layout.children?.length ?? 0;
  const stream = drawPdf(ctx, addPaintPasses(layout as PdfNode) as LaidOutDocument);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
