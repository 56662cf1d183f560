import React from 'react';
import { CHANNEL_LABELS } from '../../../shared/domain/agencies';
import { CLASSIFICATION_LABELS, MEDIA_KIND_LABELS, type ApprovalSheet, type Shipment } from '../../../shared/domain/shipments';
import { formatCivilDate, formatDateTime } from '../../../shared/format/date';
import {
  DocumentTitle,
  FieldsWithQr,
  Notice,
  OfficeHeader,
  OfficialDocument,
  OfficialPage,
  qrPngDataUrl,
  renderDocument,
  SectionHeading,
  SignatureRow,
  SimpleTable,
  type OfficeInfo,
} from '../documents';

const h = React.createElement;

export const APPROVAL_SHEET_TITLE = 'Formato de autorización de envío';

export interface ApprovalSheetInput {
  office: OfficeInfo;
  shipment: Shipment;
  sheet: ApprovalSheet;
  agency: { acronym: string; name: string };
  recipient: { fullName: string; position: string };
}

/** What the QR carries: folio and content digest, so a scanner can find the shipment and check it is unchanged. */
export function sheetQrText(sheet: ApprovalSheet): string {
  return `VALIJA|${sheet.folio}|${sheet.digest}`;
}

/** Who approved the legal review that this sheet followed. */
function reviewerOf(s: Shipment, sheet: ApprovalSheet): string {
  const approvals = s.history.filter((e) => e.action === 'aprobar_revision' && e.at <= sheet.generatedAt);
  return approvals.at(-1)?.actor.fullName ?? '';
}

/**
 * A plain approval sheet with the data the Director signs for (issue 5). The
 * paper-forms issue finishes its design; it is rendered from the stored sheet
 * record, so printing it again gives the same content.
 */
export async function renderApprovalSheet(input: ApprovalSheetInput): Promise<Buffer> {
  const { shipment: s, sheet } = input;
  const c = s.content;
  const qr = await qrPngDataUrl(sheetQrText(sheet));
  const classification = CLASSIFICATION_LABELS[c.classification];
  const channelRows: { label: string; value: string; mono?: boolean }[] = [];
  if (c.envelope) {
    channelRows.push({ label: 'Sobre', value: `${c.envelope.envelopeSize}, ${c.envelope.sheets} hojas` }, { label: 'Sellos', value: c.envelope.seals.join(', ') });
  }
  if (c.media) {
    channelRows.push(
      { label: 'Medio', value: `${MEDIA_KIND_LABELS[c.media.kind]} ${c.media.brand} ${c.media.model}`.trim() },
      { label: 'Número de serie', value: c.media.serial, mono: true },
      { label: 'Borrado seguro', value: `${c.media.sanitisation.method === 'purge' ? 'Purga' : 'Limpieza'} con ${c.media.sanitisation.tool}, ${formatCivilDate(c.media.sanitisation.date)}` },
    );
  }
  return renderDocument(
    h(
      OfficialDocument,
      { title: APPROVAL_SHEET_TITLE, subject: sheet.folio },
      h(
        OfficialPage,
        { footerNote: `Valija · ${input.office.acronym} · Autorización · Folio ${sheet.folio}`, classification: c.classification === 'publica' ? undefined : classification.toUpperCase() },
        h(OfficeHeader, { office: input.office }),
        h(DocumentTitle, { title: APPROVAL_SHEET_TITLE, subtitle: `Folio ${sheet.folio} · hoja ${sheet.version}` }),
        sheet.voidedAt ? h(Notice, { title: 'HOJA ANULADA' }, `${sheet.voidReason ?? ''} Anulada el ${formatDateTime(sheet.voidedAt)}.`) : null,
        h(FieldsWithQr, {
          labelWidth: 130,
          fields: [
            { label: 'Folio', value: sheet.folio, mono: true },
            { label: 'Dependencia', value: `${input.agency.acronym} · ${input.agency.name}` },
            { label: 'Destinatario', value: `${input.recipient.fullName}, ${input.recipient.position}` },
            { label: 'Convenio', value: sheet.agreementNumber },
            { label: 'Canal', value: CHANNEL_LABELS[c.channel] },
            { label: 'Asunto', value: c.subject },
            { label: 'Clasificación', value: c.classification === 'publica' ? classification : `${classification} · ${c.legalBasis}` },
            ...(c.coveringOficio ? [{ label: 'Oficio', value: c.coveringOficio }] : []),
            ...channelRows,
            { label: 'Huella del contenido', value: sheet.digest, mono: true, breakEvery: 32 },
            { label: 'Generada', value: formatDateTime(sheet.generatedAt) },
          ],
          qr: { dataUrl: qr, size: 76, caption: ['Folio y huella', 'del contenido'] },
        }),
        h(SectionHeading, null, 'Inventario'),
        h(SimpleTable, {
          columns: [
            { header: 'Descripción', width: 6 },
            { header: 'Tipo', width: 2 },
            { header: 'Cantidad', width: 1, align: 'right' },
            { header: 'Fojas', width: 1, align: 'right' },
          ],
          rows: c.inventory.map((i) => [i.description, i.type, String(i.quantity), i.sheets === null ? '' : String(i.sheets)]),
        }),
        c.media
          ? h(SimpleTable, {
              columns: [
                { header: 'Archivo', width: 4 },
                { header: 'Bytes', width: 2, align: 'right' },
                { header: 'SHA-256', width: 6, mono: true },
              ],
              rows: c.media.files.map((f) => [f.name, String(f.size), f.sha256]),
            })
          : null,
        h(SignatureRow, {
          signatures: [
            { caption: 'Elaboró', name: s.preparedBy.fullName },
            { caption: 'Revisó (Jurídico)', name: reviewerOf(s, sheet) },
            { caption: 'Autorizó (Director General)' },
          ],
        }),
      ),
    ),
  );
}
