/**
 * The bordered tables of the forms: guinda header row, one row per entry,
 * rows never split across pages, the header repeated on each page.
 *
 * Rows whose cells are all text are *painted*: we wrap the text ourselves
 * with the font's metrics, so the row's height is known before layout, and
 * react-pdf gets one fixed-height painted block per row that draws its frame and
 * text with pdfkit. The same row built from Views and Texts costs react-pdf
 * eight to ten nodes, each styled, measured by textkit and laid out by yoga
 * again at every page break: long tables (files of a medium, inventories)
 * were most of a form's render time. Rows holding elements (labelled blanks,
 * signature lines) are still built from Views; both kinds share the column
 * geometry below, so they line up in one table.
 */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { ensureFonts, type FontkitFont } from './font-registry';
import { PaintWidth, checkPaintWidth, drawLines, loadedFaces, paintedBox, wrapLine, type Faces, type TextLine } from './painted-text';
import type { Painter } from './pdf-pipeline';
import { COLORS } from './theme';

const h = React.createElement;

export interface TableColumn {
  header: string;
  /** Relative width (flex grow), e.g. 1, 2, 3. */
  width: number;
  align?: 'left' | 'center' | 'right';
  mono?: boolean;
}

/** A line of a cell with its own look (a person's name in bold, a hash small and grey). */
export interface TableLine {
  text: string;
  bold?: boolean;
  mono?: boolean;
  /** Grey, for secondary details. */
  muted?: boolean;
  /** Font size in points; the table's body size by default. */
  size?: number;
  /** Extra space above the line, in points. */
  gapBefore?: number;
}

/**
 * A cell the form draws itself (labelled blanks, signature lines): given the
 * room inside the cell's padding, its height and how to draw it there.
 * `element` is the same cell built from Views, for a table that cannot be
 * painted.
 */
export interface DrawnCell {
  drawn: (room: number, faces: Faces) => { height: number; draw: (painter: Painter) => void };
  element: React.ReactElement;
}

/**
 * One cell: a string, several lines (each starts a new line; never "\n"),
 * lines with their own look, a cell the form draws, or any element the form
 * composes itself.
 */
export type TableCell = string | readonly string[] | { lines: readonly TableLine[] } | DrawnCell | React.ReactElement;

export interface SimpleTableProps {
  columns: TableColumn[];
  rows: TableCell[][];
  /** Minimum height of body rows in points (tall blank rows for handwriting). */
  minRowHeight?: number;
  /** Repeat the header row when the table breaks across pages (default true). */
  repeatHeader?: boolean;
  /** Body font size (default 9.5); dense registers use 8. */
  fontSize?: number;
  /** Tint every other row, for long lists read across the page. */
  zebra?: boolean;
}


/** Frame and padding, in points; the View rows use the same numbers. */
const RULE = 0.75;
const PAD_X = 5;
const PAD_Y = 4;
const HEADER_TEXT = { size: 9, lineHeight: 1.25 } as const;
const BODY_LINE_HEIGHT = 1.3;
const DEFAULT_BODY_SIZE = 9.5;
/** How far a single word may run into the cell's right padding before it is cut. */
const OVERFLOW_SLACK = PAD_X - 1;

const styles = StyleSheet.create({
  // Each row draws its own frame, so a table split across pages closes cleanly.
  row: {
    flexDirection: 'row',
    borderLeftWidth: RULE,
    borderRightWidth: RULE,
    borderBottomWidth: RULE,
    borderColor: COLORS.guinda,
  },
  headerRow: { backgroundColor: COLORS.guinda, borderTopWidth: RULE },
  headerText: { color: COLORS.white, fontWeight: 700, fontSize: HEADER_TEXT.size, lineHeight: HEADER_TEXT.lineHeight },
  cell: { paddingVertical: PAD_Y, paddingHorizontal: PAD_X },
  bodyText: { fontSize: DEFAULT_BODY_SIZE, lineHeight: BODY_LINE_HEIGHT },
  cellRule: { borderRightWidth: RULE, borderRightColor: COLORS.guinda },
  headerRule: { borderRightWidth: RULE, borderRightColor: COLORS.white },
});

export function SimpleTable(props: SimpleTableProps): React.ReactElement {
  const pageWidth = React.useContext(PaintWidth);
  const geometry = columnGeometry(props.columns, pageWidth);
  const faces = geometry ? loadedFaces() : null;
  const bodySize = props.fontSize ?? DEFAULT_BODY_SIZE;
  const paint = (cells: readonly TableCell[], header: boolean, rowIndex: number, extra: { fixed?: boolean }) => {
    if (!faces || !geometry) return null;
    const texts = paintableCells(cells);
    if (!texts) return null;
    const row = layoutRow(texts, props.columns, geometry, faces, header ? { ...HEADER_TEXT, header: true } : { size: bodySize, lineHeight: BODY_LINE_HEIGHT, header: false });
    const height = Math.max(row.height, header ? 0 : props.minRowHeight ?? 0);
    const fill = header ? COLORS.guinda : props.zebra && rowIndex % 2 === 1 ? COLORS.zebra : null;
    return paintedBox({
      key: header ? 'header' : rowIndex,
      ...extra,
      // A painted block never splits across pages: the row moves whole to the next one.
      style: { width: '100%', height },
      draw: (painter, width) => {
        checkPaintWidth(width, geometry.width, 'table row');
        paintRow(painter, row, geometry, height, { header, fill });
      },
    });
  };
  const header = props.columns.map((column) => column.header);
  return h(
    View,
    null,
    paint(header, true, 0, { fixed: props.repeatHeader ?? true }) ??
      h(ViewRow, { ...props, cells: header, header: true, rowIndex: 0, fixed: props.repeatHeader ?? true }),
    ...props.rows.map((cells, rowIndex) => paint(cells, false, rowIndex, {}) ?? h(ViewRow, { ...props, key: rowIndex, cells, header: false, rowIndex })),
  );
}

/* ------------------------------------------------------------------ */
/* Geometry and text wrapping                                          */
/* ------------------------------------------------------------------ */

interface Geometry {
  /** The row's outer width: the page's content width. */
  width: number;
  /** Left edge and width of each cell, inside the row's side rules (as yoga places them). */
  cells: { x: number; width: number }[];
}

function columnGeometry(columns: TableColumn[], pageWidth: number | null): Geometry | null {
  if (pageWidth === null || columns.length === 0) return null;
  const total = columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || 1;
  const inner = pageWidth - 2 * RULE;
  let x = RULE;
  const cells = columns.map((column) => {
    const width = (inner * Math.max(column.width, 0)) / total;
    const cell = { x, width };
    x += width;
    return cell;
  });
  return { width: pageWidth, cells };
}

/** The cells as lists of lines or drawn cells when all can be painted; null when one is an element. */
function paintableCells(cells: readonly TableCell[]): Array<TableLine[] | DrawnCell> | null {
  const out: Array<TableLine[] | DrawnCell> = [];
  for (const cell of cells) {
    if (typeof cell === 'string') out.push(cell === '' ? [] : [{ text: cell }]);
    else if (Array.isArray(cell)) out.push(cell.map((line: string) => ({ text: line === '' ? ' ' : line })));
    else if (isStyledLines(cell)) out.push([...cell.lines]);
    else if (isDrawn(cell)) out.push(cell);
    else return null;
  }
  return out;
}

function isStyledLines(cell: TableCell): cell is { lines: readonly TableLine[] } {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && 'lines' in cell && !React.isValidElement(cell);
}

function isDrawn(cell: TableCell | TableLine[]): cell is DrawnCell {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && 'drawn' in cell && !React.isValidElement(cell);
}

/** A wrapped line, with where it sits in its cell and how it is drawn. */
interface PlacedLine extends TextLine {
  y: number;
  font: FontkitFont;
  size: number;
  color: string;
}

interface LaidOutCell {
  lines: PlacedLine[];
  align: 'left' | 'center' | 'right';
  /** A drawn cell's drawing, at the cell's inner top left. */
  draw?: (painter: Painter) => void;
  /** A drawn cell's height. */
  height?: number;
}

interface LaidOutRow {
  cells: LaidOutCell[];
  height: number;
}

function layoutRow(
  texts: Array<TableLine[] | DrawnCell>,
  columns: TableColumn[],
  geometry: Geometry,
  faces: Faces,
  text: { size: number; lineHeight: number; header: boolean },
): LaidOutRow {
  const last = columns.length - 1;
  const cells = columns.map((column, index): LaidOutCell => {
    const box = geometry.cells[index] ?? { x: 0, width: 0 };
    const room = box.width - 2 * PAD_X - (index < last ? RULE : 0);
    const content = texts[index] ?? [];
    if (isDrawn(content)) {
      const drawn = content.drawn(room, faces);
      return { lines: [], align: column.align ?? 'left', draw: drawn.draw, height: drawn.height };
    }
    const lines: PlacedLine[] = [];
    let y = 0;
    for (const line of content) {
      const font = text.header || line.bold ? faces.sansBold : column.mono || line.mono ? faces.mono : faces.sans;
      const size = line.size ?? text.size;
      const color = text.header ? COLORS.white : line.muted ? COLORS.muted : COLORS.text;
      y += line.gapBefore ?? 0;
      for (const wrapped of wrapLine(line.text, font, size, room, OVERFLOW_SLACK)) {
        lines.push({ ...wrapped, y, font, size, color });
        y += size * text.lineHeight;
      }
    }
    return { lines, align: column.align ?? 'left' };
  });
  const tallest = Math.max(0, ...cells.map((cell) => {
    const lastLine = cell.lines.at(-1);
    return cell.height ?? (lastLine ? lastLine.y + lastLine.size * text.lineHeight : 0);
  }));
  return { cells, height: (text.header ? RULE : 0) + 2 * PAD_Y + tallest + RULE };
}

/* ------------------------------------------------------------------ */
/* Painting                                                            */
/* ------------------------------------------------------------------ */


function paintRow(painter: Painter, row: LaidOutRow, geometry: Geometry, height: number, look: { header: boolean; fill: string | null }): void {
  const width = geometry.width;
  const half = RULE / 2;
  if (look.fill) painter.rect(0, 0, width, height).fill(look.fill);

  const top = look.header ? RULE : 0;
  const bottom = height - RULE;
  painter.lineWidth(RULE);
  // Column rules: white on the header, guinda in the body.
  painter.strokeColor(look.header ? COLORS.white : COLORS.guinda);
  for (const cell of geometry.cells.slice(0, -1)) {
    const x = cell.x + cell.width - half;
    painter.moveTo(x, top).lineTo(x, bottom).stroke();
  }
  // The row's own frame: sides, bottom, and the top on the header.
  painter.strokeColor(COLORS.guinda);
  painter.moveTo(half, 0).lineTo(half, height).stroke();
  painter.moveTo(width - half, 0).lineTo(width - half, height).stroke();
  painter.moveTo(0, height - half).lineTo(width, height - half).stroke();
  if (look.header) painter.moveTo(0, half).lineTo(width, half).stroke();

  row.cells.forEach((cell, index) => {
    const box = geometry.cells[index];
    if (!box) return;
    const room = box.width - 2 * PAD_X - (index < row.cells.length - 1 ? RULE : 0);
    for (const line of cell.lines) {
      painter.fillColor(line.color).font(line.font, line.font.postscriptName, line.size);
      drawLines(painter, [line], { x: box.x + PAD_X, y: top + PAD_Y + line.y, room, lineHeight: 0, align: cell.align });
    }
    if (cell.draw) {
      painter.save().translate(box.x + PAD_X, top + PAD_Y);
      cell.draw(painter);
      painter.restore();
    }
  });
}

/* ------------------------------------------------------------------ */
/* Rows built from Views (cells holding elements)                      */
/* ------------------------------------------------------------------ */

function ViewRow(props: SimpleTableProps & { cells: readonly TableCell[]; header: boolean; rowIndex: number; fixed?: boolean }): React.ReactElement {
  const fonts = ensureFonts();
  const { columns, header } = props;
  const last = columns.length - 1;
  const total = columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || 1;
  const textStyle = header ? styles.headerText : props.fontSize === undefined ? styles.bodyText : { fontSize: props.fontSize, lineHeight: BODY_LINE_HEIGHT };
  const textOf = (column: TableColumn, text: string, key: number) =>
    h(Text, { key, style: [{ textAlign: column.align ?? 'left' }, textStyle, !header && column.mono ? { fontFamily: fonts.mono } : {}] }, text);
  const cell = (column: TableColumn, index: number, content: TableCell) =>
    h(
      View,
      {
        key: index,
        style: [
          styles.cell,
          { width: `${(Math.max(column.width, 0) / total) * 100}%` },
          index < last ? (header ? styles.headerRule : styles.cellRule) : {},
        ],
      },
      typeof content === 'string'
        ? content === ''
          ? null
          : textOf(column, content, 0)
        : Array.isArray(content)
          ? content.map((line: string, lineIndex: number) => textOf(column, line === '' ? ' ' : line, lineIndex))
          : isDrawn(content)
            ? content.element
            : isStyledLines(content)
            ? content.lines.map((line, lineIndex) =>
                h(
                  Text,
                  {
                    key: lineIndex,
                    style: [
                      { textAlign: column.align ?? 'left' },
                      textStyle,
                      line.size ? { fontSize: line.size, lineHeight: BODY_LINE_HEIGHT } : {},
                      line.bold ? { fontWeight: 700 } : {},
                      line.mono || column.mono ? { fontFamily: fonts.mono } : {},
                      line.muted ? { color: COLORS.muted } : {},
                      line.gapBefore ? { marginTop: line.gapBefore } : {},
                    ],
                  },
                  line.text,
                ),
              )
            : (content as React.ReactElement),
    );
  return h(
    View,
    {
      style: [
        styles.row,
        header ? styles.headerRow : {},
        !header && props.minRowHeight ? { minHeight: props.minRowHeight } : {},
        !header && props.zebra && props.rowIndex % 2 === 1 ? { backgroundColor: COLORS.zebra } : {},
      ],
      fixed: props.fixed,
      wrap: false,
    },
    ...columns.map((column, index) => cell(column, index, props.cells[index] ?? '')),
  );
}
