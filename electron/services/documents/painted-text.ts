/**
 * Text we lay out and draw ourselves, with pdfkit, instead of through
 * react-pdf's Text nodes: table rows and label/value rows (table.ts,
 * field-rows.ts), and the page numbers (toolkit.ts). We wrap with the embedded font's own metrics, so a block's
 * height is known before layout and react-pdf only places one fixed-size
 * block for it (see paint-pass.ts). See table.ts for why.
 *
 * Drawing: pdfkit puts the baseline one ascent below the y it is given, and
 * textkit puts it one ascent below the top of a line box, so a line drawn at
 * its line box's top lands where react-pdf would have put it.
 */
import React from 'react';
import { View, type Styles } from '@react-pdf/renderer';
import { fontData, type FontFace, type FontkitFont } from './font-registry';
import { PAINT_PROP, type PaintFn } from './paint-pass';
import type { Painter } from './pdf-pipeline';

/**
 * Width of the box a painted block spans, provided by OfficialPage (the
 * page's content width) and narrowed by containers that know their columns
 * (FieldsWithQr). Without it, blocks are built from Views and Texts.
 */
export const PaintWidth = React.createContext<number | null>(null);

/** Splits a long token into lines of `size` characters. */
export function chunkText(value: string, size: number): string[] {
  if (size <= 0 || value.length <= size) return [value];
  const lines: string[] = [];
  for (let i = 0; i < value.length; i += size) lines.push(value.slice(i, i + size));
  return lines;
}

export interface TextLine {
  text: string;
  /** Measured width in points. */
  width: number;
}

export interface Faces {
  sans: FontkitFont;
  sansBold: FontkitFont;
  mono: FontkitFont;
}

export function loadedFaces(): Faces | null {
  try {
    const face = (name: FontFace) => fontData(name);
    return { sans: face('sans'), sansBold: face('sansBold'), mono: face('mono') };
  } catch {
    // Fonts not loaded (rendered outside renderDocument): callers build from Views instead.
    return null;
  }
}

const CHUNK_CACHE_LIMIT = 20000;
const chunkWidths = new WeakMap<FontkitFont, Map<string, number>>();

/**
 * Width of `text` as pdfkit will draw it: pdfkit shapes a line word by word
 * (each word with the space after it) and adds the advances, so we do too.
 * Word widths are kept per font: labels, names and places come back on
 * every print.
 */
export function textWidth(font: FontkitFont, size: number, text: string): number {
  let cache = chunkWidths.get(font);
  if (!cache) {
    cache = new Map();
    chunkWidths.set(font, cache);
  }
  let units = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const end = i === text.length;
    if (!end && text[i] !== ' ' && text[i] !== '\t') continue;
    const chunk = text.slice(start, end ? i : i + 1);
    start = i + 1;
    if (chunk === '') continue;
    let width = cache.get(chunk);
    if (width === undefined) {
      width = font.layout(chunk).advanceWidth;
      if (cache.size >= CHUNK_CACHE_LIMIT) cache.clear();
      cache.set(chunk, width);
    }
    units += width;
  }
  return (units * size) / font.unitsPerEm;
}

/**
 * Greedy wrap at spaces by measured width. A word wider than the room is cut
 * after the last "/", "_", "-" or "." in its second half (file paths,
 * serials), else where it stops fitting. A word that overflows by no more
 * than `slack` is left whole (a table passes its cell padding: "No." in a
 * narrow header), as textkit would: cutting it would look worse.
 */
export function wrapLine(text: string, font: FontkitFont, size: number, room: number, slack = 0): TextLine[] {
  const whole = textWidth(font, size, text);
  if (whole <= room) return [{ text, width: whole }];
  const space = textWidth(font, size, ' ');
  const lines: TextLine[] = [];
  let current = '';
  let currentWidth = 0;
  const flush = () => {
    if (current !== '') lines.push({ text: current, width: currentWidth });
    current = '';
    currentWidth = 0;
  };
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    let rest = word;
    let restWidth = textWidth(font, size, rest);
    if (current !== '' && currentWidth + space + restWidth <= room) {
      current = `${current} ${rest}`;
      currentWidth += space + restWidth;
      continue;
    }
    flush();
    while (restWidth > room + slack) {
      const cut = cutPoint(rest, font, size, room);
      const head = rest.slice(0, cut);
      lines.push({ text: head, width: textWidth(font, size, head) });
      rest = rest.slice(cut);
      restWidth = textWidth(font, size, rest);
    }
    current = rest;
    currentWidth = restWidth;
  }
  flush();
  return lines;
}

/** How many leading characters of `word` fit in `room` (at least one), preferring a cut after a separator. */
function cutPoint(word: string, font: FontkitFont, size: number, room: number): number {
  let fits = 0;
  let width = 0;
  for (const char of word) {
    const next = width + textWidth(font, size, char);
    if (next > room) break;
    width = next;
    fits += char.length;
  }
  if (fits === 0) return word.codePointAt(0)! > 0xffff ? 2 : 1;
  for (let i = fits - 1; i >= Math.floor(fits / 2); i -= 1) {
    if ('/_-.'.includes(word.charAt(i))) return i + 1;
  }
  return fits;
}

/**
 * Draws laid-out lines top-down from (x, y), aligned inside `room`. Justified
 * lines (all but the last) spread their spaces to fill the room.
 */
export function drawLines(
  painter: Painter,
  lines: readonly TextLine[],
  at: { x: number; y: number; room: number; lineHeight: number; align?: 'left' | 'center' | 'right' | 'justify' },
): void {
  const factor = at.align === 'right' ? 1 : at.align === 'center' ? 0.5 : 0;
  lines.forEach((line, index) => {
    const y = at.y + index * at.lineHeight;
    const gaps = at.align === 'justify' && index < lines.length - 1 ? line.text.split(' ').length - 1 : 0;
    if (gaps > 0) {
      painter.text(line.text, at.x, y, { lineBreak: false, wordSpacing: Math.max(0, at.room - line.width) / gaps });
      return;
    }
    painter.text(line.text, at.x + Math.max(0, at.room - line.width) * factor, y, { lineBreak: false });
  });
}

/** How a painted text block looks: face, size, line height (× size), colour, alignment. */
export interface TextLook {
  face: FontFace;
  size: number;
  lineHeight: number;
  color: string;
  align?: 'left' | 'center' | 'right' | 'justify';
}

/**
 * A block of text painted at a known width: `width`, else the PaintWidth
 * around it. Null when it cannot be painted (no width, fonts not loaded):
 * the caller then builds it from a react-pdf Text.
 */
export function paintedTextBlock(text: string, look: TextLook, width: number | null, style: Styles[string] = {}): React.ReactElement | null {
  const faces = width === null ? null : loadedFaces();
  if (!faces || width === null) return null;
  const font = faces[look.face];
  const lineHeight = look.size * look.lineHeight;
  const lines = text.split('\n').flatMap((paragraph) => wrapLine(paragraph, font, look.size, width));
  return paintedBox({
    style: [{ width, height: Math.max(1, lines.length) * lineHeight }, style] as unknown as Styles[string],
    draw: (painter, available) => {
      checkPaintWidth(available, width, 'text block');
      painter.fillColor(look.color).font(font, font.postscriptName, look.size);
      drawLines(painter, lines, { x: 0, y: 0, room: width, lineHeight, align: look.align });
    },
  });
}

/**
 * A block of the given style drawn by `draw` when its page is painted, with
 * the width it got: a plain View in the layout, drawn with the page's other
 * painted blocks in one pass (paint-pass.ts; only documents rendered through
 * `renderPdf` draw them).
 */
export function paintedBox(props: { key?: React.Key; fixed?: boolean; style: Styles[string]; draw: PaintFn }): React.ReactElement {
  const { draw, ...rest } = props;
  // Never cut across pages: drawn whole, on the page where it starts.
  return React.createElement(View, { ...rest, wrap: false, [PAINT_PROP]: draw } as React.ComponentProps<typeof View>);
}

/** Refuses to paint into a box of another width than the one laid out for: the text would sit out of place. */
export function checkPaintWidth(actual: number, expected: number, what: string): void {
  if (Math.abs(actual - expected) > 0.5) {
    throw new Error(`A painted ${what} is ${actual.toFixed(1)} pt wide, not the ${expected.toFixed(1)} pt it was laid out for.`);
  }
}
