/**
 * Blocks several forms print the same way: the inventory, the sealed
 * envelope, the magnetic medium and its files, the void notice and the
 * integrity box (QR with folio, content digest and custody chain head).
 * Keeping one drawing of each means the approval sheet, the receipt and the
 * media manifest can be compared line by line.
 */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { MEDIA_KIND_LABELS, SANITISATION_METHOD_LABELS } from '../../../../shared/domain/shipments';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { COLORS, CodeBlock, DocumentTitle, FONTS, FONT_SIZES, FieldList, FolioLine, Notice, OfficeHeader, OfficialDocument, OfficialPage, QrMark, SimpleTable, wrapText, type LabeledValue, type QrCode, type OfficeInfo, type PageSizeName, type TableCell } from '../components';
import type { EnvelopeInfo, InventoryLine, MediaFileLine, MediaInfo, VoidInfo } from '../../../../shared/forms/form-inputs';
import { digestLines, footerNote, formatBytes, formatInteger } from './form-text';

const h = React.createElement;

const styles = StyleSheet.create({
  integrity: {
    flexDirection: 'row',
    alignItems: 'center',
    borderWidth: 0.75,
    borderColor: COLORS.guinda,
    padding: 8,
  },
  integrityText: { flex: 1, marginLeft: 12 },
  totals: { fontSize: FONT_SIZES.small, lineHeight: 1.3, color: COLORS.muted, textAlign: 'right', marginTop: 3 },
  integrityLabel: { fontWeight: 700, fontSize: 8, lineHeight: 1.3, color: COLORS.guinda, textAlign: 'left' },
  integrityValue: { fontFamily: FONTS.mono, fontSize: 9.5, lineHeight: 1.35, textAlign: 'left' },
  integrityPending: { fontSize: 9.5, lineHeight: 1.35, color: COLORS.muted, textAlign: 'left' },
  integrityHint: { fontSize: FONT_SIZES.fine, lineHeight: 1.3, color: COLORS.muted, textAlign: 'left' },
  // Space after the digest and after the chain head, before what follows them.
  valueEnd: { marginBottom: 4 },
});

/**
 * The chain head as printed: before the first custody event the head is
 * «0» (the QR keeps it, scanners compare it), which reads as a count; the
 * sheet says so in words.
 */
export function chainHeadLabel(chainHead: string): string {
  return chainHead === '0' ? 'sin movimientos aún' : chainHead;
}

/** Inventory rows: number, description, type, quantity, sheets; with totals under the table. */
export function InventoryTable(props: { items: InventoryLine[]; fontSize?: number }): React.ReactElement {
  const quantity = props.items.reduce((sum, item) => sum + item.quantity, 0);
  const sheets = props.items.reduce((sum, item) => sum + (item.sheets ?? 0), 0);
  return h(
    View,
    null,
    h(SimpleTable, {
      fontSize: props.fontSize,
      columns: [
        { header: 'No.', width: 0.6, align: 'center' },
        { header: 'Descripción', width: 6 },
        { header: 'Tipo', width: 1.8 },
        { header: 'Cantidad', width: 1.2, align: 'right' },
        { header: 'Fojas', width: 1, align: 'right' },
      ],
      rows: props.items.map((item, index) => [
        String(index + 1),
        item.description,
        item.type,
        formatInteger(item.quantity),
        item.sheets === null ? '—' : formatInteger(item.sheets),
      ]),
    }),
    h(Totals, {
      text: `${props.items.length === 1 ? '1 partida' : `${props.items.length} partidas`} · ${formatInteger(quantity)} ${quantity === 1 ? 'pieza' : 'piezas'} · ${formatInteger(sheets)} ${sheets === 1 ? 'foja' : 'fojas'}`,
    }),
  );
}

export function envelopeFields(envelope: EnvelopeInfo): LabeledValue[] {
  return [
    { label: 'Tamaño del sobre', value: envelope.envelopeSize },
    { label: 'Hojas que contiene', value: formatInteger(envelope.sheets) },
    { label: envelope.seals.length === 1 ? 'Sello de seguridad' : 'Sellos de seguridad', value: envelope.seals.join(', '), mono: true },
    ...(envelope.packingNotes ? [{ label: 'Empaque', value: envelope.packingNotes }] : []),
  ];
}

export function mediaLabel(media: MediaInfo): string {
  return [MEDIA_KIND_LABELS[media.kind], media.brand, media.model].filter((part) => part !== '').join(' · ');
}

export function mediaFields(media: MediaInfo): LabeledValue[] {
  return [
    { label: 'Medio', value: mediaLabel(media) },
    { label: 'Número de serie', value: media.serial, mono: true },
    { label: 'Capacidad', value: media.capacity },
    { label: 'Archivos cargados', value: `${formatInteger(media.files.length)} ${media.files.length === 1 ? 'archivo' : 'archivos'} · ${formatBytes(totalBytes(media.files))}` },
  ];
}

export function sanitisationFields(media: MediaInfo): LabeledValue[] {
  const s = media.sanitisation;
  return [
    { label: 'Método (NIST SP 800-88)', value: SANITISATION_METHOD_LABELS[s.method] },
    { label: 'Herramienta', value: s.tool },
    { label: 'Fecha', value: formatCivilDate(s.date) },
    { label: 'Realizó', value: s.performedBy },
    { label: 'Verificó', value: s.verifiedBy },
  ];
}

export function totalBytes(files: MediaFileLine[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

/**
 * Files with size and SHA-256. The hash is split in two lines of 32 so the
 * column stays narrow and the name keeps most of the width.
 */
export function FilesTable(props: { files: MediaFileLine[] }): React.ReactElement {
  return h(
    View,
    null,
    h(SimpleTable, {
      // 8 pt: 32 mono characters (154 pt) fit the hash column on letter and on A4.
      fontSize: 8,
      zebra: true,
      columns: [
        { header: 'No.', width: 0.55, align: 'center' },
        { header: 'Archivo', width: 4.4 },
        { header: 'Tamaño (bytes)', width: 1.45, align: 'right' },
        { header: 'SHA-256', width: 3.6, mono: true },
      ],
      rows: props.files.map((file, index): TableCell[] => [
        String(index + 1),
        wrapText(file.name, 44),
        formatInteger(file.size),
        // One Text whose only space falls mid-hash: the column fits 32 mono characters, not 65, so it always breaks there.
        `${file.sha256.slice(0, 32)} ${file.sha256.slice(32)}`,
      ]),
    }),
    h(Totals, { text: `${formatInteger(props.files.length)} ${props.files.length === 1 ? 'archivo' : 'archivos'} · ${formatBytes(totalBytes(props.files))}` }),
  );
}

/** The void notice under the title: why and when the sheet stopped being valid. */
export function VoidNotice(props: { voided: VoidInfo }): React.ReactElement {
  return h(
    Notice,
    { title: 'HOJA ANULADA: no debe firmarse ni entregarse.' },
    `${props.voided.reason} Anulada el ${formatDateTime(props.voided.at)}.`,
  );
}

export interface IntegrityBoxProps {
  qr: QrCode;
  contentDigest: string;
  chainHead: string;
  /** What to do with the box, e.g. how the recipient checks it. */
  hint?: string;
  qrSize?: number;
}

/** The line under a table that sums it up (partidas, piezas, fojas; archivos, bytes). */
function Totals(props: { text: string }): React.ReactElement {
  return h(Text, { style: styles.totals }, props.text);
}

/** QR next to the full digest and chain head, so the code and the printed text can be checked against each other. */
export function IntegrityBox(props: IntegrityBoxProps): React.ReactElement {
  const size = props.qrSize ?? 78;
  const digest = digestLines(props.contentDigest);
  return h(
    View,
    { style: styles.integrity, wrap: false },
    h(QrMark, { qr: props.qr, size }),
    h(
      View,
      { style: styles.integrityText },
      h(Text, { style: styles.integrityLabel }, 'HUELLA DEL CONTENIDO (SHA-256)'),
      ...digest.map((line, index) => h(Text, { key: index, style: [styles.integrityValue, index === digest.length - 1 ? styles.valueEnd : {}] }, line)),
      h(Text, { style: styles.integrityLabel }, 'CADENA DE CUSTODIA (ÚLTIMO ESLABÓN)'),
      props.chainHead === '0'
        ? h(Text, { style: [styles.integrityPending, styles.valueEnd] }, chainHeadLabel(props.chainHead))
        : h(Text, { style: [styles.integrityValue, styles.valueEnd] }, props.chainHead),
      props.hint ? h(Text, { style: styles.integrityHint }, props.hint) : null,
    ),
  );
}

/** Label/value list with the forms' usual label width. */
export function Fields(props: { fields: LabeledValue[]; labelWidth?: number }): React.ReactElement {
  return h(FieldList, { fields: props.fields, labelWidth: props.labelWidth ?? 138 });
}

export interface StepProps {
  text: React.ReactNode;
  code?: string[];
}

const stepStyles = StyleSheet.create({
  row: { flexDirection: 'row', marginBottom: 3 },
  marker: { width: 16, fontSize: FONT_SIZES.body, lineHeight: 1.35, fontWeight: 700, color: COLORS.guinda },
  body: { flex: 1 },
  text: { fontSize: FONT_SIZES.body, lineHeight: 1.35, marginBottom: 2 },
});

/** A numbered instruction with the commands to type under it. */
export function Step(props: StepProps & { number: number }): React.ReactElement {
  return h(
    View,
    { style: stepStyles.row, wrap: false },
    h(Text, { style: stepStyles.marker }, `${props.number}.`),
    h(View, { style: stepStyles.body }, h(Text, { style: stepStyles.text }, props.text), props.code ? h(CodeBlock, { lines: props.code }) : null),
  );
}

export interface FormFrameProps {
  /** The validated fields every form has. */
  base: { office: OfficeInfo; folio: string; pageSize: PageSizeName; reprint: number; voided: VoidInfo | null };
  /** Printed as the title, and (with the folio) the PDF's title. */
  title: string;
  /** Short name in the footer of every page. */
  formName: string;
  /** Banner text at the top (classification); none for public information. */
  banner: string | undefined;
  /** The folio line under the header; just the folio by default, none with `null`. */
  folioItems?: LabeledValue[] | null;
  orientation?: 'portrait' | 'landscape';
  /** Repeat the office header on every page (default); a long sheet prints it once and a running folio line after. */
  headerOnEveryPage?: boolean;
  documentSubject?: string;
  children?: React.ReactNode;
}

/**
 * The frame of every shipment form: document and page (size, footer,
 * banner, reprint and void marks), the office header, the folio line, the
 * title and, for a voided sheet, the notice saying why.
 */
export function FormFrame(props: FormFrameProps): React.ReactElement {
  const { base } = props;
  const folioItems = props.folioItems === undefined ? [{ label: 'Folio', value: base.folio, mono: true }] : props.folioItems;
  return h(
    OfficialDocument,
    { title: `${props.title} ${base.folio}`, ...(props.documentSubject ? { subject: props.documentSubject } : {}) },
    h(
      OfficialPage,
      {
        size: base.pageSize,
        ...(props.orientation ? { orientation: props.orientation } : {}),
        footerNote: footerNote(base.office, props.formName, base.folio),
        classification: props.banner,
        reprint: base.reprint,
        voided: base.voided !== null,
      },
      h(OfficeHeader, { office: base.office, folio: base.folio, repeat: props.headerOnEveryPage ?? true }),
      folioItems ? h(FolioLine, { items: folioItems }) : null,
      h(DocumentTitle, { title: props.title }),
      base.voided ? h(VoidNotice, { voided: base.voided }) : null,
      props.children,
    ),
  );
}

