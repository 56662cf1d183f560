/**
 * Fonts for every printed form. We embed DejaVu Sans (shipped in ./fonts with
 * its licence) and never the 14 standard PDF fonts: those are not embedded and
 * lack characters the forms need (☐ ✓, some accents on some printers).
 *
 * Fonts are registered with @react-pdf once per font directory; the parsed
 * font files stay cached by @react-pdf, so warm renders do not touch the disk.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Font } from '@react-pdf/renderer';
import { AppError } from '../../../shared/errors';

const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansOblique: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
} as const;

export interface FontFamilies {
  /** Body text, headings (fontWeight 700 → bold, fontStyle italic → oblique). */
  sans: string;
  /** Codes, digests, identifiers. */
  mono: string;
}

export interface DocumentsConfig {
  /**
   * Folder holding the DejaVu TTF files. Defaults to ./fonts next to this
   * module; the packaged app passes a path under `process.resourcesPath`.
   */
  fontDir?: string;
}

/** ./fonts beside this module (works from source, in tests and under tsx). */
export const DEFAULT_FONT_DIR = fileURLToPath(new URL('./fonts/', import.meta.url));

let fontDir = DEFAULT_FONT_DIR;
/** Family names already registered, per font directory. */
const registered = new Map<string, FontFamilies>();
let hyphenationDisabled = false;

/**
 * Sets where the fonts are read from. Safe to call at any time: a new folder
 * is registered under new family names on the next render, so documents
 * already being rendered keep their fonts.
 */
export function configureDocuments(config: DocumentsConfig): void {
  if (config.fontDir !== undefined) {
    if (config.fontDir.trim() === '') {
      throw new AppError('VALIDATION', 'La carpeta de fuentes de los documentos no puede estar vacía.');
    }
    fontDir = config.fontDir;
  }
}

export function currentFontDir(): string {
  return fontDir;
}

/**
 * Registers the fonts of the configured folder (once) and returns the family
 * names to use in styles.
 */
export function ensureFonts(): FontFamilies {
  if (!hyphenationDisabled) {
    // Spanish words must never be split with a hyphen on an official form.
    Font.registerHyphenationCallback((word) => [word]);
    hyphenationDisabled = true;
  }
  const known = registered.get(fontDir);
  if (known) return known;

  const missing = Object.values(FONT_FILES).filter((file) => !existsSync(join(fontDir, file)));
  if (missing.length > 0) {
    throw new AppError(
      'IO',
      `No se encontraron las fuentes tipográficas de los documentos (${missing.join(', ')}) en la carpeta «${fontDir}». Reinstale Valija.`,
    );
  }

  const suffix = registered.size === 0 ? '' : ` ${registered.size + 1}`;
  const families: FontFamilies = { sans: `Valija Sans${suffix}`, mono: `Valija Mono${suffix}` };
  Font.register({
    family: families.sans,
    fonts: [
      { src: join(fontDir, FONT_FILES.sans), fontWeight: 400, fontStyle: 'normal' },
      { src: join(fontDir, FONT_FILES.sansBold), fontWeight: 700, fontStyle: 'normal' },
      { src: join(fontDir, FONT_FILES.sansOblique), fontWeight: 400, fontStyle: 'italic' },
    ],
  });
  Font.register({
    family: families.mono,
    fonts: [
      { src: join(fontDir, FONT_FILES.mono), fontWeight: 400, fontStyle: 'normal' },
      { src: join(fontDir, FONT_FILES.monoBold), fontWeight: 700, fontStyle: 'normal' },
    ],
  });
  registered.set(fontDir, families);
  return families;
}

/** The variants the forms use; each is loaded once and kept by @react-pdf's font store. */
const VARIANTS = [
  { family: 'sans', fontWeight: 400, fontStyle: 'normal' },
  { family: 'sans', fontWeight: 700, fontStyle: 'normal' },
  { family: 'sans', fontWeight: 400, fontStyle: 'italic' },
  { family: 'mono', fontWeight: 400, fontStyle: 'normal' },
  { family: 'mono', fontWeight: 700, fontStyle: 'normal' },
] as const;

const warmed = new Map<string, Promise<void>>();

/**
 * Loads every variant of the configured fonts before the first render and
 * removes a per-text-run cost of pdfkit: each time a run switches font,
 * pdfkit's `isEqualFont` compares the fonts by `JSON.stringify` of their
 * whole `name` table (DejaVu has hundreds of records), about a tenth of a
 * warm render. The records get a `toJSON` that returns the PostScript name,
 * which identifies the font just as well for that comparison. Nothing else
 * serialises a font's name table.
 */
export function warmFonts(): Promise<void> {
  const families = ensureFonts();
  const known = warmed.get(families.sans);
  if (known) return known;
  const pending = (async () => {
    for (const variant of VARIANTS) {
      const descriptor = { fontFamily: families[variant.family], fontWeight: variant.fontWeight, fontStyle: variant.fontStyle };
      await Font.load(descriptor);
      const data = (Font.getFont(descriptor) as { data?: unknown } | undefined)?.data;
      shortenNameSerialisation(data);
      memoiseLayout(data, variant.family === 'mono');
      memoiseGlyphOutlines(data);
      memoiseSubsets(data);
    }
  })();
  warmed.set(families.sans, pending);
  pending.catch(() => warmed.delete(families.sans));
  return pending;
}

/** The parts of a fontkit font that code drawing with pdfkit directly uses. */
export interface FontkitFont {
  unitsPerEm: number;
  postscriptName: string;
  /** Above and below the baseline, in font units (descent is negative). */
  ascent: number;
  descent: number;
  layout(text: string): { advanceWidth: number };
}

export type FontFace = 'sans' | 'sansBold' | 'mono';

/**
 * A loaded face as a fontkit font, for drawing with pdfkit directly (page
 * numbers, painted tables); pdfkit then embeds the same subset react-pdf
 * does. Only valid once `warmFonts()` has resolved (renderDocument awaits it).
 */
export function fontData(face: FontFace): FontkitFont {
  const families = ensureFonts();
  const descriptor = {
    fontFamily: face === 'mono' ? families.mono : families.sans,
    fontWeight: face === 'sansBold' ? 700 : 400,
    fontStyle: 'normal' as const,
  };
  const data = (Font.getFont(descriptor) as unknown as { data?: FontkitFont } | undefined)?.data;
  if (!data || typeof data.layout !== 'function') throw new AppError('INTERNAL', 'La fuente de los documentos no está cargada.');
  return data;
}

interface FontkitNameTable {
  name?: { records?: object };
  postscriptName?: string;
}

function shortenNameSerialisation(font: unknown): void {
  if (typeof font !== 'object' || font === null) return;
  const f = font as FontkitNameTable;
  const records = f.name?.records;
  const id = f.postscriptName;
  if (!records || typeof id !== 'string' || Object.prototype.hasOwnProperty.call(records, 'toJSON')) return;
  Object.defineProperty(records, 'toJSON', { value: () => id, enumerable: false });
}

interface GlyphRunLike {
  glyphs: unknown[];
  positions: unknown[];
}
type LayoutFn = (text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown) => GlyphRunLike;

const LAYOUT_CACHE_LIMIT = 4000;
const memoised = new WeakSet<object>();

/**
 * Caches fontkit's text shaping (GSUB/GPOS over DejaVu's large tables), which
 * react-pdf repeats for every text run on every render and on every page
 * break: forms print the same labels, headings and names again and again.
 * The cached run is copied on the way out: react-pdf keeps and may splice the
 * glyph array it is given, and pdfkit scales the position objects in place
 * (text drawn with pdfkit directly: page numbers, painted tables). Glyph
 * objects themselves are already shared by fontkit. Keyed by every argument
 * that changes shaping.
 */
function memoiseLayout(font: unknown, monospaced: boolean): void {
  if (typeof font !== 'object' || font === null || memoised.has(font)) return;
  const f = font as { layout?: LayoutFn };
  const original = f.layout;
  if (typeof original !== 'function') return;
  const cache = new Map<string, GlyphRunLike>();
  const asciiRun = monospaced ? monospacedAsciiRuns(font, original) : null;
  const layout: LayoutFn = function (this: unknown, text, features, script, language, direction) {
    if (asciiRun && features === undefined && script === undefined && language === undefined && direction === undefined && PRINTABLE_ASCII.test(text)) {
      return asciiRun(text);
    }
    let key: string;
    try {
      key = `${text}\u0000${JSON.stringify(features ?? null)}\u0000${String(script)}\u0000${String(language)}\u0000${String(direction)}`;
    } catch {
      return original.call(this, text, features, script, language, direction);
    }
    let run = cache.get(key);
    if (!run) {
      run = original.call(this, text, features, script, language, direction);
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      cache.set(key, run);
    }
    return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRunLike, run, {
      glyphs: run.glyphs.slice(),
      positions: run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position)),
    });
  };
  f.layout = layout;
  memoised.add(font);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * Shaping for the monospaced face over printable ASCII: each character's
 * glyph and advance, side by side. DejaVu Sans Mono has no kerning or
 * ligatures there (font-registry.test.ts compares with fontkit's shaping),
 * and these are the strings that change with every print: SHA-256 digests,
 * folios, serials. Shaping them through GSUB/GPOS each time was a tenth of
 * the approval sheet. The run has the prototype of fontkit's own runs, so
 * `advanceWidth` and the rest behave as usual.
 */
function monospacedAsciiRuns(font: object, original: LayoutFn): (text: string) => GlyphRunLike {
  const single = new Map<string, GlyphRunLike>();
  const template = original.call(font, 'a');
  const prototype = Object.getPrototypeOf(template) as object;
  const positionPrototype = Object.getPrototypeOf(template.positions[0]) as object;
  const charRun = (char: string) => {
    let run = single.get(char);
    if (!run) {
      run = original.call(font, char);
      single.set(char, run);
    }
    return run;
  };
  return (text) => {
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    for (const char of text) {
      const run = charRun(char);
      glyphs.push(...run.glyphs);
      for (const position of run.positions) positions.push(Object.assign(Object.create(positionPrototype) as object, position));
    }
    return Object.assign(Object.create(prototype) as GlyphRunLike, template, { glyphs, positions });
  };
}

interface GlyphLike {
  _decode?: () => unknown;
}
const outlineCaches = new WeakSet<object>();

/**
 * Caches each glyph's decoded outline. pdfkit embeds a subset of the font in
 * every document, and fontkit's subsetter decodes every glyph it copies
 * (to find the parts of composite glyphs) each time: about a twentieth of a
 * one-page form. Glyph objects are kept by fontkit for the font's lifetime
 * and their outlines never change; the decoded record is only read.
 */
function memoiseGlyphOutlines(font: unknown): void {
  if (typeof font !== 'object' || font === null) return;
  const getGlyph = (font as { getGlyph?: (id: number) => unknown }).getGlyph;
  if (typeof getGlyph !== 'function') return;
  const prototype = Object.getPrototypeOf(getGlyph.call(font, 0)) as GlyphLike | null;
  if (!prototype || typeof prototype._decode !== 'function' || outlineCaches.has(prototype)) return;
  const original = prototype._decode;
  const decoded = new WeakMap<object, unknown>();
  prototype._decode = function (this: object) {
    if (decoded.has(this)) return decoded.get(this);
    const value = original.call(this);
    decoded.set(this, value);
    return value;
  };
  outlineCaches.add(prototype);
}

interface SubsetLike {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): unknown;
}
const SUBSET_CACHE_LIMIT = 64;
const keptSubsets = new WeakSet<object>();

/** Whether these are the bytes of a kept font subset (the same object every sheet embeds). */
export function isKeptSubset(bytes: unknown): bytes is Uint8Array {
  return typeof bytes === 'object' && bytes !== null && keptSubsets.has(bytes);
}
const subsetCaches = new WeakSet<object>();

/**
 * The characters every subset starts with, in this order: printable ASCII
 * and the letters and signs of Spanish. See memoiseSubsets.
 */
export const BASE_SUBSET_TEXT = `${Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')}áéíóúÁÉÍÓÚñÑüÜ¿¡«»°·–—…`;

const BASE_LIGATURES = 'fi fl ff ffi ffl';

/**
 * Keeps the encoded font subsets pdfkit embeds. Every PDF embeds a subset of
 * each face it uses, and encoding one (fontkit writing glyf, loca, hmtx…
 * through restructure, then deflate) was a sixth of a small form's render.
 * A subset's bytes depend only on its glyphs and their order, so every
 * subset starts with the same base glyphs in the same order
 * (BASE_SUBSET_TEXT): almost every sheet then embeds the very same subset,
 * encoded once; a sheet with other characters appends them and gets a
 * subset of its own. The price is the base glyphs a sheet does not use, a
 * few kilobytes per face. pdfkit lists in the PDF (widths, ToUnicode) only
 * the glyphs it drew: pdf-pipeline fills in the base ones before embedding.
 * Keyed by the glyph list taken before encoding (encoding appends the parts
 * of composite glyphs, which nothing reads afterwards).
 */
function memoiseSubsets(font: unknown): void {
  if (typeof font !== 'object' || font === null || subsetCaches.has(font)) return;
  const f = font as { createSubset?: () => SubsetLike; glyphsForString?: (text: string) => Array<{ id: number }>; layout?: (text: string) => { glyphs: Array<{ id: number }> } };
  const original = f.createSubset;
  if (typeof original !== 'function' || typeof f.glyphsForString !== 'function' || typeof f.layout !== 'function') return;
  // The characters, then the ligatures shaping puts in Spanish text («oficio», «Fiscalía»).
  const base = [...new Set([...f.glyphsForString(BASE_SUBSET_TEXT), ...f.layout(BASE_LIGATURES).glyphs].map((glyph) => glyph.id))];
  const encoded = new Map<string, unknown>();
  f.createSubset = function (this: unknown) {
    const subset = original.call(this);
    for (const id of base) subset.includeGlyph(id);
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      if (encoded.has(key)) return encoded.get(key);
      const bytes = encode();
      if (encoded.size >= SUBSET_CACHE_LIMIT) encoded.clear();
      encoded.set(key, bytes);
      if (typeof bytes === 'object' && bytes !== null) keptSubsets.add(bytes);
      return bytes;
    };
    return subset;
  };
  subsetCaches.add(font);
}
