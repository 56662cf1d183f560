/**
 * The look shared by every printed form: colours, type sizes and page
 * geometry. Kept apart from the components so the table and the other
 * blocks read the same numbers without importing each other.
 */

export { PAGE_SIZES, type PageSizeName } from '../../../shared/forms/form-inputs';
import type { PageSizeName } from '../../../shared/forms/form-inputs';

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

export const FONT_SIZES = { body: 10.5, small: 8.5, label: 8, fine: 7.5, heading: 11.5, title: 15 } as const;
// A unitless lineHeight is resolved against the element's own fontSize (or
// react-pdf's default of 18), not the inherited one: every form style that
// sets lineHeight also sets fontSize. The page itself sets no lineHeight.

/** Page geometry in points (1 pt = 1/72 in). */
export const PAGE_MARGINS = { top: 44, bottom: 60, horizontal: 56 } as const;

/** Page sizes in points, portrait (react-pdf's LETTER and A4). */
const PAGE_POINTS: Record<PageSizeName, { width: number; height: number }> = {
  LETTER: { width: 612, height: 792 },
  A4: { width: 595.28, height: 841.89 },
};

/** A page's size in points, turned for the orientation; null for a size not listed here. */
export function pagePoints(size: PageSizeName, orientation: 'portrait' | 'landscape'): { width: number; height: number } | null {
  const page = (PAGE_POINTS as Partial<Record<string, { width: number; height: number }>>)[size];
  if (!page) return null;
  return orientation === 'landscape' ? { width: page.height, height: page.width } : page;
}

/** Width between the side margins of a page of this size and orientation. */
export function contentWidth(size: PageSizeName, orientation: 'portrait' | 'landscape'): number {
  const page = PAGE_POINTS[size];
  return (orientation === 'landscape' ? page.height : page.width) - 2 * PAGE_MARGINS.horizontal;
}

/** The look of a plain text: face, size, line height (unitless), colour and alignment. */
export interface TextLook {
  face: 'sans' | 'sansBold' | 'mono';
  size: number;
  lineHeight: number;
  color: string;
  align?: 'left' | 'center' | 'right' | 'justify';
}
