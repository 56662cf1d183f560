/**
 * Directorio público de cuentas: the official social-network accounts of the
 * institution, and the personal ones whose holders asked to be listed, as the
 * office publishes them (octava of the 2019 policies: their names and list
 * are information of public interest). The same entries, in the same order,
 * as the CSV the directory exports; signed by whoever prints it.
 */
import React from 'react';
import type { z } from 'zod';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { publicDirectorySchema, type PublicDirectoryInput } from '../../../../shared/forms/form-inputs';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { DocumentTitle, FinePrint, FolioLine, OfficeHeader, OfficialDocument, OfficialPage, Paragraph, SignatureRow, SimpleTable } from '../components';
import { renderDocument } from '../render-document';

const h = React.createElement;
const FORM = 'Directorio público de cuentas';
export const PUBLIC_DIRECTORY_TITLE = 'Directorio de cuentas institucionales en redes sociales';

type ValidDirectory = z.output<typeof publicDirectorySchema>;
export type { PublicDirectoryInput } from '../../../../shared/forms/form-inputs';

function PublicDirectory(props: { input: ValidDirectory }): React.ReactElement {
  const { input } = props;
  return h(
    OfficialDocument,
    { title: PUBLIC_DIRECTORY_TITLE },
    h(
      OfficialPage,
      // Seven columns with addresses read better across the page.
      { size: input.pageSize, orientation: 'landscape', footerNote: `Valija · ${input.office.acronym} · ${FORM}` },
      h(OfficeHeader, { office: input.office, repeat: false }),
      h(FolioLine, {
        items: [
          { label: 'Cuentas', value: String(input.accounts.length) },
          { label: 'Impreso', value: formatDateTime(input.printedAt) },
        ],
      }),
      h(DocumentTitle, { title: PUBLIC_DIRECTORY_TITLE, subtitle: 'Información de interés público para el portal de transparencia' }),
      input.accounts.length === 0
        ? h(Paragraph, null, 'El directorio no tiene cuentas oficiales ni cuentas personales registradas para publicarse.')
        : h(SimpleTable, {
            zebra: true,
            fontSize: 8.5,
            columns: [
              // Addresses do not break (no spaces): their column is the widest.
              { header: 'Red social', width: 1.1 },
              { header: 'Cuenta', width: 1.7 },
              { header: 'Dirección', width: 4.4 },
              { header: 'Tipo', width: 2 },
              { header: 'Titular', width: 2.1 },
              { header: 'Área responsable', width: 2 },
              { header: 'Última validación', width: 1.3 },
            ],
            rows: input.accounts.map((a) => [a.network, { lines: [{ text: a.handle, bold: true }] }, a.url || '—', a.kind, a.holder || '—', a.area, formatCivilDate(a.lastValidatedOn)]),
          }),
      h(FinePrint, { text: 'Las contraseñas de estas cuentas están bajo resguardo de sus custodios; este directorio no las contiene. Los datos se validan periódicamente; la columna «Última validación» dice cuándo se comprobó cada cuenta por última vez.', marginTop: 8, lineHeight: 1.35 }),
      h(SignatureRow, { signatures: [{ caption: 'Elaboró', name: input.printedBy.fullName, position: input.printedBy.position }, { caption: 'Vo. Bo. Comunicación Social' }] }),
    ),
  );
}

export async function renderPublicDirectory(input: PublicDirectoryInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, publicDirectorySchema, input);
  return renderDocument(h(PublicDirectory, { input: valid }));
}
