/**
 * Resguardo de contraseña: the sheet a custodian of a social-network
 * account's password signs by hand, acknowledging the custody and the duties
 * the national transparency system's 2019 policies name (décima quinta:
 * whoever holds the password answers for its custody; a protocol covers
 * theft, loss or unauthorised access; the password is changed when a
 * custodian stops managing the account). It never carries the password: the
 * QR holds the code and the digest of the custody record it acknowledges.
 */
import React from 'react';
import type { z } from 'zod';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { custodyAcknowledgementSchema, type CustodyAcknowledgementInput } from '../../../../shared/forms/form-inputs';
import { formatCivilDate, formatDateTime } from '../../../../shared/format/date';
import { DocumentTitle, FieldList, FieldsWithQr, FolioLine, NumberedList, OfficeHeader, OfficialDocument, OfficialPage, Paragraph, SectionHeading, SignatureRow, Strong, qrCode, type QrCode } from '../components';
import { renderDocument } from '../render-document';

const h = React.createElement;
const FORM = 'Resguardo de contraseña';
export const CUSTODY_ACKNOWLEDGEMENT_TITLE = 'Resguardo de contraseña de cuenta de red social';

type ValidAcknowledgement = z.output<typeof custodyAcknowledgementSchema>;
export type { CustodyAcknowledgementInput } from '../../../../shared/forms/form-inputs';

/** What the custodian takes on, in the order the policies give it. */
export const CUSTODIAN_DUTIES = [
  'Resguardar la contraseña y los medios de acceso de la cuenta, y responder por su cuidado; guardarla sólo donde indica este resguardo, nunca en papel, mensajes ni en Valija.',
  'Avisar de inmediato a la jefatura del área y a Comunicación Social de cualquier sustracción, extravío o acceso no autorizado, para aplicar el protocolo de seguridad.',
  'Al dejar de gestionar la cuenta, entregar los accesos: la contraseña se cambiará y este resguardo quedará concluido.',
];

/** The QR: code and digest, separated as every Valija sheet code is; never the password. */
export function acknowledgementQrText(input: Pick<ValidAcknowledgement, 'code' | 'digest'>): string {
  return `VALIJA-RESGUARDO|${input.code}|${input.digest}`;
}

function CustodyAcknowledgement(props: { input: ValidAcknowledgement; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const a = input.account;
  return h(
    OfficialDocument,
    { title: `${CUSTODY_ACKNOWLEDGEMENT_TITLE} ${input.code}` },
    h(
      OfficialPage,
      { size: input.pageSize, reprint: input.reprint, footerNote: `Valija · ${input.office.acronym} · ${FORM} · ${input.code}` },
      h(OfficeHeader, { office: input.office, folio: input.code }),
      h(FolioLine, {
        items: [
          { label: 'Resguardo', value: input.code, mono: true },
          { label: 'Fecha', value: formatDateTime(input.printedAt) },
        ],
      }),
      h(DocumentTitle, { title: CUSTODY_ACKNOWLEDGEMENT_TITLE }),
      h(SectionHeading, null, 'Cuenta'),
      h(FieldList, {
        labelWidth: 130,
        fields: [
          { label: 'Cuenta', value: `${a.network} · ${a.handle}` },
          ...(a.url ? [{ label: 'Dirección', value: a.url }] : []),
          { label: 'Tipo y área', value: `${a.kind} · ${a.area}` },
        ],
      }),
      h(SectionHeading, null, 'Custodio'),
      h(FieldsWithQr, {
        labelWidth: 130,
        fields: [
          { label: 'Nombre y cargo', value: `${input.custodian.fullName}, ${input.custodian.position}` },
          { label: 'Área', value: input.custodian.area },
          { label: 'Custodia desde', value: formatCivilDate(input.startedOn) },
          { label: 'Dónde se guarda', value: input.keptIn },
          { label: 'Segundo factor', value: input.secondFactorHeldBy },
          { label: 'Recuperación', value: input.recoveryContact },
          { label: 'Huella', value: input.digest, mono: true, breakEvery: 32 },
        ],
        qr: { qr: props.qr, size: 72, caption: ['Código y huella del resguardo', '(no contiene la contraseña)'] },
      }),
      h(SectionHeading, null, 'Obligaciones del custodio'),
      h(
        Paragraph,
        null,
        h(Strong, null, 'Este resguardo no contiene la contraseña.'),
        ' Quien firma se compromete a (Políticas Generales para la Difusión de Información Pública mediante las Redes Sociales Digitales, décima quinta):',
      ),
      h(NumberedList, { items: CUSTODIAN_DUTIES }),
      h(SignatureRow, {
        signatures: [
          { caption: 'Entregó', name: input.handedOverBy.fullName, position: input.handedOverBy.position },
          { caption: 'Recibí el resguardo', name: input.custodian.fullName, position: input.custodian.position },
        ],
      }),
    ),
  );
}

/** Renders the resguardo; its QR holds the code and digest, never the password. */
export async function renderCustodyAcknowledgement(input: CustodyAcknowledgementInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, custodyAcknowledgementSchema, input);
  return renderDocument(h(CustodyAcknowledgement, { input: valid, qr: qrCode(acknowledgementQrText(valid)) }));
}
