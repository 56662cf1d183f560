/**
 * Acuse de recibo (docs/DOMAIN.md, "The paper forms"): travels with the shipment;
 * the recipient checks what arrived, writes name, position, date and time,
 * signs, stamps it with the agency's seal and returns it. Its scan closes
 * the shipment (state `entregado`).
 */
import React from 'react';
import type { z } from 'zod';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { receiptSchema, type ReceiptInput } from '../../../../shared/forms/form-inputs';
import {
  COLORS,
  FieldsWithQr,
  Paragraph,
  SectionHeading,
  SimpleTable,
  Strong,
  qrCode,
  type QrCode,
} from '../components';
import { renderDocument } from '../render-document';
import { Fields, FormFrame, InventoryTable, mediaLabel } from './content-blocks';
import { classificationBanner, classificationText, formQrText } from './form-text';

const h = React.createElement;
const FORM = 'Acuse de recibo';
export const RECEIPT_TITLE = 'Acuse de recibo';

const styles = StyleSheet.create({
  receiveRow: { flexDirection: 'row', marginTop: 4 },
  lines: { flex: 1, marginRight: 22 },
  line: { flexDirection: 'row', alignItems: 'flex-end', marginBottom: 7 },
  // The negative margin sets the label on the rule, as on a paper form (a Text box ends below its baseline).
  lineLabel: { width: 100, fontWeight: 700, fontSize: 9.5, color: COLORS.guinda, lineHeight: 1.2, marginBottom: -2 },
  lineRule: { flex: 1, borderBottomWidth: 0.75, borderBottomColor: COLORS.text, height: 14 },
  signatureRule: { flex: 1, borderBottomWidth: 0.75, borderBottomColor: COLORS.text, height: 28 },
  stampBox: { width: 150, height: 112, borderWidth: 1, borderColor: COLORS.guinda, borderStyle: 'dashed', alignItems: 'center', paddingTop: 6 },
  stampCaption: { fontSize: 8.5, fontWeight: 700, color: COLORS.guinda, lineHeight: 1.2 },
  check: { fontSize: 10, lineHeight: 1.4 },
});

export type { ReceiptInput } from '../../../../shared/forms/form-inputs';
type ValidReceipt = z.output<typeof receiptSchema>;

function Line(props: { label: string; signature?: boolean }): React.ReactElement {
  return h(
    View,
    { style: styles.line },
    h(Text, { style: styles.lineLabel }, props.label),
    h(View, { style: props.signature ? styles.signatureRule : styles.lineRule }),
  );
}

function Receipt(props: { input: ValidReceipt; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const r = input.recipient;
  return h(
    FormFrame,
    { base: input, title: RECEIPT_TITLE, formName: 'Acuse de recibo', banner: classificationBanner(input.classification.level) },
    h(FieldsWithQr, {
      labelWidth: 138,
      fields: [
        { label: 'Destinatario', value: `${r.name}, ${r.position} · ${r.agencyName} (${r.agencyAcronym})` },
        { label: 'Convenio', value: input.agreementNumber, mono: true },
        { label: 'Canal', value: CHANNEL_LABELS[input.channel] },
        ...(input.coveringOficio ? [{ label: 'Oficio', value: input.coveringOficio, mono: true }] : []),
        { label: 'Asunto', value: input.subject },
        { label: 'Clasificación', value: classificationText(input.classification) },
      ],
      qr: { qr: props.qr, size: 70, caption: ['Folio, huella', 'y cadena de custodia'] },
    }),
    h(SectionHeading, null, 'Contenido recibido'),
    h(InventoryTable, { items: input.inventory }),
    input.media
      ? h(Fields, {
          fields: [
            { label: 'Medio', value: mediaLabel(input.media) },
            { label: 'Número de serie', value: input.media.serial, mono: true },
            { label: 'Archivos', value: `${input.media.files.length}; verifique sus huellas con el manifiesto del medio.` },
          ],
        })
      : null,
    // The seals and the signature that vouches for them stay together: a «Recibí» alone on a page signs nothing.
    h(
      View,
      { wrap: false },
      input.seals.length > 0
        ? h(
            View,
            null,
            h(SectionHeading, null, 'Sellos de seguridad'),
            h(SimpleTable, {
              columns: [
                { header: 'Número de sello', width: 3, mono: true },
                { header: 'Íntegro', width: 1.2, align: 'center' },
                { header: 'Con daño o distinto', width: 1.8, align: 'center' },
              ],
              rows: input.seals.map((seal) => [seal, '☐', '☐']),
            }),
          )
        : null,
      h(SectionHeading, null, 'Recibí'),
      h(
        Paragraph,
        null,
        'Recibí el contenido descrito, con el folio ',
        h(Strong, null, input.folio),
        input.seals.length > 0 ? ', y verifiqué el estado de los sellos anotado arriba.' : '.',
      ),
      h(
        View,
        { style: styles.receiveRow },
        h(
          View,
          { style: styles.lines },
          h(Line, { label: 'Nombre' }),
          h(Line, { label: 'Cargo' }),
          h(Line, { label: 'Identificación' }),
          h(Line, { label: 'Fecha y hora' }),
          h(Line, { label: 'Firma', signature: true }),
        ),
        h(View, { style: styles.stampBox }, h(Text, { style: styles.stampCaption }, 'Sello de la dependencia')),
      ),
      h(
        Paragraph,
        null,
        'Devuelva este acuse firmado y sellado',
        input.returnTo ? [' a ', h(Strong, { key: 'r' }, input.returnTo)] : ' al remitente',
        '. Si algún sello no está íntegro o el contenido no coincide, anótelo en el reverso antes de firmar.',
      ),
    ),
  );
}

/** Renders the receipt for the recipient to sign, stamp and return. */
export async function renderReceipt(input: ReceiptInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, receiptSchema, input);
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(Receipt, { input: valid, qr }));
}
