/**
 * Clave de apertura: the passphrase of an age-encrypted medium, printed
 * large and in groups so it can be typed without error. It must travel
 * apart from the medium (another courier, another day, or handed in person):
 * whoever holds both can read the information.
 */
import React from 'react';
import type { z } from 'zod';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { openingKeySchema, type AgeEncryptionInfo, type OpeningKeySheetInput } from '../../../../shared/forms/form-inputs';
import {
  COLORS,
  FONTS,
  FieldsWithQr,
  Notice,
  SectionHeading,
  SignatureRow,
  Strong,
  qrCode,
  type QrCode,
} from '../components';
import { renderDocument } from '../render-document';
import { FormFrame, Step, type StepProps } from './content-blocks';
import { formQrText } from './form-text';
import { ageDecryptCommands, encryptedFiles, encryptedFilesText } from './media-manifest';

const h = React.createElement;
const FORM = 'Clave de apertura';
export const OPENING_KEY_TITLE = 'Clave de apertura del medio cifrado';
export const EXPORT_KEY_TITLE = 'Clave de apertura del expediente cifrado';

const styles = StyleSheet.create({
  keyBox: { borderWidth: 1.5, borderColor: COLORS.guinda, paddingVertical: 10, paddingHorizontal: 12, marginVertical: 8, alignItems: 'center' },
  keyLabel: { fontWeight: 700, color: COLORS.guinda, fontSize: 9, letterSpacing: 1.5, marginBottom: 6 },
  keyLine: { fontFamily: FONTS.mono, fontSize: 18, fontWeight: 700, letterSpacing: 1.5, lineHeight: 1.4 },
  keyHint: { fontSize: 8, color: COLORS.muted, marginTop: 6, textAlign: 'center', lineHeight: 1.3 },
});

export type { OpeningKeySheetInput } from '../../../../shared/forms/form-inputs';
type ValidKeySheet = z.output<typeof openingKeySchema>;

/**
 * Printed lines of the passphrase. A passphrase of words (age's own are ten
 * words joined by "-") keeps its separators and breaks between words; one
 * without separators is shown in groups of four characters, to be typed
 * without the spaces.
 */
export function passphraseLines(passphrase: string, maxChars = 30): { lines: string[]; grouped: boolean } {
  const separated = /[-\s]/.test(passphrase);
  if (separated) {
    // Balance the lines (three of ~21 rather than 30 + 30 + 5).
    const count = Math.ceil(passphrase.length / maxChars);
    const target = Math.min(maxChars, Math.ceil(passphrase.length / count) + 4);
    const tokens = passphrase.split(/(?<=[-\s])/);
    const lines: string[] = [];
    let line = '';
    for (const token of tokens) {
      if (line !== '' && (line + token).trimEnd().length > target) {
        lines.push(line);
        line = '';
      }
      line += token;
    }
    if (line !== '') lines.push(line);
    return { lines: lines.map((l) => l.trimEnd()), grouped: false };
  }
  const groups = passphrase.match(/.{1,4}/g) ?? [passphrase];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 5) lines.push(groups.slice(i, i + 5).join(' '));
  return { lines, grouped: true };
}

/** How to decrypt: the one file, or every file of data/ by a loop for Linux and one for Windows. */
function decryptSteps(encryption: AgeEncryptionInfo, isExport: boolean): StepProps[] {
  const commands = ageDecryptCommands(encryption);
  const archive = isExport && /\.tar$/i.test(encryption.outputName);
  if ('single' in commands) {
    return [
      {
        text: archive
          ? ['Instale age (age-encryption.org; en Windows, age.exe), copie ', h(Strong, { key: 'f' }, encryption.encryptedFileName), ' a un equipo de la dependencia y, en una terminal en esa carpeta, ejecute lo siguiente; cuando aparezca «Enter passphrase:», escriba la clave del recuadro:']
          : ['Instale la herramienta age (age-encryption.org; en Windows, age.exe), copie el archivo ', h(Strong, { key: 'f' }, encryption.encryptedFileName), ' del medio a un equipo de la dependencia y, en una terminal en esa carpeta, ejecute:'],
        code: commands.single,
      },
      // An export is one archive: tar comes with Linux and with Windows 10 and later; SHA256SUMS checks every file inside.
      ...(archive
        ? [{ text: 'Extraiga el archivo (tar viene con Linux y con Windows 10 o posterior) y, en Linux, compruebe cada archivo con su huella:', code: [`tar -xf ${encryption.outputName} && cd ${encryption.outputName.replace(/\.tar$/i, '')} && sha256sum -c SHA256SUMS`] }]
        : []),
    ];
  }
  const count = encryptedFiles(encryption).length;
  return [
    {
      // The files are named in the fields above; here only where they are.
      text: `Instale la herramienta age (age-encryption.org; en Windows, age.exe) y copie del medio la carpeta del paquete (sus ${count} archivos cifrados están en data/). En una terminal en esa carpeta, en Linux ejecute:`,
      code: commands.linux,
    },
    { text: 'o en Windows, en PowerShell (la clave se pide una vez por archivo):', code: commands.windows },
  ];
}

function OpeningKeySheet(props: { input: ValidKeySheet; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const r = input.recipient;
  const printed = passphraseLines(input.passphrase);
  return h(
    FormFrame,
    { base: input, title: input.export ? EXPORT_KEY_TITLE : OPENING_KEY_TITLE, formName: 'Clave de apertura', banner: 'CLAVE DE APERTURA · CONFIDENCIAL', folioItems: null },
    h(
      Notice,
      { title: 'Entregue esta hoja por separado del medio.' },
      'Quien tenga el medio y esta hoja puede leer la información. Nunca la guarde, envíe ni fotografíe junto con el medio; una vez abierto el medio, destrúyala o resguárdela en la caja fuerte.',
    ),
    // The QR carries folio and digests only, never the passphrase.
    h(FieldsWithQr, {
      labelWidth: 150,
      fields: [
        ...(input.export
          ? [
              { label: 'Paquete', value: input.folio, mono: true },
              { label: 'Exportado por', value: `${r.name}, ${r.position} · ${r.agencyName} (${r.agencyAcronym})` },
              { label: 'Envíos', value: `${input.export.shipments}: ${input.export.folios}` },
            ]
          : [
              { label: 'Folio', value: input.folio, mono: true },
              { label: 'Destinatario', value: `${r.name}, ${r.position} · ${r.agencyName} (${r.agencyAcronym})` },
            ]),
        encryptedFiles(input.encryption).length === 1
          ? { label: 'Archivo cifrado', value: input.encryption.encryptedFileName, mono: true }
          : { label: 'Archivos cifrados', value: encryptedFilesText(input.encryption) },
        ...(input.mediaSerial ? [{ label: 'Medio (número de serie)', value: input.mediaSerial, mono: true }] : []),
      ],
      qr: { qr: props.qr, size: 64, caption: ['Folio y huella', '(no contiene la clave)'] },
    }),
    h(
      View,
      { style: styles.keyBox, wrap: false },
      h(Text, { style: styles.keyLabel }, 'CLAVE DE APERTURA'),
      ...printed.lines.map((line, index) => h(Text, { key: index, style: styles.keyLine }, line)),
      h(
        Text,
        { style: styles.keyHint },
        printed.grouped
          ? 'Escríbala sin los espacios, respetando mayúsculas y minúsculas.'
          : 'Escríbala completa en un solo renglón, con los guiones, respetando mayúsculas y minúsculas.',
      ),
    ),
    h(SectionHeading, null, 'Cómo abrir el medio'),
    ...[
      ...decryptSteps(input.encryption, input.export !== null),
      // An export's archive takes one step more and says this in its first one.
      ...(input.export ? [] : [{ text: 'Cuando aparezca «Enter passphrase:», escriba la clave del recuadro y oprima Entrar (si no es correcta, age no escribe nada).' }]),
      // An export's archive carries its own SHA256SUMS (step 2) and has no manifest sheet; one page holds it all.
      ...(input.export ? [] : [{ text: 'Verifique los archivos con las instrucciones del manifiesto del medio antes de usarlos.' }]),
    ].map((step, index) => h(Step, { key: index, number: index + 1, ...step })),
    h(SignatureRow, {
      signatures: [
        { caption: 'Entregó la clave' },
        { caption: 'Recibió la clave' },
      ],
    }),
  );
}

/** Renders the opening key sheet; its QR holds folio and digests, never the passphrase. */
export async function renderOpeningKeySheet(input: OpeningKeySheetInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, openingKeySchema, input);
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(OpeningKeySheet, { input: valid, qr }));
}
