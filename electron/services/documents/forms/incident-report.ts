/**
 * Reporte de incidente: theft, loss or unauthorised access to a social-network
 * account, and the security protocol's steps with their times (décima quinta
 * of the 2019 policies asks for such a protocol). Signed by whoever reports
 * and by the head of the area.
 */
import React from 'react';
import type { z } from 'zod';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { incidentReportSchema, type IncidentReportInput } from '../../../../shared/forms/form-inputs';
import { formatDateTime } from '../../../../shared/format/date';
import { DocumentTitle, FieldsWithQr, FolioLine, OfficeHeader, OfficialDocument, OfficialPage, Paragraph, SectionHeading, SignatureRow, SimpleTable, qrCode, type QrCode } from '../components';
import { renderDocument } from '../render-document';

const h = React.createElement;
const FORM = 'Reporte de incidente';
export const INCIDENT_REPORT_TITLE = 'Reporte de incidente de cuenta de red social';

type ValidReport = z.output<typeof incidentReportSchema>;
export type { IncidentReportInput } from '../../../../shared/forms/form-inputs';

function IncidentReport(props: { input: ValidReport; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const a = input.account;
  return h(
    OfficialDocument,
    { title: `${INCIDENT_REPORT_TITLE} ${input.code}` },
    h(
      OfficialPage,
      { size: input.pageSize, footerNote: `Valija · ${input.office.acronym} · ${FORM} · ${input.code}` },
      h(OfficeHeader, { office: input.office, folio: input.code }),
      h(FolioLine, {
        items: [
          { label: 'Incidente', value: input.code, mono: true },
          { label: 'Impreso', value: formatDateTime(input.printedAt) },
        ],
      }),
      h(DocumentTitle, { title: INCIDENT_REPORT_TITLE }),
      h(FieldsWithQr, {
        labelWidth: 130,
        fields: [
          { label: 'Cuenta', value: `${a.network} · ${a.handle}` },
          { label: 'Tipo y área', value: `${a.kind} · ${a.area}` },
          { label: 'Incidente', value: input.kind },
          { label: 'Abierto por', value: input.openedBy },
        ],
        qr: { qr: props.qr, size: 64, caption: ['Código del incidente'] },
      }),
      h(SectionHeading, null, 'Qué ocurrió'),
      h(Paragraph, null, input.description),
      h(SectionHeading, null, 'Protocolo de seguridad'),
      h(SimpleTable, {
        columns: [
          { header: 'Paso', width: 3 },
          { header: 'Fecha y hora', width: 2.6 },
          { header: 'Registró', width: 2 },
          { header: 'Nota', width: 3.4 },
        ],
        rows: input.steps.map((s) => [s.label, s.at ? formatDateTime(s.at) : 'Pendiente', s.recordedBy || '—', s.note || '—']),
      }),
      h(SignatureRow, {
        signatures: [
          { caption: 'Reportó', name: input.printedBy.fullName, position: input.printedBy.position },
          { caption: 'Jefatura del área' },
        ],
      }),
    ),
  );
}

/** Renders the incident report; its QR holds the incident's code. */
export async function renderIncidentReport(input: IncidentReportInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, incidentReportSchema, input);
  return renderDocument(h(IncidentReport, { input: valid, qr: qrCode(`VALIJA-INCIDENTE|${valid.code}`) }));
}
