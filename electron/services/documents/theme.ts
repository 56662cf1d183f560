/**
 * The look shared by every printed form: colours, fonts, type sizes and page
 * geometry. Kept apart from the components so the table and the other
 * blocks read the same numbers without importing each other.
 */

import { fileURLToPath } from 'node:url';

export { PAGE_SIZES, type PageSizeName } from '../../../shared/forms/form-inputs';


export const COLORS = {
  /** Institutional dark guinda for rules, headings and marks. */
  guinda: '#691c32',
  guindaTint: '#f5edef',
  text: '#000000',
  muted: '#4a4a4a',
  rule: '#8c8c8c',
  white: '#ffffff',
  /** Alternate rows of long tables. */
  zebra: '#faf6f7',
  /** Only for "ANULADA": a voided sheet must not be mistaken for a valid one. */
  voidRed: '#b00020',
} as const;

/** The embedded font families (font-registry.ts registers them): body and headings, and codes, digests, identifiers. */
export const FONTS = { sans: 'Valija Sans', mono: 'Valija Mono' } as const;

/**
 * Their files: ./fonts beside this module, in the source tree and beside
 * main.js and render-worker.js once bundled (scripts/build-electron.mjs
 * copies the folder there). Here, not in font-registry.ts, so tests and
 * benchmarks can name it without loading react-pdf.
 */
export const FONT_DIR = fileURLToPath(new URL('./fonts/', import.meta.url));

export const FONT_SIZES = { body: 10.5, small: 8.5, label: 8, fine: 7.5, heading: 11.5, title: 15 } as const;
// A unitless lineHeight is resolved against the element's own fontSize (or
// react-pdf's default of 18), not the inherited one: every form style that
// sets lineHeight also sets fontSize. The page itself sets no lineHeight.

/** Page geometry in points (1 pt = 1/72 in). */
export const PAGE_MARGINS = { top: 44, bottom: 60, horizontal: 56 } as const;
