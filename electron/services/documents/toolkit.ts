/**
 * Building blocks shared by every printed form (approval sheet, envelope
 * cover, chain of custody, receipt, media manifest, recovery sheet).
 *
 * Components are plain functions over @react-pdf primitives, written with
 * `React.createElement` because the core's tsconfig has no JSX. Every word
 * they print is Spanish; dates come formatted by shared/format/date.
 */
import React from 'react';
import { Document, Image, Page, Path, StyleSheet, Svg, Text, View, renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import QRCode from 'qrcode';
import { AppError } from '../../../shared/errors';
import { ensureFonts } from './font-registry';
import { COLORS, FONT_SIZES, PAGE_MARGINS, type PageSizeName, type TextLook } from './theme';

const h = React.createElement;

export { COLORS, FONT_SIZES, PAGE_MARGINS, PAGE_SIZES, type PageSizeName, type TextLook } from './theme';

import type { OfficeInfo } from '../../../shared/forms/form-inputs';

export type { OfficeInfo };

const styles = StyleSheet.create({
  page: {
    paddingTop: PAGE_MARGINS.top,
    paddingBottom: PAGE_MARGINS.bottom,
    paddingHorizontal: PAGE_MARGINS.horizontal,
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
  header: { marginBottom: 10 },
  headerRow: { flexDirection: 'row', alignItems: 'center' },
  logo: { width: 52, height: 52, objectFit: 'contain', marginRight: 12 },
  headerText: { flex: 1 },
  institution: { fontWeight: 700, fontSize: 11, color: COLORS.guinda, lineHeight: 1.25 },
  unit: { fontSize: 10, lineHeight: 1.3, marginTop: 1 },
  address: { fontSize: FONT_SIZES.small, color: COLORS.muted, marginTop: 2 },
  acronym: {
    fontWeight: 700,
    fontSize: 14,
    color: COLORS.guinda,
    marginLeft: 16,
    letterSpacing: 1,
    textAlign: 'right',
    flexShrink: 0,
  },
  runningFolio: { fontSize: FONT_SIZES.small, marginTop: 4 },
  // Without the header above it: the running line stands where the header would, guinda like it.
  runningFolioAlone: { marginTop: 0, marginBottom: 8, color: COLORS.guinda },
  ruleThick: { borderBottomWidth: 2.25, borderBottomColor: COLORS.guinda, marginTop: 8 },
  ruleThin: { borderBottomWidth: 0.6, borderBottomColor: COLORS.guinda, marginTop: 1.5 },
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
  subtitle: { fontSize: 10, textAlign: 'center', color: COLORS.muted, marginTop: 4 },
  titleBlock: { marginBottom: 10 },
  folioRow: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    justifyContent: 'flex-end',
    marginBottom: 10,
  },
  folioItem: { flexDirection: 'row', marginLeft: 18 },
  folioLabel: { fontWeight: 700, color: COLORS.guinda, marginRight: 4 },
  folioValue: { fontSize: FONT_SIZES.body },
  sectionHeadingBox: {
    borderBottomWidth: 0.75,
    borderBottomColor: COLORS.guinda,
    paddingBottom: 2,
    marginBottom: 5,
    marginTop: 8,
  },
  sectionHeadingText: { fontWeight: 700, fontSize: FONT_SIZES.heading, color: COLORS.guinda, lineHeight: 1.2 },
  paragraph: { fontSize: FONT_SIZES.body, marginBottom: 5, textAlign: 'justify', lineHeight: 1.35 },
  listItem: { flexDirection: 'row', marginBottom: 4 },
  listMarker: { fontSize: FONT_SIZES.body, width: 16, fontWeight: 700, color: COLORS.guinda, lineHeight: 1.35 },
  listText: { fontSize: FONT_SIZES.body, flex: 1, lineHeight: 1.35 },
  fieldRow: { flexDirection: 'row', marginBottom: 3 },
  fieldLabel: { fontWeight: 700, color: COLORS.guinda, fontSize: 9, lineHeight: 1.3, paddingTop: 1.2 },
  fieldValue: { flex: 1 },
  fieldValueLine: { fontSize: FONT_SIZES.body, lineHeight: 1.3 },
  fieldsWithQr: { flexDirection: 'row', alignItems: 'flex-start', marginTop: 2 },
  fieldsColumn: { flex: 1, marginRight: 16 },
  notice: {
    borderLeftWidth: 3,
    borderLeftColor: COLORS.guinda,
    backgroundColor: COLORS.guindaTint,
    paddingVertical: 6,
    paddingHorizontal: 10,
    marginVertical: 7,
  },
  code: { backgroundColor: '#f2f2f2', borderLeftWidth: 2, borderLeftColor: COLORS.rule, paddingVertical: 5, paddingHorizontal: 8, marginTop: 2, marginBottom: 6 },
  codeLine: { fontSize: 8.5, lineHeight: 1.35 },
  noticeTitle: { fontWeight: 700, color: COLORS.guinda, marginBottom: 2 },
  noticeText: { fontSize: FONT_SIZES.body, lineHeight: 1.35 },
  qr: { alignItems: 'center' },
  qrCaption: { fontSize: 7.5, color: COLORS.muted, textAlign: 'center', marginTop: 3, lineHeight: 1.25 },
  signatureRow: { flexDirection: 'row', justifyContent: 'space-around', marginTop: 14 },
  signature: { alignItems: 'center' },
  signatureLine: { borderTopWidth: 0.75, borderTopColor: COLORS.text, alignSelf: 'stretch', marginBottom: 3 },
});

type Children = React.ReactNode;

/* ------------------------------------------------------------------ */
/* Document and page                                                   */
/* ------------------------------------------------------------------ */

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

/** A page with the toolkit's margins, the embedded font, top marks and "Página n de m". */
export function OfficialPage(props: OfficialPageProps): React.ReactElement {
  const fonts = ensureFonts();
  return h(
    Page,
    {
      size: props.size ?? 'LETTER',
      orientation: props.orientation ?? 'portrait',
      style: [styles.page, { fontFamily: fonts.sans }],
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

/* ------------------------------------------------------------------ */
/* Header, titles, text                                                */
/* ------------------------------------------------------------------ */

export interface OfficeHeaderProps {
  office: OfficeInfo;
  /** The sheet's folio, repeated at the top of every page after the first (the first has the folio line). */
  folio?: string;
  /**
   * Repeat the whole header on every page (default). A long sheet prints it
   * once and carries only a running line with the acronym and folio.
   */
  repeat?: boolean;
}

/** The office header, with the folio from the second page on. */
export function OfficeHeader(props: OfficeHeaderProps): React.ReactElement {
  const { office, folio } = props;
  const repeat = props.repeat ?? true;
  const header = [
    h(
      View,
      { key: 'row', style: styles.headerRow },
      office.logoPngDataUrl ? h(Image, { src: office.logoPngDataUrl, style: styles.logo }) : null,
      h(
        View,
        { style: styles.headerText },
        h(Text, { style: styles.institution }, office.institution),
        h(Text, { style: styles.unit }, office.unit),
        office.address ? h(Text, { style: styles.address }, office.address) : null,
      ),
      h(Text, { style: styles.acronym }, office.acronym),
    ),
    h(View, { key: 'thick', style: styles.ruleThick }),
    h(View, { key: 'thin', style: styles.ruleThin }),
  ];
  const running = folio ? h(RunningFolio, { key: 'folio', folio, acronym: repeat ? undefined : office.acronym }) : null;
  if (repeat) return h(View, { fixed: true, style: styles.header }, ...header, running);
  // A fragment: a fixed block inside a View that ends on page 1 would end there too.
  return h(React.Fragment, null, h(View, { fixed: true }, running), h(View, { style: styles.header }, ...header));
}

/**
 * «Folio …» on every page but the first. Left-aligned, in the flow, with no
 * box of its own: react-pdf 4.9 drew nothing for a `render` text that was
 * right-aligned, absolutely placed or in a row (it lays it out first with the
 * first page's empty text).
 */
function RunningFolio(props: { folio: string; acronym?: string }): React.ReactElement {
  const fonts = ensureFonts();
  const text = props.acronym ? `${props.acronym} · Folio ${props.folio}` : `Folio ${props.folio}`;
  return h(Text, {
    style: [styles.runningFolio, { fontFamily: fonts.mono }, props.acronym ? styles.runningFolioAlone : {}],
    render: ({ pageNumber }: { pageNumber: number }) => (pageNumber > 1 ? text : ''),
  });
}

const TITLE_LOOK: TextLook = { face: 'sansBold', size: FONT_SIZES.title, lineHeight: 1.25, color: COLORS.guinda, align: 'center' };

export function DocumentTitle(props: { title: string; subtitle?: string }): React.ReactElement {
  return h(
    View,
    { style: styles.titleBlock },
    h(PlainText, { text: props.title, look: TITLE_LOOK }),
    props.subtitle ? h(Text, { style: styles.subtitle }, props.subtitle) : null,
  );
}

export interface LabeledValue {
  label: string;
  value: string;
  /** Print the value in the monospaced face (codes, digests, identifiers). */
  mono?: boolean;
  /**
   * Cut the value into lines of this many characters: for long tokens such as
   * digests, which have no spaces to wrap at (words are never hyphenated).
   */
  breakEvery?: number;
}

/** Splits a long token into lines of `size` characters. */
export function chunkText(value: string, size: number): string[] {
  if (size <= 0 || value.length <= size) return [value];
  const lines: string[] = [];
  for (let i = 0; i < value.length; i += size) lines.push(value.slice(i, i + size));
  return lines;
}

/**
 * Greedy word wrap by character count, for cells whose content may hold long
 * tokens without spaces (file paths, serials): react-pdf never breaks inside
 * a word, so a 60-character path would run out of its cell. Over-long words
 * are cut after "/", "_", "-" or "." when one falls late enough, else at the
 * limit. Counting characters is approximate for a proportional face: callers
 * leave a margin.
 */
export function wrapText(text: string, maxChars: number): string[] {
  if (maxChars <= 0 || text.length <= maxChars) return [text];
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  };
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (rest.length > maxChars) {
      let cut = maxChars;
      for (let i = maxChars - 1; i >= Math.floor(maxChars / 2); i -= 1) {
        if ('/_-.'.includes(rest.charAt(i))) {
          cut = i + 1;
          break;
        }
      }
      push(rest.slice(0, cut));
      lines.push(line);
      line = '';
      rest = rest.slice(cut);
    }
    if (rest !== '') push(rest);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** "Folio: … Referencia: … Fecha: …", aligned right under the header. */
export function FolioLine(props: { items: LabeledValue[] }): React.ReactElement {
  const fonts = ensureFonts();
  return h(
    View,
    { style: styles.folioRow },
    ...props.items.map((item, index) =>
      h(
        View,
        { key: index, style: styles.folioItem },
        h(Text, { style: styles.folioLabel }, `${item.label}:`),
        h(Text, { style: [styles.folioValue, item.mono ? { fontFamily: fonts.mono } : {}] }, item.value),
      ),
    ),
  );
}

/** The style of a text of this look. */
export function lookStyle(look: TextLook): Style {
  const fonts = ensureFonts();
  return {
    fontSize: look.size,
    lineHeight: look.lineHeight,
    color: look.color,
    textAlign: look.align ?? 'left',
    ...(look.face === 'sansBold' ? { fontWeight: 700 } : look.face === 'mono' ? { fontFamily: fonts.mono } : {}),
  };
}

/** A plain text in the given look; `style` holds the block's margins. */
export function PlainText(props: { text: string; look: TextLook; style?: { marginTop?: number; marginBottom?: number } }): React.ReactElement {
  return h(Text, { style: [lookStyle(props.look), props.style ?? {}] }, props.text);
}

/** Small grey print across the page (a form's legend). */
export function FinePrint(props: { text: string; marginTop: number; lineHeight: number; align?: 'justify' | 'left' }): React.ReactElement {
  const look: TextLook = { face: 'sans', size: FONT_SIZES.fine, lineHeight: props.lineHeight, color: COLORS.muted, align: props.align ?? 'left' };
  return h(PlainText, { text: props.text, look, style: { marginTop: props.marginTop } });
}

export function SectionHeading(props: { children?: Children }): React.ReactElement {
  return h(Text, { style: [styles.sectionHeadingBox, styles.sectionHeadingText], minPresenceAhead: 40 }, props.children);
}

/** Body text, justified by default; use `align: 'left'` in narrow columns. */
export function Paragraph(props: { align?: 'justify' | 'left'; children?: Children }): React.ReactElement {
  return h(Text, { style: [styles.paragraph, props.align === 'left' ? { textAlign: 'left' } : {}] }, props.children);
}

/** Emphasised run inside a Paragraph. */
export function Strong(props: { children?: Children }): React.ReactElement {
  return h(Text, { style: { fontWeight: 700 } }, props.children);
}

export function NumberedList(props: { items: Children[]; bullet?: boolean }): React.ReactElement {
  return h(
    View,
    null,
    ...props.items.map((item, index) =>
      h(
        View,
        { key: index, style: styles.listItem, wrap: false },
        h(Text, { style: styles.listMarker }, props.bullet ? '•' : `${index + 1}.`),
        h(Text, { style: styles.listText }, item),
      ),
    ),
  );
}

/** Label/value pairs in two columns (label width in points). */
export function FieldList(props: { fields: LabeledValue[]; labelWidth?: number }): React.ReactElement {
  const labelWidth = props.labelWidth ?? 150;
  const fonts = ensureFonts();
  return h(
    View,
    null,
    ...props.fields.map((field, index) =>
      h(
        View,
        { key: index, style: styles.fieldRow, wrap: false },
        h(Text, { style: [styles.fieldLabel, { width: labelWidth }] }, field.label),
        h(
          View,
          { style: styles.fieldValue },
          ...chunkText(field.value, field.breakEvery ?? 0).map((line, lineIndex) =>
            h(Text, { key: lineIndex, style: [styles.fieldValueLine, field.mono ? { fontFamily: fonts.mono } : {}] }, line),
          ),
        ),
      ),
    ),
  );
}

/** Label/value pairs on the left, a QR code on the right. */
export function FieldsWithQr(props: { fields: LabeledValue[]; labelWidth?: number; qr: QrBlockProps }): React.ReactElement {
  return h(
    View,
    { style: styles.fieldsWithQr, wrap: false },
    h(View, { style: styles.fieldsColumn }, h(FieldList, { fields: props.fields, labelWidth: props.labelWidth })),
    h(QrBlock, props.qr),
  );
}

/**
 * Commands to type, one Text per line in the monospaced face, in a grey box.
 * Lines are given already broken where the shell accepts a break: a command
 * cut anywhere else would not run when copied.
 */
export function CodeBlock(props: { lines: string[] }): React.ReactElement {
  const fonts = ensureFonts();
  return h(
    View,
    { style: styles.code, wrap: false },
    ...props.lines.map((line, index) => h(Text, { key: index, style: [styles.codeLine, { fontFamily: fonts.mono }] }, line === '' ? ' ' : line)),
  );
}

/** A tinted box with a guinda rule on the left, for warnings. */
export function Notice(props: { title?: string; children?: Children }): React.ReactElement {
  return h(
    View,
    { style: styles.notice, wrap: false },
    props.title ? h(Text, { style: styles.noticeTitle }, props.title) : null,
    h(Text, { style: styles.noticeText }, props.children),
  );
}

/* ------------------------------------------------------------------ */
/* QR code                                                             */
/* ------------------------------------------------------------------ */

/** The modules of a QR code, `size` × `size`, row by row: 1 is dark. */
export interface QrCode {
  size: number;
  modules: Uint8Array;
}

/** The QR code carrying `text`, error correction M (readable with a seventh of it smudged). */
export function qrCode(text: string): QrCode {
  if (text === '') throw new AppError('VALIDATION', 'El código QR no puede estar vacío.');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, modules: modules.data };
}

/** The dark modules as one SVG path, in module units, offset by a one-module quiet zone. */
export function qrPath(qr: QrCode): string {
  const parts: string[] = [];
  for (let row = 0; row < qr.size; row += 1) {
    let col = 0;
    while (col < qr.size) {
      if (qr.modules[row * qr.size + col] !== 1) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.modules[row * qr.size + col] === 1) col += 1;
      // A hair taller than a module, so rasterisers leave no seam between rows.
      parts.push(`M${start + 1} ${row + 1}h${col - start}v1.02h${start - col}z`);
    }
  }
  return parts.join('');
}

/**
 * A QR code drawn as vector squares (react-pdf's Svg), with one module of
 * white quiet zone: it stays sharp on any printer.
 */
export function QrMark(props: { qr: QrCode; size: number }): React.ReactElement {
  const { qr, size } = props;
  const side = qr.size + 2;
  return h(
    Svg,
    { width: size, height: size, viewBox: `0 0 ${side} ${side}`, style: { backgroundColor: COLORS.white } },
    h(Path, { d: qrPath(qr), fill: COLORS.text }),
  );
}

export interface QrBlockProps {
  qr: QrCode;
  /** Side in points (default 84 ≈ 3 cm). */
  size?: number;
  /**
   * Spanish caption printed under the code, e.g. what it carries; one string
   * per line. (Never put "\n" in a Text: react-pdf draws it with Helvetica.)
   */
  caption?: string | string[];
}

export function QrBlock(props: QrBlockProps): React.ReactElement {
  const size = props.size ?? 84;
  return h(
    View,
    { style: [styles.qr, { width: Math.max(size, 110) }], wrap: false },
    h(QrMark, { qr: props.qr, size }),
    ...(props.caption === undefined ? [] : Array.isArray(props.caption) ? props.caption : [props.caption]).map((line, index) =>
      h(Text, { key: index, style: [styles.qrCaption, index > 0 ? { marginTop: 0 } : {}] }, line),
    ),
  );
}

/* ------------------------------------------------------------------ */
/* Signatures                                                          */
/* ------------------------------------------------------------------ */

export interface SignatureBlockProps {
  /** "Elaboró", "Revisó", "Autorizó", "Recibió"… */
  caption: string;
  /** Printed under the line; leave empty for a blank block filled by hand. */
  name?: string;
  position?: string;
  /** Width in points (default 160). */
  width?: number;
}

/** Room above the signature line for the handwritten signature. */
const SIGNATURE_CAPTION_GAP = 38;

const SIGNATURE_LOOKS = {
  caption: { face: 'sansBold', size: 9.5, lineHeight: 1.2, color: COLORS.guinda, align: 'center' },
  name: { face: 'sansBold', size: 9.5, lineHeight: 1.25, color: COLORS.text, align: 'center' },
  position: { face: 'sans', size: FONT_SIZES.small, lineHeight: 1.25, color: COLORS.muted, align: 'center' },
} as const satisfies Record<string, TextLook>;

export function SignatureBlock(props: SignatureBlockProps): React.ReactElement {
  const width = props.width ?? 160;
  const name = props.name && props.name.trim() !== '' ? props.name : ' ';
  const position = props.position && props.position.trim() !== '' ? props.position : ' ';
  return h(
    View,
    { style: [styles.signature, { width }], wrap: false },
    h(PlainText, { text: props.caption, look: SIGNATURE_LOOKS.caption, style: { marginBottom: SIGNATURE_CAPTION_GAP } }),
    h(View, { style: styles.signatureLine }),
    h(PlainText, { text: name, look: SIGNATURE_LOOKS.name }),
    h(PlainText, { text: position, look: SIGNATURE_LOOKS.position }),
  );
}

/** Up to three signature blocks side by side, kept together on one page. */
export function SignatureRow(props: { signatures: SignatureBlockProps[] }): React.ReactElement {
  const count = Math.max(props.signatures.length, 1);
  const width = count >= 3 ? 156 : 190;
  return h(
    View,
    { style: styles.signatureRow, wrap: false },
    ...props.signatures.map((signature, index) => h(SignatureBlock, { key: index, width, ...signature })),
  );
}

export { SimpleTable, type SimpleTableProps, type TableCell, type TableColumn, type TableLine } from './table';

/* ------------------------------------------------------------------ */
/* Rendering                                                           */
/* ------------------------------------------------------------------ */

/** Renders a document built from these components to PDF bytes, with react-pdf's `renderToBuffer`. */
export async function renderDocument(element: React.ReactElement): Promise<Buffer> {
  try {
    ensureFonts();
    // The forms' components return an <OfficialDocument>, i.e. a react-pdf <Document>; the type only sees their own props.
    return await renderToBuffer(element as React.ReactElement<DocumentProps>);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('PDF_RENDER', 'No se pudo generar el documento PDF.', { cause: error });
  }
}
