/**
 * The visual elements of every printed form, one module each, each with its
 * own style: page and marks, header, text, field rows, table, QR code and
 * signatures. They are plain functions over @react-pdf primitives, written
 * with `React.createElement` because the core's tsconfig has no JSX. Every
 * word they print is Spanish; dates come formatted by shared/format/date.
 */
export type { OfficeInfo } from '../../../../shared/forms/form-inputs';
export { COLORS, FONTS, FONT_SIZES, PAGE_MARGINS, PAGE_SIZES, type PageSizeName } from '../theme';
export * from './page';
export * from './header';
export * from './text';
export * from './fields';
export * from './qr';
export * from './signature';
export { SimpleTable, type SimpleTableProps, type TableCell, type TableColumn, type TableLine } from './table';
