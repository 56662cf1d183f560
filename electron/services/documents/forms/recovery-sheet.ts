/**
 * Hoja de recuperación: the one sheet that carries the vault's recovery code.
 * It is printed once, when the vault is created; Valija keeps no copy of the
 * code. The QR carries only the vault identifier, never the code.
 */
import React from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { AppError } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format/date';
import { ensureFonts } from '../font-registry';
import {
  COLORS,
  DocumentTitle,
  FieldsWithQr,
  Notice,
  NumberedList,
  OfficeHeader,
  type OfficeInfo,
  OfficialDocument,
  OfficialPage,
  PAGE_SIZES,
  type PageSizeName,
  Paragraph,
  SectionHeading,
  SimpleTable,
  Strong,
  qrCode,
  type QrCode,
  renderDocument,
} from '../toolkit';

const h = React.createElement;

export const RECOVERY_SHEET_TITLE = 'Hoja de recuperación de la bóveda de Valija';

export interface RecoverySheetInput {
  office: OfficeInfo;
  /** As shown to the administrator, grouped, e.g. "ABCD-EFGH-…". */
  recoveryCode: string;
  vaultId: string;
  /** ISO-8601. */
  createdAt: string;
  createdBy: { fullName: string; position: string };
  pageSize?: PageSizeName;
}

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
  codeLine: { fontSize: 21, fontWeight: 700, letterSpacing: 2, lineHeight: 1.25 },
  codeHint: { fontSize: 8, color: COLORS.muted, marginTop: 6, textAlign: 'center' },
  twoColumns: { flexDirection: 'row' },
  column: { flex: 1 },
  columnGap: { width: 18 },
});

const MAX = { text: 300, code: 200, id: 200 } as const;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=\s]+$/;

function requireText(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('VALIDATION', `Falta ${what}; la hoja de recuperación no se generó.`);
  }
  if (value.length > max) {
    throw new AppError('VALIDATION', `${capitalize(what)} es demasiado largo (máximo ${max} caracteres).`);
  }
  return value.trim();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function validate(input: RecoverySheetInput): Required<Omit<RecoverySheetInput, 'office'>> & { office: OfficeInfo } {
  if (typeof input !== 'object' || input === null) {
    throw new AppError('VALIDATION', 'Faltan los datos de la hoja de recuperación.');
  }
  const office = input.office as Partial<OfficeInfo> | undefined;
  if (typeof office !== 'object' || office === null) {
    throw new AppError('VALIDATION', 'Faltan los datos de la oficina; la hoja de recuperación no se generó.');
  }
  const logo = office.logoPngDataUrl;
  if (logo !== undefined && logo !== '' && !PNG_DATA_URL.test(logo)) {
    throw new AppError('VALIDATION', 'El logotipo de la oficina debe ser una imagen PNG.');
  }
  const address = typeof office.address === 'string' && office.address.trim() !== '' ? office.address.trim() : undefined;
  const validOffice: OfficeInfo = {
    institution: requireText(office.institution, 'el nombre de la institución', MAX.text),
    unit: requireText(office.unit, 'el nombre de la unidad', MAX.text),
    acronym: requireText(office.acronym, 'las siglas de la oficina', 40),
    ...(address ? { address } : {}),
    ...(logo ? { logoPngDataUrl: logo } : {}),
  };

  const recoveryCode = requireText(input.recoveryCode, 'el código de recuperación', MAX.code);
  const vaultId = requireText(input.vaultId, 'el identificador de la bóveda', MAX.id);
  const createdAtText = requireText(input.createdAt, 'la fecha de creación', 64);
  if (Number.isNaN(new Date(createdAtText).getTime())) {
    throw new AppError('VALIDATION', 'La fecha de creación de la bóveda no es una fecha válida.');
  }
  const createdBy = input.createdBy as Partial<RecoverySheetInput['createdBy']> | undefined;
  if (typeof createdBy !== 'object' || createdBy === null) {
    throw new AppError('VALIDATION', 'Falta quién creó la bóveda; la hoja de recuperación no se generó.');
  }
  const pageSize = input.pageSize ?? 'LETTER';
  if (!PAGE_SIZES.includes(pageSize)) {
    throw new AppError('VALIDATION', 'El tamaño de papel debe ser carta o A4.');
  }
  return {
    office: validOffice,
    recoveryCode,
    vaultId,
    createdAt: createdAtText,
    createdBy: {
      fullName: requireText(createdBy.fullName, 'el nombre de quien creó la bóveda', MAX.text),
      position: requireText(createdBy.position, 'el cargo de quien creó la bóveda', MAX.text),
    },
    pageSize,
  };
}

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
  const fonts = ensureFonts();
  const unambiguous = !AMBIGUOUS.test(props.code);
  return h(
    View,
    { style: styles.codeBox, wrap: false },
    h(Text, { style: styles.codeLabel }, 'CÓDIGO DE RECUPERACIÓN'),
    ...codeLines(props.code).map((line, index) =>
      h(Text, { key: index, style: [styles.codeLine, { fontFamily: fonts.mono }] }, line),
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

export function RecoverySheet(props: { input: RecoverySheetInput; qr: QrCode }): React.ReactElement {
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
  const valid = validate(input);
  const qr = qrCode(valid.vaultId);
  return renderDocument(h(RecoverySheet, { input: valid, qr }));
}
