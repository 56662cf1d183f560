/**
 * Registro de cadena de custodia (docs/DOMAIN.md, "The paper forms"): one row per
 * handoff already recorded in Valija, then blank rows with signature cells
 * for the handoffs still to come, in the manner of the continuity blocks of
 * Mexico's national "Registro de Cadena de Custodia" form (who hands over,
 * who receives, when, where, for what, and the state of the seals). The
 * sheet travels with the package; each person signs at each handoff.
 * Landscape, because a continuity row has eight columns.
 */
import React from 'react';
import type { z } from 'zod';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { formatDateTime } from '../../../../shared/format/date';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { custodyRegisterSchema, type CustodyRegisterInput } from '../../../../shared/forms/form-inputs';
import {
  COLORS,
  FinePrint,
  FieldsWithQr,
  SimpleTable,
  qrCode,
  type QrCode,
  type TableCell,
  type TableLine,
} from '../components';
import { renderDocument } from '../render-document';
import { FormFrame, chainHeadLabel } from './content-blocks';
import { classificationBanner, classificationText, formQrText } from './form-text';

const h = React.createElement;
const FORM = 'Registro de cadena de custodia';
export const CUSTODY_REGISTER_TITLE = 'Registro de cadena de custodia';

const MIN_BLANK_ROWS = 4;
const BLANK_ROW_HEIGHT = 86;

const styles = StyleSheet.create({
  blankLine: { flexDirection: 'row', alignItems: 'flex-end', marginBottom: 4 },
  blankLabel: { fontSize: 6.5, color: COLORS.muted, width: 40, lineHeight: 1.2 },
  blankRule: { flex: 1, borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, height: 9 },
  signatureRule: { flex: 1, borderBottomWidth: 0.75, borderBottomColor: COLORS.text, height: 20 },
  check: { fontSize: 7.5, lineHeight: 1.5 },
});

export type { CustodyEventLine, CustodyParty, CustodyRegisterInput } from '../../../../shared/forms/form-inputs';
type ValidRegister = z.output<typeof custodyRegisterSchema> & { blankRows: number };
type ValidEvent = ValidRegister['events'][number];

/**
 * Blank rows that fill the page where the register ends, never fewer than 4.
 * Heights are estimates in points (a recorded row is usually 4–5 lines of
 * 7.5 pt): react-pdf gives no layout back before rendering, and a row too many
 * only starts a page that the next handoffs will use anyway.
 */
export function defaultBlankRows(eventCount: number, pageSize: 'LETTER' | 'A4' = 'LETTER'): number {
  const pageHeight = pageSize === 'A4' ? 595 : 612;
  const body = pageHeight - 44 - 60;
  const firstPage = body - 235; // header, title, package data, table header
  const nextPage = body - 95; // repeated header and table header
  const eventRow = 70;
  let free = firstPage;
  for (let i = 0; i < eventCount; i += 1) {
    if (free < eventRow) free = nextPage;
    free -= eventRow;
  }
  const here = Math.floor(free / BLANK_ROW_HEIGHT);
  if (here >= MIN_BLANK_ROWS) return here;
  const more = Math.floor(nextPage / BLANK_ROW_HEIGHT);
  return Math.max(MIN_BLANK_ROWS, here + more);
}

/** A person in a handoff: name in bold, then position, institution and ID in smaller grey type. */
function partyCell(p: ValidEvent['from']): TableCell {
  const lines: TableLine[] = [{ text: p.name, bold: true }];
  if (p.position) lines.push({ text: p.position });
  if (p.institution) lines.push({ text: p.institution, size: 7, muted: true });
  if (p.identification) lines.push({ text: `Identificación: ${p.identification}`, size: 7, muted: true });
  return { lines };
}

function Blank(props: { label: string; signature?: boolean }): React.ReactElement {
  return h(
    View,
    { style: styles.blankLine },
    h(Text, { style: [styles.blankLabel, props.signature ? { fontWeight: 700, color: COLORS.text } : {}] }, props.label),
    h(View, { style: props.signature ? styles.signatureRule : styles.blankRule }),
  );
}

function sealsCell(event: ValidEvent): TableCell {
  const state = event.sealsIntact === null ? 'No verificados' : event.sealsIntact ? 'Íntegros: sí' : 'Íntegros: NO';
  return [...(event.sealsSeen.length > 0 ? event.sealsSeen : ['—']), state];
}

function eventRow(event: ValidEvent, index: number): TableCell[] {
  return [
    String(index + 1),
    [formatDateTime(event.at), ...(event.place ? [event.place] : [])],
    [event.type, ...(event.purpose ? [event.purpose] : [])],
    partyCell(event.from),
    partyCell(event.to),
    sealsCell(event),
    event.remarks,
    // The hash is one unbreakable token: small grey mono so it fits the column.
    { lines: [{ text: event.recordedBy }, ...(event.hash ? [{ text: event.hash, mono: true, muted: true, size: 6.5, gapBefore: 2 }] : [])] },
  ];
}

type BlankItem = { label: string; signature?: boolean } | { check: string };

/** A cell of labelled blanks to fill in by hand, and tick boxes. */
function blanksCell(items: readonly BlankItem[]): React.ReactElement {
  return h(View, null, ...items.map((item, key) => ('check' in item ? h(Text, { key, style: styles.check }, item.check) : h(Blank, { key, ...item }))));
}

function blankRow(index: number): TableCell[] {
  const who = (receives: boolean) =>
    blanksCell([{ label: 'Nombre' }, { label: 'Cargo' }, { label: 'Institución' }, ...(receives ? [{ label: 'Identific.' }] : []), { label: 'Firma', signature: true }]);
  return [
    String(index + 1),
    blanksCell([{ label: 'Fecha' }, { label: 'Hora' }, { label: 'Lugar' }]),
    blanksCell([{ label: 'Tipo' }, { label: 'Propósito' }]),
    who(false),
    who(true),
    blanksCell([{ check: '☐ Íntegros' }, { check: '☐ Con daño o distintos' }, { label: 'Núms.' }]),
    '',
    '',
  ];
}

function CustodyRegister(props: { input: ValidRegister; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const r = input.recipient;
  const rows = [...input.events.map(eventRow), ...Array.from({ length: input.blankRows }, (_, i) => blankRow(input.events.length + i))];
  return h(
    FormFrame,
    { base: input, title: CUSTODY_REGISTER_TITLE, formName: 'Cadena de custodia', banner: classificationBanner(input.classification.level), orientation: 'landscape' },
    h(FieldsWithQr, {
      labelWidth: 130,
      fields: [
        { label: 'Destinatario', value: `${r.name}, ${r.position} · ${r.agencyName} (${r.agencyAcronym})` },
        { label: 'Paquete', value: `${CHANNEL_LABELS[input.channel]} · ${input.packageDescription}` },
        { label: input.seals.length === 1 ? 'Sello colocado' : 'Sellos colocados', value: input.seals.length > 0 ? input.seals.join(', ') : 'Sin sellos', mono: true },
        { label: 'Clasificación', value: classificationText(input.classification) },
      ],
      qr: { qr: props.qr, size: 50, caption: `Último eslabón: ${chainHeadLabel(input.chainHead)}` },
    }),
    h(View, { style: { height: 6 } }),
    h(SimpleTable, {
      fontSize: 7.5,
      columns: [
        { header: 'No.', width: 0.45, align: 'center' },
        { header: 'Fecha y lugar', width: 1.45 },
        { header: 'Movimiento', width: 1.5 },
        { header: 'Entrega', width: 2.1 },
        { header: 'Recibe', width: 2.25 },
        { header: 'Sellos', width: 1.3 },
        { header: 'Observaciones', width: 1.55 },
        { header: 'Registró', width: 1.4 },
      ],
      rows,
      minRowHeight: undefined,
    }),
    h(FinePrint, {
        marginTop: 6, lineHeight: 1.35,
        text: 'En cada entrega, quien recibe revisa que los sellos estén íntegros y que sus números coincidan con los registrados antes de firmar; si no coinciden, lo anota en Observaciones. Este registro acompaña al paquete hasta su destino y cada movimiento se captura en Valija.',
      }),
  );
}

/** Renders the chain-of-custody register (landscape). */
export async function renderCustodyRegister(input: CustodyRegisterInput): Promise<Buffer> {
  const parsed = parseFormInput(FORM, custodyRegisterSchema, input);
  const valid: ValidRegister = { ...parsed, blankRows: parsed.blankRows ?? defaultBlankRows(parsed.events.length, parsed.pageSize) };
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(CustodyRegister, { input: valid, qr }));
}
