/**
 * Hoja de recuperación: the one sheet that carries the vault's recovery code.
 * It is printed once, when the vault is created; Valija keeps no copy of the
 * code. The QR carries only the vault identifier, never the code.
 */
import React from 'react';
import type { z } from 'zod';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { formatDateTime } from '../../../../shared/format/date';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { recoverySheetSchema, type RecoverySheetInput } from '../../../../shared/forms/form-inputs';
import {
  COLORS,
  FONTS,
  DocumentTitle,
  FieldsWithQr,
  Notice,
  NumberedList,
  OfficeHeader,
  OfficialDocument,
  OfficialPage,
  Paragraph,
  SectionHeading,
  SimpleTable,
  Strong,
  qrCode,
  type QrCode,
} from '../components';
import { renderDocument } from '../render-document';

const h = React.createElement;

export const RECOVERY_SHEET_TITLE = 'Hoja de recuperación de la bóveda de Valija';

const styles = StyleSheet.create({
  codeBox: {
    borderWidth: 1.5,
    borderColor: COLORS.guinda,
    paddingVertical: 8,
    paddingHorizontal: 12,
    marginTop: 6,
    marginBottom: 4,
    alignItems: 'center',
  },
  codeLabel: {
    fontWeight: 700,
    color: COLORS.guinda,
    fontSize: 9,
    letterSpacing: 1.5,
    marginBottom: 6,
  },
  codeLine: { fontFamily: FONTS.mono, fontSize: 21, fontWeight: 700, letterSpacing: 2, lineHeight: 1.25 },
  codeHint: { fontSize: 8, color: COLORS.muted, marginTop: 6, textAlign: 'center' },
  twoColumns: { flexDirection: 'row' },
  column: { flex: 1 },
  columnGap: { width: 18 },
});

export type { RecoverySheetInput } from '../../../../shared/forms/form-inputs';

/**
 * Splits the code as given into printed lines: dash-separated groups, four
 * groups per line; a code without dashes is cut every 16 characters.
 */
export function codeLines(code: string): string[] {
  const groups = code.split(/[\s-]+/).filter((g) => g !== '');
  const lines: string[] = [];
  if (groups.length > 1) {
    for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join('-'));
  } else {
    for (let i = 0; i < code.length; i += 16) lines.push(code.slice(i, i + 16));
  }
  return lines;
}

/** Characters a reader could confuse; Valija's alphabet leaves them out. */
const AMBIGUOUS = /[01ILO]/i;

function RecoveryCodeBox(props: { code: string }): React.ReactElement {
  const unambiguous = !AMBIGUOUS.test(props.code);
  return h(
    View,
    { style: styles.codeBox, wrap: false },
    h(Text, { style: styles.codeLabel }, 'CÓDIGO DE RECUPERACIÓN'),
    ...codeLines(props.code).map((line, index) =>
      h(Text, { key: index, style: styles.codeLine }, line),
    ),
    h(
      Text,
      { style: styles.codeHint },
      unambiguous
        ? 'El código no usa las letras I, L ni O, ni los números 0 y 1. Al escribirlo, los guiones y las mayúsculas son opcionales.'
        : 'Al escribirlo, los guiones y las mayúsculas son opcionales.',
    ),
  );
}

export function RecoverySheet(props: { input: z.output<typeof recoverySheetSchema>; qr: QrCode }): React.ReactElement {
  const { input } = props;
  return h(
    OfficialDocument,
    { title: RECOVERY_SHEET_TITLE, subject: `Bóveda ${input.vaultId}` },
    h(
      OfficialPage,
      { size: input.pageSize, footerNote: `Valija · ${input.office.acronym} · Hoja de recuperación` },
      h(OfficeHeader, { office: input.office }),
      h(DocumentTitle, { title: RECOVERY_SHEET_TITLE }),
      h(FieldsWithQr, {
        labelWidth: 148,
        fields: [
          { label: 'Identificador de la bóveda', value: input.vaultId, mono: true },
          { label: 'Fecha de creación', value: formatDateTime(input.createdAt) },
          { label: 'Creada por', value: input.createdBy.fullName },
          { label: 'Cargo', value: input.createdBy.position },
        ],
        qr: { qr: props.qr, size: 76, caption: ['Identificador de la bóveda', '(no contiene el código)'] },
      }),
      h(RecoveryCodeBox, { code: input.recoveryCode }),
      h(
        Notice,
        { title: 'Quien tenga esta hoja puede abrir la bóveda.' },
        'El código se muestra una sola vez y Valija no guarda una copia: si esta hoja se pierde, el código no se puede recuperar. No la fotografíe, no la escanee ni la copie.',
      ),
      h(
        View,
        { style: styles.twoColumns },
        h(
          View,
          { style: styles.column },
          h(SectionHeading, null, '¿Para qué sirve?'),
          h(
            Paragraph,
            { align: 'left' },
            'Permite restablecer el acceso a la bóveda ',
            h(Strong, null, 'si se pierden las contraseñas de todos los administradores'),
            '. Mientras alguno de ellos pueda iniciar sesión, no se necesita.',
          ),
          h(SectionHeading, null, '¿Cómo se guarda?'),
          h(Paragraph, { align: 'left' }, 'En un sobre cerrado y firmado sobre la solapa, dentro de la caja fuerte de la unidad.'),
        ),
        h(View, { style: styles.columnGap }),
        h(
          View,
          { style: styles.column },
          h(SectionHeading, null, '¿Cómo se usa?'),
          h(NumberedList, {
            items: [
              ['En la pantalla de inicio de sesión de Valija, elija ', h(Strong, { key: 's' }, '«Usar código de recuperación»'), '.'],
              'Escriba el código del recuadro y siga las indicaciones para definir una contraseña nueva.',
              'Vuelva a guardar la hoja en un sobre nuevo y anote el resguardo en la tabla de abajo.',
            ],
          }),
        ),
      ),
      h(
        View,
        { wrap: false },
        h(SectionHeading, null, 'Resguardo de la hoja'),
        h(SimpleTable, {
        columns: [
          { header: 'Guardada por (nombre y cargo)', width: 5 },
          { header: 'Fecha', width: 2, align: 'center' },
          { header: 'Firma', width: 3, align: 'center' },
        ],
        rows: [
          ['', '', ''],
          ['', '', ''],
          ['', '', ''],
        ],
          minRowHeight: 23,
        }),
      ),
    ),
  );
}

/** Renders the recovery sheet. The QR carries only the vault identifier. */
export async function renderRecoverySheet(input: RecoverySheetInput): Promise<Buffer> {
  const valid = parseFormInput('Hoja de recuperación', recoverySheetSchema, input);
  const qr = qrCode(valid.vaultId);
  return renderDocument(h(RecoverySheet, { input: valid, qr }));
}
