/**
 * The document and its page: margins, the embedded font, the marks repeated
 * on every page (classification, reprint, void) and «Página n de m».
 */
import React from 'react';
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { COLORS, FONTS, FONT_SIZES, PAGE_MARGINS, type PageSizeName } from '../theme';

const h = React.createElement;

type Children = React.ReactNode;

const styles = StyleSheet.create({
  page: {
    paddingTop: PAGE_MARGINS.top,
    paddingBottom: PAGE_MARGINS.bottom,
    paddingHorizontal: PAGE_MARGINS.horizontal,
    fontFamily: FONTS.sans,
    fontSize: FONT_SIZES.body,
    color: COLORS.text,
  },
  marks: {
    position: 'absolute',
    top: 14,
    left: PAGE_MARGINS.horizontal,
    right: PAGE_MARGINS.horizontal,
    flexDirection: 'row',
    alignItems: 'center',
  },
  markSide: { flex: 1, flexDirection: 'row' },
  markSideRight: { flex: 1, flexDirection: 'row', justifyContent: 'flex-end' },
  banner: {
    borderWidth: 1.25,
    borderColor: COLORS.guinda,
    color: COLORS.guinda,
    fontWeight: 700,
    fontSize: 9.5,
    letterSpacing: 3,
    paddingVertical: 2,
    paddingHorizontal: 14,
    lineHeight: 1.2,
  },
  reprint: {
    backgroundColor: COLORS.guinda,
    color: COLORS.white,
    fontWeight: 700,
    fontSize: 9,
    letterSpacing: 1,
    paddingVertical: 3,
    paddingHorizontal: 8,
    lineHeight: 1.2,
  },
  voidMark: {
    borderWidth: 1.25,
    borderColor: COLORS.voidRed,
    color: COLORS.voidRed,
    fontWeight: 700,
    fontSize: 9,
    letterSpacing: 2,
    paddingVertical: 2,
    paddingHorizontal: 8,
    lineHeight: 1.2,
  },
  voidWatermarkBox: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    left: 0,
    right: 0,
    alignItems: 'center',
    justifyContent: 'center',
  },
  // Sized so the rotated word stays inside an A4 portrait page (the narrowest we print).
  voidWatermark: {
    fontSize: 92,
    fontWeight: 700,
    letterSpacing: 4,
    color: COLORS.voidRed,
    opacity: 0.16,
    transform: 'rotate(-35deg)',
    lineHeight: 1,
  },
  footer: {
    position: 'absolute',
    bottom: 24,
    left: PAGE_MARGINS.horizontal,
    right: PAGE_MARGINS.horizontal,
    borderTopWidth: 0.75,
    borderTopColor: COLORS.guinda,
    paddingTop: 5,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: FONT_SIZES.small,
    color: COLORS.muted,
  },
  footerNote: { flexShrink: 1, marginRight: 12 },
  // The footer lives in the bottom margin: keep it short (no tall lineHeight) or it falls off the page.
  pageNumber: { flexShrink: 0, color: COLORS.text },
});

export interface OfficialDocumentProps {
  /** PDF metadata title (shown in the viewer's title bar). */
  title: string;
  subject?: string;
  author?: string;
  children?: Children;
}

export function OfficialDocument(props: OfficialDocumentProps): React.ReactElement {
  return h(
    Document,
    {
      title: props.title,
      subject: props.subject,
      author: props.author ?? 'Valija',
      creator: 'Valija',
      producer: 'Valija',
      language: 'es-MX',
    },
    props.children,
  );
}

export interface OfficialPageProps {
  size?: PageSizeName;
  /** Landscape suits wide registers (chain of custody); portrait by default. */
  orientation?: 'portrait' | 'landscape';
  /** Left side of the footer, e.g. "Valija · Formato de autorización · Folio C4-…". */
  footerNote?: string;
  classification?: string;
  /** Reprint number (1 = first reprint); omitted or 0 on the original. */
  reprint?: number;
  /** A voided sheet keeps printing, crossed by "ANULADA" on every page, so nobody signs it by mistake. */
  voided?: boolean;
  children?: Children;
}

/** A page with the forms' margins, the embedded font, top marks and "Página n de m". */
export function OfficialPage(props: OfficialPageProps): React.ReactElement {
  return h(
    Page,
    {
      size: props.size ?? 'LETTER',
      orientation: props.orientation ?? 'portrait',
      style: styles.page,
      wrap: true,
    },
    h(PageMarks, { classification: props.classification, reprint: props.reprint, voided: props.voided }),
    props.children,
    h(PageFooter, { note: props.footerNote }),
    // Drawn last so it lies over the content, like a stamp.
    props.voided ? h(VoidWatermark, null) : null,
  );
}

export interface PageMarksProps {
  classification?: string;
  reprint?: number;
  voided?: boolean;
}

/** Void mark (left), classification banner (centred) and reprint mark (right), repeated on every page. */
export function PageMarks(props: PageMarksProps): React.ReactElement | null {
  const hasReprint = props.reprint !== undefined && props.reprint > 0;
  if (!props.classification && !hasReprint && !props.voided) return null;
  return h(
    View,
    { fixed: true, style: styles.marks },
    h(View, { style: styles.markSide }, props.voided ? h(Text, { style: styles.voidMark }, 'ANULADA') : null),
    props.classification ? h(ClassificationBanner, { level: props.classification }) : null,
    h(View, { style: styles.markSideRight }, hasReprint ? h(ReprintMark, { count: props.reprint ?? 1 }) : null),
  );
}

export function ClassificationBanner(props: { level: string }): React.ReactElement {
  return h(Text, { style: styles.banner }, props.level.toUpperCase());
}

export function ReprintMark(props: { count: number }): React.ReactElement {
  return h(Text, { style: styles.reprint }, `REIMPRESIÓN ${props.count}`);
}

/** A large diagonal "ANULADA" across the page, translucent so the content stays legible. */
export function VoidWatermark(): React.ReactElement {
  return h(View, { fixed: true, style: styles.voidWatermarkBox }, h(Text, { style: styles.voidWatermark }, 'ANULADA'));
}

/** The page's one numbering, «Página n de m», by react-pdf's `render`. */
export function pageNumberText(page: { pageNumber: number; totalPages: number }): string {
  return `Página ${page.pageNumber} de ${page.totalPages}`;
}

export function PageFooter(props: { note?: string }): React.ReactElement {
  return h(
    View,
    { fixed: true, style: styles.footer },
    h(Text, { style: styles.footerNote }, props.note ?? ''),
    h(Text, { style: styles.pageNumber, render: pageNumberText }),
  );
}
