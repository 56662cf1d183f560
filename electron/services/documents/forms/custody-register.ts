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
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { SHIPMENT_CHANNELS, type ShipmentChannel } from '../../../../shared/domain/shipments';
import { formatDateTime } from '../../../../shared/format/date';
import {
  COLORS,
  FinePrint,
  FieldsWithQr,
  SimpleTable,
  qrCode,
  type QrCode,
  renderDocument,
  type TableCell,
  type TableLine,
} from '../toolkit';
import { FormFrame, chainHeadLabel } from './content-blocks';
import { validateSeals } from './content-input';
import {
  MAX_TEXT,
  classificationBanner,
  classificationText,
  formQrText,
  invalid,
  optionalText,
  requireArray,
  requireIsoDate,
  requireText,
  validateBase,
  validateClassification,
  validateRecipient,
  type ClassificationInfo,
  type RecipientInfo,
  type ShipmentFormBase,
} from './form-input';

const h = React.createElement;
const FORM = 'Registro de cadena de custodia';
export const CUSTODY_REGISTER_TITLE = 'Registro de cadena de custodia';

export interface CustodyParty {
  name: string;
  position: string;
  institution: string;
  /** Official ID shown on receipt (e.g. "INE 1234567890", "Gafete FGEO-0231"). */
  identification?: string;
}

export interface CustodyEventLine {
  /** ISO-8601. */
  at: string;
  /** Already labelled, e.g. "Sellado", "Entrega a mensajería", "Recepción en destino". */
  type: string;
  from: CustodyParty;
  to: CustodyParty;
  place: string;
  purpose: string;
  sealsSeen: string[];
  /** Whether the seals seen were intact; null when not checked. */
  sealsIntact: boolean | null;
  remarks?: string;
  /** Who recorded the event in Valija. */
  recordedBy: string;
  /** Short form of the event's chain hash, printed so the paper can be matched to the record. */
  hash?: string;
}

export interface CustodyRegisterInput extends ShipmentFormBase {
  recipient: RecipientInfo;
  classification: ClassificationInfo;
  channel: ShipmentChannel;
  /** Seal numbers placed when the package was sealed. */
  seals: string[];
  /** e.g. "Sobre bolsa oficio, 45 hojas" or "Memoria USB Kingston, serie …". */
  packageDescription: string;
  events: CustodyEventLine[];
  /** Blank rows after the events; by default enough to fill the page, at least 4. */
  blankRows?: number;
}

const MIN_BLANK_ROWS = 4;
const BLANK_ROW_HEIGHT = 86;

const styles = StyleSheet.create({
  blankLine: { flexDirection: 'row', alignItems: 'flex-end', marginBottom: 4 },
  blankLabel: { fontSize: 6.5, color: COLORS.muted, width: 40, lineHeight: 1.2 },
  blankRule: { flex: 1, borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, height: 9 },
  signatureRule: { flex: 1, borderBottomWidth: 0.75, borderBottomColor: COLORS.text, height: 20 },
  check: { fontSize: 7.5, lineHeight: 1.5 },
});

function validParty(value: unknown, what: string): CustodyParty {
  if (typeof value !== 'object' || value === null) invalid(FORM, `Faltan los datos de ${what}`);
  const p = value as Partial<CustodyParty>;
  const identification = optionalText(FORM, p.identification, `identificación de ${what}`, 120);
  return {
    name: requireText(FORM, p.name, `el nombre de ${what}`),
    position: optionalText(FORM, p.position, `cargo de ${what}`, 300),
    institution: optionalText(FORM, p.institution, `institución de ${what}`, 300),
    ...(identification ? { identification } : {}),
  };
}

function validate(input: CustodyRegisterInput) {
  const base = validateBase(FORM, input);
  if (!SHIPMENT_CHANNELS.includes(input.channel)) invalid(FORM, 'El canal de envío no es válido');
  const events = requireArray<Partial<CustodyEventLine>>(FORM, input.events, 'los eventos de custodia', 1000).map((e, index) => {
    const what = `el evento ${index + 1}`;
    if (typeof e !== 'object' || e === null) invalid(FORM, `Faltan los datos de ${what}`);
    if (e.sealsIntact !== null && e.sealsIntact !== undefined && typeof e.sealsIntact !== 'boolean') invalid(FORM, `El estado de los sellos de ${what} no es válido`);
    return {
      at: requireIsoDate(FORM, e.at, `fecha de ${what}`),
      type: requireText(FORM, e.type, `el tipo de ${what}`, 120),
      from: validParty(e.from, `quien entrega en ${what}`),
      to: validParty(e.to, `quien recibe en ${what}`),
      place: optionalText(FORM, e.place, `lugar de ${what}`, 300),
      purpose: optionalText(FORM, e.purpose, `propósito de ${what}`, 500),
      sealsSeen: validateSeals(FORM, e.sealsSeen ?? []),
      sealsIntact: e.sealsIntact ?? null,
      remarks: optionalText(FORM, e.remarks, `observaciones de ${what}`, MAX_TEXT),
      recordedBy: requireText(FORM, e.recordedBy, `quién registró ${what}`),
      hash: optionalText(FORM, e.hash, `huella de ${what}`, 64),
    };
  });
  const blankRows = input.blankRows ?? defaultBlankRows(events.length, base.pageSize);
  if (!Number.isInteger(blankRows) || blankRows < 0 || blankRows > 200) invalid(FORM, 'El número de renglones en blanco no es válido');
  return {
    ...base,
    recipient: validateRecipient(FORM, input.recipient),
    classification: validateClassification(FORM, input.classification),
    channel: input.channel,
    seals: validateSeals(FORM, input.seals),
    packageDescription: requireText(FORM, input.packageDescription, 'la descripción del paquete', 300),
    events,
    blankRows,
  };
}
type ValidRegister = ReturnType<typeof validate>;
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
function partyCell(p: CustodyParty): TableCell {
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
  const valid = validate(input);
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(CustodyRegister, { input: valid, qr }));
}
