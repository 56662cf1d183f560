/**
 * The bordered tables of the forms: guinda header row, one row per entry,
 * rows never split across pages, the header repeated on each page. Built
 * from react-pdf Views and Texts only; react-pdf wraps and paginates them.
 */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { COLORS, FONTS } from '../theme';

const h = React.createElement;

export interface TableColumn {
  header: string;
  /** Relative width, e.g. 1, 2, 3. */
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
 * One cell: a string, several lines (each starts a new line; never "\n"),
 * lines with their own look, or any element the form composes itself
 * (labelled blanks, tick boxes).
 */
export type TableCell = string | readonly string[] | { lines: readonly TableLine[] } | React.ReactElement;

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

const RULE = 0.75;
const BODY_LINE_HEIGHT = 1.3;
const DEFAULT_BODY_SIZE = 9.5;

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
  headerText: { color: COLORS.white, fontWeight: 700, fontSize: 9, lineHeight: 1.25 },
  cell: { paddingVertical: 3, paddingHorizontal: 5 },
  cellRule: { borderRightWidth: RULE, borderRightColor: COLORS.guinda },
  headerRule: { borderRightWidth: RULE, borderRightColor: COLORS.white },
  zebra: { backgroundColor: COLORS.zebra },
  mono: { fontFamily: FONTS.mono },
  bold: { fontWeight: 700 },
});

function isStyledLines(cell: TableCell): cell is { lines: readonly TableLine[] } {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && 'lines' in cell && !React.isValidElement(cell);
}

export function SimpleTable(props: SimpleTableProps): React.ReactElement {
  const header = props.columns.map((column) => column.header);
  return h(
    View,
    null,
    h(TableRow, { ...props, cells: header, header: true, rowIndex: 0, fixed: props.repeatHeader ?? true }),
    ...props.rows.map((cells, rowIndex) => h(TableRow, { ...props, key: rowIndex, cells, header: false, rowIndex })),
  );
}

function TableRow(props: SimpleTableProps & { cells: readonly TableCell[]; header: boolean; rowIndex: number; fixed?: boolean }): React.ReactElement {
  const { columns, header } = props;
  const last = columns.length - 1;
  const total = columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || 1;
  const bodySize = props.fontSize ?? DEFAULT_BODY_SIZE;
  const textStyle = header ? styles.headerText : { fontSize: bodySize, lineHeight: BODY_LINE_HEIGHT };
  const line = (column: TableColumn, text: TableLine, key: number) =>
    h(
      Text,
      {
        key,
        style: [
          { textAlign: column.align ?? 'left' },
          textStyle,
          text.size ? { fontSize: text.size, lineHeight: BODY_LINE_HEIGHT } : {},
          // Bold wins over a monospaced column: a name in a code column stays in the sans face.
          text.bold ? styles.bold : !header && (text.mono || column.mono) ? styles.mono : {},
          text.muted ? { color: COLORS.muted } : {},
          text.gapBefore ? { marginTop: text.gapBefore } : {},
        ],
      },
      text.text === '' ? ' ' : text.text,
    );
  const content = (column: TableColumn, cell: TableCell): React.ReactNode => {
    if (typeof cell === 'string') return cell === '' ? null : line(column, { text: cell }, 0);
    if (Array.isArray(cell)) return (cell as readonly string[]).map((text, index) => line(column, { text }, index));
    if (isStyledLines(cell)) return cell.lines.map((text, index) => line(column, text, index));
    return cell as React.ReactElement;
  };
  return h(
    View,
    {
      style: [
        styles.row,
        header ? styles.headerRow : {},
        !header && props.minRowHeight ? { minHeight: props.minRowHeight } : {},
        !header && props.zebra && props.rowIndex % 2 === 1 ? styles.zebra : {},
      ],
      fixed: props.fixed,
      wrap: false,
    },
    ...columns.map((column, index) =>
      h(
        View,
        {
          key: index,
          // On the cells too: react-pdf was seen moving one cell of a row that does not wrap to the next page.
          wrap: false,
          style: [styles.cell, { width: `${(Math.max(column.width, 0) / total) * 100}%` }, index < last ? (header ? styles.headerRule : styles.cellRule) : {}],
        },
        content(column, props.cells[index] ?? ''),
      ),
    ),
  );
}
