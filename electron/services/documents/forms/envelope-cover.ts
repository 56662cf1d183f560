/**
 * Carátula de sobre (docs/DOMAIN.md, "The paper forms"): what goes on the
 * outside of a sealed envelope. It names sender, recipient, folio and seals,
 * and marks classified content in large type, but never prints the subject
 * or the inventory: the outside of the envelope must not reveal what is in it.
 *
 * - `renderEnvelopeCover`: a full letter (or A4) page, glued to the face of
 *   the envelope or used as its front sheet.
 * - `renderEnvelopeLabel`: the same data on label stock (see LABEL_SIZES).
 */
import React from 'react';
import type { z } from 'zod';
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { CLASSIFICATION_LABELS } from '../../../../shared/domain/shipments';
import { formatDateTime } from '../../../../shared/format/date';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { envelopeCoverSchema, envelopeLabelSchema, type ClassificationInfo, type EnvelopeCoverInput, type EnvelopeLabelInput, type LabelSize } from '../../../../shared/forms/form-inputs';
import { COLORS, FONTS, OfficeHeader, OfficialDocument, OfficialPage, QrMark, qrCode, type OfficeInfo, type QrCode } from '../components';
import { renderDocument } from '../render-document';
import { classificationBanner, digestLines, footerNote, formQrText, formatInteger } from './form-text';

const h = React.createElement;
const FORM = 'Carátula de sobre';

/**
 * Label stock Valija prints on:
 * - `media_carta`: half letter, 8.5 × 5.5 in landscape (two per letter sheet,
 *   cut in half), to glue on the face of a letter- or legal-size envelope
 *   (sobre bolsa carta 24 × 30.5 cm, oficio 25 × 35 cm);
 * - `etiqueta_4x2`: 4 × 2 in adhesive label (Avery 5163 sheets or a 4 × 2
 *   thermal roll), for small envelopes, media cases and boxes.
 */
export const LABEL_SIZES = {
  media_carta: { width: 612, height: 396, description: 'Media carta (8.5 × 5.5 in)' },
  etiqueta_4x2: { width: 288, height: 144, description: 'Etiqueta adhesiva 4 × 2 in' },
} as const satisfies Record<LabelSize, { width: number; height: number; description: string }>;

export type { EnvelopeCoverInput, EnvelopeLabelInput, LabelSize } from '../../../../shared/forms/form-inputs';
type ValidCover = z.output<typeof envelopeCoverSchema>;

/** The word stamped on classified envelopes; none for public information. */
export function classificationStamp(level: ClassificationInfo['level']): string | null {
  return level === 'publica' ? null : CLASSIFICATION_LABELS[level].toUpperCase();
}

const styles = StyleSheet.create({
  partyLabel: { fontWeight: 700, fontSize: 8.5, color: COLORS.guinda, letterSpacing: 1.5, marginBottom: 3 },
  sender: { borderLeftWidth: 3, borderLeftColor: COLORS.guinda, paddingLeft: 10, marginBottom: 18 },
  senderLine: { fontSize: 10, lineHeight: 1.35 },
  stampBox: { alignItems: 'center', marginVertical: 14 },
  stamp: {
    borderWidth: 3,
    borderColor: COLORS.guinda,
    color: COLORS.guinda,
    fontWeight: 700,
    fontSize: 46,
    letterSpacing: 6,
    paddingHorizontal: 22,
    paddingTop: 6,
    paddingBottom: 2,
    lineHeight: 1.15,
  },
  stampBasis: { fontSize: 8.5, color: COLORS.muted, textAlign: 'center', marginTop: 6, lineHeight: 1.3, maxWidth: 420 },
  recipient: { borderWidth: 1.25, borderColor: COLORS.text, padding: 16, marginVertical: 12 },
  recipientName: { fontSize: 17, fontWeight: 700, lineHeight: 1.3 },
  recipientLine: { fontSize: 12, lineHeight: 1.4 },
  recipientAddress: { fontSize: 10, color: COLORS.muted, lineHeight: 1.35, marginTop: 4 },
  dataRow: { flexDirection: 'row', alignItems: 'flex-start', marginTop: 10 },
  dataColumn: { flex: 1, marginRight: 18 },
  dataItem: { flexDirection: 'row', marginBottom: 5 },
  dataLabel: { width: 110, fontWeight: 700, fontSize: 9, color: COLORS.guinda, lineHeight: 1.3, paddingTop: 2 },
  dataValue: { flex: 1, fontSize: 12, lineHeight: 1.3 },
  seals: { flexDirection: 'row', flexWrap: 'wrap', flex: 1 },
  seal: { fontFamily: FONTS.mono, borderWidth: 1, borderColor: COLORS.text, fontSize: 12, paddingHorizontal: 6, paddingTop: 2, marginRight: 6, marginBottom: 5, lineHeight: 1.3 },
  qrColumn: { width: 150, alignItems: 'center' },
  digest: { fontSize: 7, lineHeight: 1.3, color: COLORS.muted, textAlign: 'center' },
  mono: { fontFamily: FONTS.mono },
  warning: { marginTop: 14, borderTopWidth: 0.75, borderTopColor: COLORS.guinda, paddingTop: 8, fontSize: 9.5, lineHeight: 1.4, textAlign: 'justify' },
});

function Seals(props: { seals: string[] }): React.ReactElement {
  return h(
    View,
    { style: styles.seals },
    ...props.seals.map((seal, index) => h(Text, { key: index, style: styles.seal }, seal)),
  );
}

function DataItem(props: { label: string; value: string; mono?: boolean; big?: boolean }): React.ReactElement {
  return h(
    View,
    { style: styles.dataItem },
    // A big value sits lower: push its label down to share the baseline.
    h(Text, { style: [styles.dataLabel, props.big ? { paddingTop: 5 } : {}] }, props.label),
    h(Text, { style: [styles.dataValue, props.mono ? styles.mono : {}, props.big ? { fontSize: 15, fontWeight: 700 } : {}] }, props.value),
  );
}

function contentLine(input: ValidCover): string {
  const parts: string[] = [CHANNEL_LABELS[input.channel]];
  if (input.envelopeSize) parts.push(`tamaño ${input.envelopeSize}`);
  if (input.sheets !== null) parts.push(`${formatInteger(input.sheets)} ${input.sheets === 1 ? 'hoja' : 'hojas'}`);
  return parts.join(' · ');
}

function senderLines(office: OfficeInfo): string[] {
  return [office.unit, office.institution, ...(office.address ? [office.address] : [])];
}

function EnvelopeCover(props: { input: ValidCover; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const r = input.recipient;
  const stamp = classificationStamp(input.classification.level);
  return h(
    OfficialDocument,
    { title: `Carátula de sobre ${input.folio}` },
    h(
      OfficialPage,
      {
        size: input.pageSize,
        footerNote: footerNote(input.office, 'Carátula de sobre', input.folio),
        classification: classificationBanner(input.classification.level),
        reprint: input.reprint,
        voided: input.voided !== null,
      },
      h(OfficeHeader, { office: input.office }),
      h(
        View,
        { style: styles.sender },
        h(Text, { style: styles.partyLabel }, 'REMITENTE'),
        ...senderLines(input.office).map((line, index) => h(Text, { key: index, style: styles.senderLine }, line)),
      ),
      stamp
        ? h(
            View,
            { style: styles.stampBox },
            h(Text, { style: styles.stamp }, stamp),
            h(Text, { style: styles.stampBasis }, `Información ${CLASSIFICATION_LABELS[input.classification.level].toLowerCase()}. Fundamento: ${input.classification.legalBasis}`),
          )
        : null,
      h(
        View,
        { style: styles.recipient },
        h(Text, { style: styles.partyLabel }, 'DESTINATARIO'),
        h(Text, { style: styles.recipientName }, r.name),
        h(Text, { style: styles.recipientLine }, r.position),
        h(Text, { style: [styles.recipientLine, { fontWeight: 700 }] }, `${r.agencyName} (${r.agencyAcronym})`),
        r.address ? h(Text, { style: styles.recipientAddress }, r.address) : null,
      ),
      h(
        View,
        { style: styles.dataRow },
        h(
          View,
          { style: styles.dataColumn },
          h(DataItem, { label: 'Folio', value: input.folio, mono: true, big: true }),
          input.coveringOficio ? h(DataItem, { label: 'Oficio', value: input.coveringOficio, mono: true }) : null,
          h(DataItem, { label: 'Contenido', value: contentLine(input) }),
          input.sealedAt ? h(DataItem, { label: 'Cerrado el', value: formatDateTime(input.sealedAt) }) : null,
          h(
            View,
            { style: styles.dataItem },
            h(Text, { style: styles.dataLabel }, input.seals.length === 1 ? 'Sello de seguridad' : 'Sellos de seguridad'),
            h(Seals, { seals: input.seals }),
          ),
        ),
        h(
          View,
          { style: styles.qrColumn },
          h(QrMark, { qr: props.qr, size: 96 }),
          h(Text, { style: [styles.digest, { marginTop: 4 }] }, 'Huella del contenido (SHA-256)'),
          ...digestLines(input.contentDigest).map((line, index) => h(Text, { key: index, style: [styles.digest, styles.mono] }, line)),
        ),
      ),
      h(
        Text,
        { style: styles.warning },
        stamp
          ? 'Sólo debe abrirlo la persona destinataria o quien ella designe por escrito. Antes de abrirlo, compruebe que los sellos estén íntegros y que sus números coincidan con los impresos; si no coinciden o muestran daño, no lo abra, levante constancia y comuníquese con el remitente.'
          : 'Antes de abrirlo, compruebe que los sellos estén íntegros y que sus números coincidan con los impresos; si no coinciden, no lo abra y comuníquese con el remitente.',
      ),
    ),
  );
}

/** Renders the full-page envelope cover. */
export async function renderEnvelopeCover(input: EnvelopeCoverInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, envelopeCoverSchema, input);
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(EnvelopeCover, { input: valid, qr }));
}

/* ------------------------------------------------------------------ */
/* Labels                                                              */
/* ------------------------------------------------------------------ */

const labelStyles = StyleSheet.create({
  marks: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' },
  mark: { fontWeight: 700, color: COLORS.white, backgroundColor: COLORS.guinda, paddingHorizontal: 5, paddingTop: 1.5, lineHeight: 1.2 },
  voidMark: { fontWeight: 700, color: COLORS.voidRed, borderWidth: 1, borderColor: COLORS.voidRed, paddingHorizontal: 5, paddingTop: 1.5, lineHeight: 1.2 },
  body: { flexDirection: 'row', flex: 1 },
  text: { flex: 1 },
  label: { fontWeight: 700, color: COLORS.guinda, letterSpacing: 1 },
});

interface LabelMetrics {
  pad: number;
  qr: number;
  folio: number;
  name: number;
  small: number;
  stamp: number;
}

const LABEL_METRICS: Record<LabelSize, LabelMetrics> = {
  media_carta: { pad: 26, qr: 104, folio: 20, name: 16, small: 9.5, stamp: 30 },
  etiqueta_4x2: { pad: 8, qr: 58, folio: 10.5, name: 8, small: 6.5, stamp: 9 },
};

function EnvelopeLabel(props: { input: ValidCover; size: LabelSize; qr: QrCode }): React.ReactElement {
  const { input, size } = props;
  const m = LABEL_METRICS[size];
  const r = input.recipient;
  const stamp = classificationStamp(input.classification.level);
  const small = size === 'etiqueta_4x2';
  const text = (fontSize: number, extra: object = {}) => ({ fontSize, lineHeight: 1.25, ...extra });
  const sealsText = small && input.seals.length > 3 ? `${input.seals.slice(0, 3).join(', ')} y ${input.seals.length - 3} más` : input.seals.join(', ');
  return h(
    OfficialDocument,
    { title: `Etiqueta de sobre ${input.folio}` },
    h(
      Page,
      { size: [LABEL_SIZES[size].width, LABEL_SIZES[size].height], style: { padding: m.pad, fontFamily: FONTS.sans, color: COLORS.text } },
      h(
        View,
        { style: [labelStyles.marks, { marginBottom: small ? 3 : 10 }] },
        // flex: 1 keeps a long office name from running under the marks on the right.
        h(Text, { style: text(m.small, { fontWeight: 700, color: COLORS.guinda, flex: 1, marginRight: 6 }) }, small ? input.office.acronym : `${input.office.acronym} · ${input.office.institution}`),
        h(
          View,
          { style: { flexDirection: 'row' } },
          input.voided ? h(Text, { style: [labelStyles.voidMark, { fontSize: m.small, marginLeft: 4 }] }, 'ANULADA') : null,
          input.reprint > 0 ? h(Text, { style: [labelStyles.mark, { fontSize: m.small, marginLeft: 4 }] }, `REIMPRESIÓN ${input.reprint}`) : null,
        ),
      ),
      h(
        View,
        { style: labelStyles.body },
        h(
          View,
          { style: [labelStyles.text, { marginRight: small ? 6 : 18 }] },
          stamp ? h(Text, { style: [text(m.stamp), { fontWeight: 700, color: COLORS.guinda, letterSpacing: small ? 1.5 : 4, marginBottom: small ? 2 : 8 }] }, stamp) : null,
          small ? null : h(Text, { style: [text(m.small), labelStyles.label] }, 'DESTINATARIO'),
          h(Text, { style: text(m.name, { fontWeight: 700 }) }, small ? `${r.agencyAcronym} · ${r.name}` : r.name),
          small ? null : h(Text, { style: text(m.small + 1.5) }, r.position),
          small ? null : h(Text, { style: text(m.small + 1.5, { fontWeight: 700 }) }, `${r.agencyName} (${r.agencyAcronym})`),
          !small && r.address ? h(Text, { style: text(m.small, { color: COLORS.muted, marginTop: 2 }) }, r.address) : null,
          h(Text, { style: text(m.folio, { fontFamily: FONTS.mono, fontWeight: 700, marginTop: small ? 3 : 14 }) }, input.folio),
          h(
            Text,
            { style: text(m.small, { marginTop: small ? 1 : 4 }) },
            h(Text, { style: { fontWeight: 700 } }, input.seals.length === 1 ? 'Sello: ' : 'Sellos: '),
            h(Text, { style: styles.mono }, sealsText),
          ),
          small ? null : h(Text, { style: text(m.small, { marginTop: 4, color: COLORS.muted }) }, `Remitente: ${input.office.unit}, ${input.office.institution}`),
        ),
        h(View, { style: { width: m.qr, alignItems: 'center' } }, h(QrMark, { qr: props.qr, size: m.qr })),
      ),
    ),
  );
}

/** Renders the envelope label on the chosen stock (one label per page). */
export async function renderEnvelopeLabel(input: EnvelopeLabelInput): Promise<Buffer> {
  const { labelSize, ...label } = parseFormInput(FORM, envelopeLabelSchema, input);
  const valid: ValidCover = { ...label, pageSize: 'LETTER' };
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(EnvelopeLabel, { input: valid, size: labelSize, qr }));
}
