/**
 * Manifiesto de medio magnético (docs/DOMAIN.md, "The paper forms"): the paper
 * twin of the manifest written onto the medium. It identifies the medium,
 * records its sanitisation before loading, lists every file with size and
 * SHA-256, and tells the recipient, in plain words, how to check them with
 * the tools every workstation already has (sha256sum, PowerShell's
 * Get-FileHash) and, when the payload travels encrypted with age, how to
 * open it with the key delivered on a separate sheet.
 */
import React from 'react';
import type { z } from 'zod';
import { CHANNEL_LABELS } from '../../../../shared/domain/agencies';
import { formatDateTime } from '../../../../shared/format/date';
import { parseFormInput } from '../../../../shared/forms/form-fields';
import { mediaManifestSchema, type AgeEncryptionInfo, type MediaManifestInput } from '../../../../shared/forms/form-inputs';
import {
  FieldsWithQr,
  SectionHeading,
  SignatureRow,
  Strong,
  qrCode,
  type QrCode,
} from '../components';
import { renderDocument } from '../render-document';
import { Fields, FilesTable, FormFrame, IntegrityBox, mediaFields, sanitisationFields, Step, type StepProps } from './content-blocks';
import { classificationBanner, classificationText, formQrText } from './form-text';

const h = React.createElement;
const FORM = 'Manifiesto de medio magnético';
export const MEDIA_MANIFEST_TITLE = 'Manifiesto de medio magnético';

/** Every encrypted file by name: the list when there are several, else the one file. */
export function encryptedFiles(encryption: AgeEncryptionInfo): string[] {
  return encryption.encryptedFiles && encryption.encryptedFiles.length > 0 ? encryption.encryptedFiles : [encryption.encryptedFileName];
}

/**
 * The commands that decrypt every file: one `age -d` for a single file; for
 * several, a loop for sh and one for PowerShell (age asks for the key once
 * per file). Each line is whole: a command cut elsewhere would not run.
 */
export function ageDecryptCommands(encryption: AgeEncryptionInfo): { linux: string[]; windows: string[] } | { single: string[] } {
  if (encryptedFiles(encryption).length === 1) return { single: [ageDecryptCommand(encryption)] };
  return {
    linux: ['for f in data/*.age; do', '\u00a0\u00a0age -d -o "${f%.age}" "$f"', 'done'],
    windows: ['Get-ChildItem data\\*.age | ForEach-Object {', "\u00a0\u00a0age -d -o ($_.FullName -replace '\\.age$', '') $_.FullName", '}'],
  };
}

/** The file names for a field: all of them up to `max`, then how many more. */
export function encryptedFilesText(encryption: AgeEncryptionInfo, max = 6): string {
  const files = encryptedFiles(encryption);
  if (files.length === 1) return files[0] ?? '';
  const shown = files.slice(0, max).join(', ');
  return `${files.length} archivos: ${shown}${files.length > max ? ` y ${files.length - max} más` : ''}`;
}

/** Name of the payload manifest in a BagIt bag with SHA-256 (RFC 8493 §2.1.3). */
export const BAG_MANIFEST = 'manifest-sha256.txt';

export type { AgeEncryptionInfo, MediaInfo, MediaManifestInput } from '../../../../shared/forms/form-inputs';
type ValidManifest = z.output<typeof mediaManifestSchema>;

/** The decrypt command of age; also printed on the opening key sheet. */
export function ageDecryptCommand(encryption: AgeEncryptionInfo): string {
  return `age -d -o ${shellWord(encryption.outputName)} ${shellWord(encryption.encryptedFileName)}`;
}

/** Quotes a file name for sh and PowerShell alike when it holds anything but safe characters. */
export function shellWord(name: string): string {
  return /^[A-Za-z0-9._\-/]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function extractStep(encryption: AgeEncryptionInfo): string[] {
  return /\.(tar|tgz|tar\.gz)$/i.test(encryption.outputName) ? [`tar -xf ${shellWord(encryption.outputName)}`] : [];
}

function MediaManifest(props: { input: ValidManifest; qr: QrCode }): React.ReactElement {
  const { input } = props;
  const r = input.recipient;
  const bag = shellWord(input.bagDirectory);
  const enc = input.encryption;
  const steps: StepProps[] = [];
  if (enc) {
    const commands = ageDecryptCommands(enc);
    if ('single' in commands) {
      steps.push({
        text: ['Descifre el archivo ', h(Strong, { key: 'f' }, enc.encryptedFileName), ' con la herramienta age (age-encryption.org); cuando la pida, escriba la clave de la hoja «Clave de apertura», que se entrega por separado:'],
        code: [...commands.single, ...extractStep(enc)],
      });
    } else {
      steps.push({
        text: [`Descifre los ${encryptedFiles(enc).length} archivos cifrados de data/ (${encryptedFilesText(enc)}) con la herramienta age (age-encryption.org); para cada uno escriba la clave de la hoja «Clave de apertura», que se entrega por separado. En Linux:`],
        code: commands.linux,
      });
      steps.push({ text: 'En Windows, en PowerShell:', code: commands.windows });
    }
  }
  steps.push({
    text: ['La carpeta ', h(Strong, { key: 'b' }, input.bagDirectory), ` es un paquete BagIt 1.0 (RFC 8493): los archivos están en data/ y sus huellas SHA-256 en ${BAG_MANIFEST}.`],
  });
  steps.push({
    text: 'Linux: en una terminal ejecute lo siguiente; cada archivo debe decir «La suma coincide» u «OK» (en macOS, shasum -a 256 -c en lugar de sha256sum -c):',
    code: [`cd ${bag}`, `sha256sum -c ${BAG_MANIFEST}`],
  });
  steps.push({
    text: 'Windows: en PowerShell ejecute lo siguiente; cada archivo debe decir «Correcto»:',
    code: [
      `Set-Location ${bag}`,
      // -Encoding UTF8: Windows PowerShell 5.1 reads a file without a BOM as ANSI and garbles accented names.
      `Get-Content -Encoding UTF8 .\\${BAG_MANIFEST} | ForEach-Object {`,
      // Indented with no-break spaces: react-pdf drops leading ordinary spaces.
      "\u00a0\u00a0$huella, $archivo = $_ -split '\\s+', 2",
      '\u00a0\u00a0$real = (Get-FileHash -Algorithm SHA256 -LiteralPath $archivo).Hash',
      '\u00a0\u00a0if ($real -eq $huella) { "Correcto: $archivo" } else { "NO COINCIDE: $archivo" }',
      '}',
    ],
  });
  steps.push({
    text: 'Para un solo archivo, Get-FileHash -Algorithm SHA256 <archivo> (Windows) o sha256sum <archivo> (Linux) muestran la huella que debe coincidir con la de la tabla. Si algún archivo falta o no coincide, no use la información: levante constancia y comuníquese con el remitente citando el folio.',
  });
  return h(
    FormFrame,
    {
      base: input,
      title: MEDIA_MANIFEST_TITLE,
      formName: 'Manifiesto de medio',
      banner: classificationBanner(input.classification.level),
      folioItems: [
        { label: 'Folio', value: input.folio, mono: true },
        { label: 'Carga', value: formatDateTime(input.loadedAt) },
      ],
    },
    h(FieldsWithQr, {
      labelWidth: 150,
      fields: [
        { label: 'Destinatario', value: `${r.name}, ${r.position} · ${r.agencyName} (${r.agencyAcronym})` },
        { label: 'Canal', value: CHANNEL_LABELS.medio_magnetico },
        ...mediaFields(input.media),
        { label: 'Formato', value: `Paquete BagIt 1.0 «${input.bagDirectory}» con manifiesto SHA-256${enc ? ', cifrado con age (clave por separado)' : ''}` },
        { label: 'Clasificación', value: classificationText(input.classification) },
      ],
      qr: { qr: props.qr, size: 70, caption: ['Folio, huella', 'y cadena de custodia'] },
    }),
    h(SectionHeading, null, 'Borrado seguro previo a la carga'),
    h(Fields, { fields: sanitisationFields(input.media), labelWidth: 150 }),
    h(SectionHeading, null, 'Archivos cargados'),
    h(FilesTable, { files: input.media.files }),
    h(SectionHeading, null, 'Cómo verificar el medio'),
    ...steps.map((step, index) => h(Step, { key: index, number: index + 1, ...step })),
    h(IntegrityBox, {
      qr: props.qr,
      contentDigest: input.contentDigest,
      chainHead: input.chainHead,
      hint: 'La huella del contenido resume el envío completo (incluidas las huellas de los archivos) y coincide con la del formato de autorización.',
    }),
    h(SignatureRow, {
      signatures: [
        { caption: 'Cargó el medio', ...input.loadedBy },
        { caption: 'Verificó la carga', ...input.verifiedBy },
      ],
    }),
  );
}

/** Renders the media manifest. */
export async function renderMediaManifest(input: MediaManifestInput): Promise<Buffer> {
  const valid = parseFormInput(FORM, mediaManifestSchema, input);
  const qr = qrCode(formQrText(valid));
  return renderDocument(h(MediaManifest, { input: valid, qr }));
}

