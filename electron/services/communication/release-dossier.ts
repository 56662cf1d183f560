/**
 * A release's dossier («expediente de difusión»): its whole record as one
 * BagIt bag (RFC 8493) on a removable drive, for a transparency request or
 * the archive, that anyone opens with a text editor, a PDF reader and
 * `sha256sum` (docs/DOMAIN.md, «Difusiones»; docs/ARCHITECTURE.md,
 * «Removable media»):
 *
 *   valija-difusion-<folio>-<date>-<n>/
 *     LEEME.txt                     what the bag holds and how to check it (a tag file: readable even when the payload is encrypted)
 *     bag-info.txt                  the folio, the office, who exported it
 *     data/difusion.json            the record as stored
 *     data/texto.txt                kind, title, area, dates and the text
 *     data/material/…               the material, byte for byte (its SHA-256 in the manifests and in difusion.json)
 *     data/validacion-area.json     the area's validation, when there is one
 *     data/revision-juridica.json   Jurídico's checklist and opinion (+ .txt with the questions in words)
 *     data/hojas.json               the authorisation sheets (version, SHA-256 of the PDF, prints, voided)
 *     data/hojas/…                  every print of each sheet, byte for byte as the vault kept it
 *     data/firma/…                  the signed sheet's scan
 *     data/publicaciones.json       one record per channel; data/capturas/… their captures
 *     data/historial.json, historial.csv  every change of the release, in order
 *
 * A release classified reservada or confidencial travels encrypted (every
 * payload file as `.age` under a passphrase returned once), as a records
 * export does. The bag is read back from the drive and verified by the
 * existing verifier before success is reported (writeBag), and the export is
 * audited with the bag's name and what it holds.
 */
import path from 'node:path';
import { BLACKOUT_EXCEPTION_LABELS, LEGAL_CHECK_LABELS, LEGAL_CHECKS, RELEASE_KIND_LABELS, type Release } from '../../../shared/domain/releases';
import { RELEASE_STATE_LABELS } from '../../../shared/domain/release-states';
import { CLASSIFICATION_LABELS } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { formatDateTime } from '../../../shared/format/date';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { todayInOffice } from '../agencies/rules/civil-date';
import { excelCsv } from '../csv/csv';
import type { BagVerification } from '../media/bagit-verifier';
import { writeBag, type BagSourceFile } from '../media/bagit-writer';
import { resolveFilesystem } from '../media/drive-filesystem';
import { generatePassphrase } from '../media/passphrase';
import { safeFileName, withSuffix } from '../media/records-export';
import { exists } from '../vault/durable-file';
import { areasDoc, readBlob } from '../vault/documents';
import { keptPrintBytes } from '../vault/kept-prints';
import type { ReleaseService } from './release-service';

export interface DossierOptions {
  drivePath: string;
  filesystem?: string;
  /** age's scrypt cost; tests lower it */
  scryptWorkFactor?: number;
  signal?: AbortSignal;
}

export interface DossierResult {
  bagName: string;
  bagPath: string;
  folio: string;
  /** payload files, as the person finds them once opened */
  files: number;
  bytes: number;
  encrypted: boolean;
  /** shown once; Valija keeps no copy */
  passphrase: string | null;
  /** the payload's names, `data/`-relative, before encryption */
  contents: string[];
  verification: BagVerification;
}

export async function exportReleaseDossier(
  deps: { releases: ReleaseService; clock: () => Date },
  ws: Workspace,
  user: User,
  releaseId: string,
  options: DossierOptions,
): Promise<DossierResult> {
  // get() refuses (and audits) a reader the release is not for.
  const detail = await deps.releases.get(ws, user, releaseId);
  const { release, history } = detail;
  const area = (await areasDoc(ws.vault)).data.areas.find((a) => a.id === release.providingAreaId);
  const now = deps.clock();

  const files: BagSourceFile[] = [];
  const names = new Set<string>();
  const place = (dir: string, fileName: string): string => {
    const safe = safeFileName(fileName);
    let candidate = `${dir}/${safe}`;
    for (let n = 2; names.has(candidate.toLowerCase()); n += 1) candidate = `${dir}/${withSuffix(safe, n)}`;
    names.add(candidate.toLowerCase());
    return candidate;
  };
  const blob = async (blobId: string) => Buffer.from((await readBlob(ws.vault, blobId)).base64, 'base64');

  files.push({ name: 'difusion.json', source: json(release) });
  files.push({ name: 'texto.txt', source: Buffer.from(releaseText(release, area?.name ?? release.providingAreaId, detail.blackout?.name ?? null), 'utf8') });
  for (const m of release.materials) files.push({ name: place('material', m.fileName), source: await blob(m.blobId) });
  if (release.validation) files.push({ name: 'validacion-area.json', source: json({ ...release.validation, areaName: area?.name ?? null }) });
  if (release.review) {
    files.push({ name: 'revision-juridica.json', source: json(release.review) });
    files.push({ name: 'revision-juridica.txt', source: Buffer.from(reviewText(release), 'utf8') });
  }
  if (release.sheets.length > 0) {
    files.push({ name: 'hojas.json', source: json(release.sheets) });
    // Every print of every sheet, byte for byte as the vault kept it (checked against its SHA-256); sheets printed before prints were kept have none.
    for (const print of release.sheets.flatMap((sheet) => sheet.kept ?? [])) files.push({ name: place('hojas', print.fileName), source: await keptPrintBytes(ws.vault, print) });
  }
  if (release.signature) files.push({ name: place('firma', release.signature.scan.fileName), source: await blob(release.signature.scan.blobId) });
  if (release.publications.length > 0) {
    files.push({ name: 'publicaciones.json', source: json(release.publications) });
    for (const p of release.publications) if (p.capture) files.push({ name: place('capturas', p.capture.fileName), source: await blob(p.capture.blobId) });
  }
  if (release.observations.length > 0) files.push({ name: 'observaciones.json', source: json(release.observations) });
  files.push({ name: 'historial.json', source: json(history) });
  files.push({
    name: 'historial.csv',
    source: Buffer.from(excelCsv([['Fecha y hora', 'Quién', 'Qué', 'Detalle'], ...history.map((h) => [formatDateTime(h.at), h.actor?.fullName ?? 'Valija', h.label, h.detail])]), 'utf8'),
  });

  const drive = path.resolve(options.drivePath);
  const filesystem = await resolveFilesystem(drive, options.filesystem);
  const day = todayInOffice(now);
  const base = `valija-difusion-${safeFileName(release.folio)}-${day}`;
  let bagName = '';
  for (let n = 1; bagName === ''; n += 1) if (!(await exists(path.join(drive, `${base}-${n}`)))) bagName = `${base}-${n}`;
  const encrypted = release.classification !== 'publica';
  const passphrase = encrypted ? generatePassphrase() : null;
  const office = ws.office.data;
  const written = await writeBag(
    path.join(drive, bagName),
    {
      files,
      tagFiles: [{ name: 'LEEME.txt', source: Buffer.from(readme(release, files, encrypted, user, now), 'utf8') }],
      bagInfo: {
        sourceOrganization: office.institution || office.unit,
        externalIdentifier: release.folio,
        baggingDate: day,
        fields: [
          { label: 'External-Description', value: `Expediente de la difusión ${release.folio} de Valija: ${oneLine(release.title)}.` },
          { label: 'Contact-Name', value: user.fullName },
          { label: 'Valija-Unidad', value: office.unit },
          { label: 'Valija-Tipo', value: 'expediente-difusion' },
          { label: 'Valija-Folio', value: release.folio },
          { label: 'Valija-Estado', value: RELEASE_STATE_LABELS[release.state] },
          { label: 'Valija-Clasificacion', value: CLASSIFICATION_LABELS[release.classification] },
          { label: 'Valija-Cifrado', value: passphrase ? 'age (frase de paso): cada archivo de data/ termina en .age; la clave se entrega por separado' : 'no' },
        ],
      },
    },
    {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(filesystem ? { filesystem } : {}),
      ...(passphrase ? { encryptPassphrase: passphrase } : {}),
      ...(options.scryptWorkFactor === undefined ? {} : { scryptWorkFactor: options.scryptWorkFactor }),
    },
  );
  const bytes = written.files.reduce((sum, f) => sum + (f.plain?.size ?? f.size), 0);
  await ws.audit.record('release.dossier_exported', actorOf(user), `Difusión ${release.folio}: ${bagName}`, {
    difusion: release.id,
    folio: release.folio,
    carpeta: bagName,
    archivos: files.length,
    bytes,
    cifrado: encrypted,
  });
  return { bagName, bagPath: written.path, folio: release.folio, files: files.length, bytes, encrypted, passphrase, contents: files.map((f) => f.name), verification: written.verification };
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function releaseText(release: Release, areaName: string, blackout: string | null): string {
  const lines = [
    `Difusión ${release.folio}`,
    `Tipo: ${RELEASE_KIND_LABELS[release.kind]}`,
    `Título: ${release.title}`,
    `Área que proporciona la información: ${areaName}`,
    `Fecha planeada: ${formatDateTime(release.plannedAt)}`,
    ...(release.embargoUntil ? [`Embargo hasta: ${formatDateTime(release.embargoUntil)}`] : []),
    `Clasificación: ${CLASSIFICATION_LABELS[release.classification]}${release.legalBasis ? ` (${release.legalBasis})` : ''}`,
    ...(blackout ? [`Periodo de veda: ${blackout}${release.blackoutException ? `; excepción: ${BLACKOUT_EXCEPTION_LABELS[release.blackoutException]}` : ''}`] : []),
    `Estado al exportar: ${RELEASE_STATE_LABELS[release.state]}`,
    '',
    release.body,
    '',
  ];
  return lines.join('\r\n');
}

function reviewText(release: Release): string {
  const review = release.review;
  if (!review) return '';
  const lines = [`Revisión jurídica de la difusión ${release.folio}`, `Revisó: ${review.by?.fullName ?? '—'}, ${formatDateTime(review.at)}`, ''];
  for (const check of LEGAL_CHECKS) {
    const a = review.checklist[check];
    lines.push(`${LEGAL_CHECK_LABELS[check]} ${a.answer === 'si' ? 'Sí' : 'No'}${a.note ? ` — ${a.note}` : ''}`);
  }
  lines.push('', `Opinión: ${review.observations || 'Sin observaciones.'}`, '');
  return lines.join('\r\n');
}

const DESCRIPTIONS: Array<[RegExp, string]> = [
  [/^difusion\.json$/, 'el registro completo de la difusión, tal como lo guarda Valija'],
  [/^texto\.txt$/, 'el texto de la difusión con sus datos'],
  [/^material\//, 'material de la difusión, byte por byte'],
  [/^validacion-area\.json$/, 'la validación del área que proporciona la información'],
  [/^revision-juridica\.(json|txt)$/, 'la revisión jurídica: la lista de revisión y la opinión'],
  [/^hojas\.json$/, 'las hojas de autorización (versión, SHA-256 del PDF, impresiones, anulación)'],
  [/^hojas\//, 'el PDF de una hoja de autorización, tal como se imprimió'],
  [/^firma\//, 'el escaneo de la hoja firmada por el Director(a) General'],
  [/^publicaciones\.json$/, 'el registro de cada publicación por canal'],
  [/^capturas\//, 'captura de una publicación'],
  [/^observaciones\.json$/, 'las observaciones de cada devolución'],
  [/^historial\.(json|csv)$/, 'el historial de la difusión: cada cambio, quién y cuándo'],
];

function readme(release: Release, files: readonly BagSourceFile[], encrypted: boolean, user: User, now: Date): string {
  const lines = [
    `EXPEDIENTE DE LA DIFUSIÓN ${release.folio}`,
    '',
    `Exportado de Valija por ${user.fullName} el ${formatDateTime(now)}.`,
    `Título: ${oneLine(release.title)}`,
    `Estado al exportar: ${RELEASE_STATE_LABELS[release.state]}`,
    '',
    'Este paquete sigue la norma BagIt 1.0 (RFC 8493). Los archivos están en la carpeta data/;',
    'manifest-sha256.txt y manifest-sha512.txt dan la huella de cada uno y tagmanifest-*.txt la de',
    'los archivos de control. Para comprobar que nada cambió, en la carpeta del paquete:',
    '',
    '    sha256sum -c manifest-sha256.txt',
    '',
    'o cualquier herramienta BagIt (por ejemplo, bagit-python: bagit.py --validate <carpeta>).',
    '',
  ];
  if (encrypted) {
    lines.push(
      `La difusión está clasificada como ${CLASSIFICATION_LABELS[release.classification].toLowerCase()}: cada archivo de data/ va cifrado`,
      'con age (frase de paso) y termina en .age. Se abre con el programa age:',
      '',
      '    age -d -o <archivo> <archivo>.age',
      '',
      'La frase de paso se entregó por separado; Valija no guarda copia. Las huellas de los',
      'manifiestos son las de los archivos cifrados; difusion.json, ya abierto, da las del material.',
      '',
    );
  } else {
    lines.push('Contenido (SHA-256 de cada archivo en manifest-sha256.txt):', '');
    for (const f of files) lines.push(`  data/${f.name} — ${DESCRIPTIONS.find(([re]) => re.test(f.name))?.[1] ?? 'archivo del expediente'}`);
    lines.push('');
  }
  if (release.materials.length > 0 && !encrypted) {
    lines.push('Material (SHA-256 con que se registró en Valija):', '');
    for (const m of release.materials) lines.push(`  ${m.sha256}  ${m.fileName}`);
    lines.push('');
  }
  return lines.join('\r\n');
}
