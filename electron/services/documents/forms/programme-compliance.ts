/**
 * «Cumplimiento del programa anual de comunicación»: the goals of the
 * programme against the releases counted, and each programme date against
 * whether a release was published for it, for a month or a year. Signed by
 * whoever prints it and by the head of Comunicación Social.
 */
import React from 'react';
import type { z } from 'zod';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { programmeComplianceSchema, type ProgrammeComplianceInput } from '../../../../shared/forms/programme-compliance-input';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { DocumentTitle, FolioLine, OfficeHeader, OfficialDocument, OfficialPage, Paragraph, SectionHeading, SignatureRow, SimpleTable } from '../components';
import { renderDocument } from '../render-document';

const h = React.createElement;
const FORM = 'Cumplimiento del programa anual';
export const PROGRAMME_COMPLIANCE_TITLE = 'Cumplimiento del programa anual de comunicación';

type Valid = z.output<typeof programmeComplianceSchema>;
export type { ProgrammeComplianceInput } from '../../../../shared/forms/programme-compliance-input';

function ProgrammeCompliance(props: { input: Valid }): React.ReactElement {
  const { input } = props;
  return h(
    OfficialDocument,
    { title: `${PROGRAMME_COMPLIANCE_TITLE}, ${input.period}` },
    h(
      OfficialPage,
      { size: input.pageSize, footerNote: `Valija · ${input.office.acronym} · ${FORM} · ${input.period}` },
      h(OfficeHeader, { office: input.office, folio: input.period }),
      h(FolioLine, {
        items: [
          { label: 'Periodo', value: input.period },
          { label: 'Corte', value: formatCivilDate(input.today) },
          { label: 'Impreso', value: formatDateTime(input.printedAt) },
        ],
      }),
      h(DocumentTitle, { title: PROGRAMME_COMPLIANCE_TITLE, subtitle: input.programmeTitle }),
      h(SectionHeading, null, 'Metas del programa'),
      input.goals.length === 0
        ? h(Paragraph, null, 'El programa no tiene metas para este periodo.')
        : h(SimpleTable, {
            columns: [
              { header: 'Meta', width: 4.4 },
              { header: 'Esperadas', width: 1.2, align: 'right' },
              { header: 'Publicadas', width: 1.3, align: 'right' },
              { header: 'Planeadas', width: 1.2, align: 'right' },
              { header: 'Estado', width: 2.4 },
            ],
            rows: input.goals.map((g) => [g.concept, String(g.expected), String(g.published), String(g.planned), { lines: [{ text: g.status, bold: !g.met }] }]),
          }),
      h(SectionHeading, null, 'Fechas del programa'),
      input.dates.length === 0
        ? h(Paragraph, null, 'El programa no tiene fechas en este periodo.')
        : h(SimpleTable, {
            columns: [
              { header: 'Fecha del programa', width: 4.2 },
              { header: 'Día', width: 2.4 },
              { header: 'Estado', width: 1.7 },
              { header: 'Difusiones', width: 2.2 },
            ],
            rows: input.dates.map((d) => [d.title, d.when, d.status, d.releases || '—']),
            zebra: true,
            fontSize: 8.5,
          }),
      h(SectionHeading, null, 'Difusiones publicadas por tipo'),
      input.publishedByKind.length === 0
        ? h(Paragraph, null, 'No se publicó ninguna difusión en este periodo.')
        : h(SimpleTable, {
            columns: [
              { header: 'Tipo', width: 5 },
              { header: 'Publicadas', width: 1.5, align: 'right' },
            ],
            rows: input.publishedByKind.map((k) => [k.kind, String(k.count)]),
          }),
      h(SignatureRow, {
        signatures: [
          { caption: 'Elaboró', name: input.printedBy.fullName, position: input.printedBy.position },
          { caption: 'Titular de Comunicación Social' },
        ],
      }),
    ),
  );
}

export async function renderProgrammeCompliance(input: ProgrammeComplianceInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, programmeComplianceSchema, input);
  return renderDocument(h(ProgrammeCompliance, { input: valid }));
}
