/**
 * Formato de autorización de difusión: the sheet the Director General signs
 * by hand before a release goes to the media or to the official networks
 * (directive 6.1.4, sections B and C; docs/DOMAIN.md, «The paper forms»).
 * It prints the whole text and every material with its SHA-256, so the
 * signature covers exactly what will be published; the content digest is
 * printed in full and in the QR with the folio and the sheet version, so a
 * sheet of an earlier version cannot pass for the current one.
 */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { CLASSIFICATION_LABELS } from '../../../../shared/domain/shipments';
import { formatDateTime } from '../../../../shared/format/date';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { releaseAuthorizationSchema, type ReleaseAuthorization, type ReleaseAuthorizationInput } from '../../../../shared/forms/release-authorization-input';
import { COLORS, FONT_SIZES, FieldList, FieldsWithQr, FinePrint, Notice, NumberedList, Paragraph, SectionHeading, SignatureRow, SimpleTable, qrCode, wrapText, type QrCode, type SignatureBlockProps } from '../components';
import { renderDocument } from '../render-document';
import { FormFrame } from './content-blocks';
import { formatBytes, formatInteger } from './form-text';

const h = React.createElement;
const FORM = 'Autorización de difusión';
export const RELEASE_AUTHORIZATION_TITLE = 'Formato de autorización de difusión';

export type { ReleaseAuthorizationInput } from '../../../../shared/forms/release-authorization-input';

/** `VALIJA-DIFUSION|<folio>|<sheetVersion>|<contentDigest>`: a scanner finds the release, the sheet's version and checks the content is unchanged. */
export function releaseQrText(input: Pick<ReleaseAuthorization, 'folio' | 'sheetVersion' | 'contentDigest'>): string {
  return `VALIJA-DIFUSION|${input.folio}|${input.sheetVersion}|${input.contentDigest}`;
}

const ANSWER_LABELS = { si: 'Sí', no: 'No', sin_responder: 'Sin responder' } as const;

const styles = StyleSheet.create({
  // The text to publish, set apart by a guinda rule so it reads as the quoted release, not as the form's own words.
  body: { borderLeftWidth: 2, borderLeftColor: COLORS.guinda, paddingLeft: 10, paddingTop: 2, marginBottom: 4 },
  closing: { marginTop: 6 },
  signatures: { marginTop: 2 },
  none: { fontSize: FONT_SIZES.body, lineHeight: 1.35, color: COLORS.muted, textAlign: 'left' },
});


/** The classification as the release names it: a key of the shipments' catalogue or the words themselves. */
function classificationLabel(value: string): string {
  return (CLASSIFICATION_LABELS as Partial<Record<string, string>>)[value] ?? value;
}

function isPublic(value: string): boolean {
  return classificationLabel(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() === 'publica';
}

/** The text's paragraphs: one Text each (a "\n" inside a Text would draw in a font that is not embedded). */
function bodyParagraphs(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function materialsSummary(count: number): string {
  if (count === 0) return 'Sin materiales adjuntos';
  return `${count === 1 ? '1 material' : `${formatInteger(count)} materiales`}, con su huella en la tabla de materiales`;
}

function signer(caption: string, s: ReleaseAuthorization['signers']['preparedBy']): SignatureBlockProps {
  return { caption, name: s.fullName, position: s.position, ...(s.at ? { note: `Registrado en Valija el ${formatDateTime(s.at)}` } : {}) };
}

function ReleaseAuthorizationSheet(props: { input: ReleaseAuthorization; qr: QrCode }): React.ReactElement {
  const { input } = props;
  let section = 0;
  const heading = (text: string) => {
    section += 1;
    return h(SectionHeading, null, `${section}. ${text}`);
  };
  const classification = classificationLabel(input.classification);
  const data = [
    { label: 'Tipo de difusión', value: input.kind },
    { label: 'Título', value: input.title },
    { label: 'Área que proporciona la información', value: input.providingArea },
    { label: 'Fecha y hora planeadas', value: formatDateTime(input.plannedAt) },
    { label: 'Embargo', value: input.embargoUntil ? `No publicar antes del ${formatDateTime(input.embargoUntil)}` : 'Sin embargo' },
    { label: 'Clasificación', value: input.legalBasis ? `${classification}. Fundamento: ${input.legalBasis}` : classification },
  ];
  const signers = input.signers;
  const validated: SignatureBlockProps = signers.validatedBy
    ? signer('Validó el área', signers.validatedBy)
    : { caption: 'Validó el área', notApplicable: 'Esta difusión no requiere la validación del área.' };
  const paragraphs = bodyParagraphs(input.body);
  return h(
    FormFrame,
    {
      base: { office: input.office, folio: input.folio, pageSize: input.pageSize, reprint: input.reprint, voided: null },
      title: RELEASE_AUTHORIZATION_TITLE,
      formName: FORM,
      banner: isPublic(input.classification) ? undefined : `INFORMACIÓN ${classification.toUpperCase()}`,
      documentSubject: input.title,
      // The text may run for pages: the full header once, then a running line with acronym and folio.
      headerOnEveryPage: false,
      folioItems: [
        { label: 'Folio', value: input.folio, mono: true },
        { label: 'Versión de la hoja', value: String(input.sheetVersion) },
        { label: 'Fecha de elaboración', value: formatDateTime(input.generatedAt) },
      ],
    },
    input.urgent
      ? h(
          Notice,
          { title: 'PUBLICACIÓN URGENTE CON AUTORIZACIÓN VERBAL' },
          `Se publicó con la autorización de palabra de ${input.urgent.authorizedBy} el ${formatDateTime(input.urgent.at)}. Esta hoja formaliza por escrito esa autorización.`,
        )
      : null,
    heading('Datos de la difusión'),
    h(FieldList, { fields: data, labelWidth: 150 }),
    h(SectionHeading, null, 'Canales de publicación'),
    h(NumberedList, { items: input.channels, bullet: true }),
    input.blackout
      ? h(
          Notice,
          { title: `PERIODO DE VEDA: ${input.blackout.name}` },
          `La fecha planeada cae en el periodo de veda. Excepción invocada: ${input.blackout.exception}`,
        )
      : null,
    heading('Texto a difundir'),
    h(View, { style: styles.body }, ...paragraphs.map((line, index) => h(Paragraph, { key: index }, line))),
    heading('Materiales'),
    input.materials.length === 0
      ? h(Text, { style: styles.none }, 'La difusión no lleva materiales adjuntos.')
      : h(SimpleTable, {
          // 8 pt: 32 mono characters fit the hash column on letter and on A4, as in the files table of a medium.
          fontSize: 8,
          zebra: true,
          columns: [
            { header: 'No.', width: 0.55, align: 'center' },
            { header: 'Material', width: 3.3 },
            { header: 'Tipo', width: 1.3 },
            { header: 'Tamaño', width: 1.5, align: 'right' },
            { header: 'SHA-256', width: 3.6, mono: true },
          ],
          rows: input.materials.map((m, index) => [String(index + 1), wrapText(m.name, 34), m.mediaType, formatBytes(m.sizeBytes), `${m.sha256.slice(0, 32)} ${m.sha256.slice(32)}`]),
        }),
    heading('Revisión jurídica'),
    input.legalChecklist.length === 0
      ? h(Text, { style: styles.none }, 'Sin lista de revisión.')
      : h(SimpleTable, {
          columns: [
            { header: 'No.', width: 0.55, align: 'center' },
            { header: 'Pregunta', width: 5.4 },
            { header: 'Respuesta', width: 1.5, align: 'center' },
            { header: 'Nota', width: 3 },
          ],
          rows: input.legalChecklist.map((item, index) => [String(index + 1), item.question, ANSWER_LABELS[item.answer], item.note || '—']),
        }),
    h(SectionHeading, null, 'Opinión jurídica'),
    input.legalOpinion ? h(Paragraph, null, input.legalOpinion) : h(Text, { style: styles.none }, 'Sin opinión escrita.'),
    // Integrity and signatures stay together: a signature page without the digest could be swapped.
    h(
      View,
      { wrap: false, style: styles.closing },
      heading('Integridad y autorización'),
      h(FieldsWithQr, {
        labelWidth: 120,
        fields: [
          { label: 'Folio y versión', value: `${input.folio} · versión ${formatInteger(input.sheetVersion)}`, mono: true },
          { label: 'Huella del contenido (SHA-256)', value: input.contentDigest, mono: true, breakEvery: 32 },
          { label: 'Materiales', value: materialsSummary(input.materials.length) },
        ],
        qr: { qr: props.qr, size: 72, caption: ['Folio, versión y huella', 'del contenido'] },
      }),
      h(
        View,
        { style: styles.signatures },
        h(SignatureRow, { signatures: [signer('Elaboró', signers.preparedBy), { ...validated }].map((s) => ({ ...s, width: 200 })) }),
        h(SignatureRow, { signatures: [signer('Revisó (Jurídico)', signers.reviewedBy), signer('Autorizó (Director General)', signers.authorizedBy)].map((s) => ({ ...s, width: 200 })) }),
      ),
      h(FinePrint, {
        marginTop: 8,
        lineHeight: 1.3,
        align: 'justify',
        text: 'Con su firma, quien autoriza hace constar que el texto y los materiales descritos, identificados por su huella SHA-256, pueden difundirse por los canales y en la fecha indicados. Cualquier cambio del texto o de un material cambia la huella y deja sin valor esta hoja. La hoja firmada se digitaliza y se registra en Valija; no se admiten enmiendas ni tachaduras.',
      }),
    ),
  );
}

/** Renders the release authorisation sheet (letter or A4). */
export async function renderReleaseAuthorization(input: ReleaseAuthorizationInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, releaseAuthorizationSchema, input);
  return renderDocument(h(ReleaseAuthorizationSheet, { input: valid, qr: qrCode(releaseQrText(valid)) }));
}
