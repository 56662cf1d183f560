// pdfkit ships no type declarations; this is the part pdf-pipeline.ts uses.
declare module 'pdfkit' {
  import type { Readable } from 'node:stream';

  interface PDFDocumentOptions {
    compress?: boolean;
    lang?: string;
    displayTitle?: boolean;
    autoFirstPage?: boolean;
    /** Default font; null loads none. */
    font?: string | null;
    info?: Record<string, unknown>;
  }

  export default class PDFDocument extends Readable {
    constructor(options?: PDFDocumentOptions);
    /** Selects a font: a fontkit font object, keyed by `family`. */
    font(src: object, family: string, size: number): this;
    /** A new indirect object of this document (pdfkit's PDFReference). */
    ref(): object;
  }
}
