/**
 * Formato de autorización: the sheet the Director General signs to let a
 * shipment leave (docs/DOMAIN.md, "The paper forms"). It carries everything the
 * signers vouch for (recipient, agreement, channel, classification, the
 * inventory and, for a sealed envelope or a medium, their details) and the
 * content digest in full beside the QR, so a later change is visible.
 */
import React from 'react';
import type { z } from 'zod';
import { StyleSheet, View } from '@react-pdf/renderer';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { formatDateTime } from '../../../../shared/format/date';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { approvalFormSchema, type ApprovalFormInput } from '../../../../shared/forms/form-inputs';
import {
  FinePrint,
  Paragraph,
  SectionHeading,
  SignatureRow,
  qrCode,
  type QrCode,
} from '../components';
import { renderDocument } from '../render-document';
import { envelopeFields, Fields, FilesTable, FormFrame, IntegrityBox, InventoryTable, mediaFields, sanitisationFields } from './content-blocks';
import { classificationBanner, classificationText, formQrText } from './form-text';

const h = React.createElement;
const FORM = 'Formato de autorización';
export const APPROVAL_FORM_TITLE = 'Formato de autorización de envío de información';

export type { ApprovalFormInput, ApprovalSigners } from '../../../../shared/forms/form-inputs';
type ValidApprovalForm = z.output<typeof approvalFormSchema>;

const styles = StyleSheet.create({
  topRow: { flexDirection: 'row', alignItems: 'flex-start' },
  topFields: { flex: 1 },
  closing: { marginTop: 6 },
});

function ApprovalForm(props: { input: ValidApprovalForm; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const r = input.recipient;
  const fields = [
    { label: 'Dependencia destinataria', value: `${r.agencyName} (${r.agencyAcronym})` },
    { label: 'Destinatario', value: r.name },
    { label: 'Cargo', value: r.position },
    { label: 'Convenio de colaboración', value: input.agreementNumber, mono: true },
    { label: 'Canal de envío', value: CHANNEL_LABELS[input.channel] },
    ...(input.coveringOficio ? [{ label: 'Oficio de remisión', value: input.coveringOficio, mono: true }] : []),
    { label: 'Asunto', value: input.subject },
    { label: 'Clasificación', value: classificationText(input.classification) },
  ];
  let section = 0;
  const heading = (text: string) => {
    section += 1;
    return h(SectionHeading, null, `${section}. ${text}`);
  };
  return h(
    FormFrame,
    {
      base: input,
      title: APPROVAL_FORM_TITLE,
      formName: 'Formato de autorización',
      banner: classificationBanner(input.classification.level),
      documentSubject: input.subject,
      // The heaviest sheet: the full header once, then a running line with acronym and folio.
      headerOnEveryPage: false,
      folioItems: [
        { label: 'Folio', value: input.folio, mono: true },
        // «Hoja 1» beside «Página 1 de 2» read as a second page number: only a sheet prepared again says its version.
        ...(input.sheetVersion > 1 ? [{ label: 'Versión de la hoja', value: String(input.sheetVersion) }] : []),
        { label: 'Fecha de elaboración', value: formatDateTime(input.generatedAt) },
      ],
    },
    heading('Datos del envío'),
    h(Fields, { fields, labelWidth: 150 }),
    heading('Inventario del contenido'),
    h(InventoryTable, { items: input.inventory }),
    input.envelope ? heading('Sobre cerrado') : null,
    input.envelope ? h(Fields, { fields: envelopeFields(input.envelope), labelWidth: 150 }) : null,
    ...(input.media
      ? [
          heading('Medio magnético'),
          h(Fields, { fields: mediaFields(input.media), labelWidth: 150 }),
          h(SectionHeading, null, 'Borrado seguro previo a la carga'),
          h(Fields, { fields: sanitisationFields(input.media), labelWidth: 150 }),
          h(SectionHeading, null, 'Archivos cargados'),
          h(FilesTable, { files: input.media.files }),
        ]
      : []),
    input.notes ? heading('Observaciones') : null,
    input.notes ? h(Paragraph, null, input.notes) : null,
    // Integrity, signatures and legend stay together: a signature page without the digest could be swapped.
    h(
      View,
      { wrap: false, style: styles.closing },
      heading('Integridad y autorización'),
      h(IntegrityBox, {
        qr: props.qr,
        contentDigest: input.contentDigest,
        chainHead: input.chainHead,
        hint: 'El QR contiene folio, huella y último eslabón. Si el contenido cambia, la huella cambia y esta hoja deja de valer.',
      }),
      h(SignatureRow, {
        signatures: [
          { caption: 'Elaboró', ...input.signers.preparedBy },
          { caption: 'Revisó (Jurídico)', ...input.signers.reviewedBy },
          { caption: 'Autorizó (Director General)', ...input.signers.authorizedBy },
        ],
      }),
      h(FinePrint, {
          marginTop: 8, lineHeight: 1.3, align: 'justify',
          text: 'Con su firma, quien autoriza hace constar que la información descrita puede entregarse a la dependencia destinataria en los términos del convenio de colaboración citado. La hoja firmada se digitaliza y se registra en Valija; no se admiten enmiendas ni tachaduras.',
        }),
    ),
  );
}

/** Renders the approval form (letter or A4). */
export async function renderApprovalForm(input: ApprovalFormInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, approvalFormSchema, input);
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(ApprovalForm, { input: valid, qr }));
}
