import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { AuditAction } from '../../../shared/domain/audit';
import { MEDIA_LOAD_PURPOSE } from '../../../shared/domain/custody';
import { MEDIA_KIND_LABELS, type MediaFile } from '../../../shared/domain/shipments';
import type { ShipmentState } from '../../../shared/domain/shipment-states';
import { SHIPMENT_STATE_LABELS } from '../../../shared/domain/shipment-states';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import type { AgeEncryptionInfo, FormInputs } from '../documents/forms';
import type { ShipmentService } from '../shipments/shipment-service';
import { chainHeadText, mediaManifestInput } from '../shipments/shipment-forms';
import { AGE_EXTENSION } from './age-payload';
import { formatPayloadOxum, type BagInfoField, type PayloadOxum } from './bag-info';
import type { BagVerification } from './bagit-verifier';
import { writeBag, type WriteProgress, type WrittenFile } from './bagit-writer';
import { resolveFilesystem } from './drive-filesystem';
import { checkFilesystemLimits, checkFreeSpace, estimateBagBytes, formatBytes, type PlannedFile } from './fs-limits';
import { mediaError, throwIfAborted } from './media-errors';
import { generatePassphrase } from './passphrase';
import { isUncPath } from './picked-paths';
import { agencyLookup, formContext, shipmentFolderName, type FormRenderer } from './shipment-form-inputs';
import { countOf } from '../../../shared/format/plural';

/**
 * Content is authorised from the Director's signature on; the medium goes
 * into the envelope loaded and verified, so sealing waits for the load
 * (docs/DOMAIN.md, "Magnetic media") and a sealed envelope is not opened to load it.
 */
export const LOADABLE_STATES: readonly ShipmentState[] = ['autorizado'];

export interface LoadShipmentOptions {
  /** the drive's mount point (or a test folder standing for it) */
  drivePath: string;
  /** encrypt every payload file with age under a passphrase generated here */
  encrypt: boolean;
  /**
   * Where to read files from when the shipment has no `sourcePath` for them
   * (browser harness, files moved since): file name → absolute path or the
   * bytes. Takes precedence over `sourcePath`.
   */
  sources?: Readonly<Record<string, string | Buffer>>;
  /** vfat, exfat, ntfs, ext4…; looked up among the drives when omitted */
  filesystem?: string;
  /** where the medium was loaded, for the custody event; the office's unit when omitted */
  place?: string;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
  /** age's scrypt cost; tests lower it */
  scryptWorkFactor?: number;
}

export type LoadProgress = { phase: 'checking'; bytesDone: number; bytesTotal: number; file?: string } | WriteProgress;

export interface LoadedMedia {
  bagPath: string;
  /** folder name on the drive (= the manifest's «carpeta») */
  bagName: string;
  files: WrittenFile[];
  payloadOxum: PayloadOxum;
  /** the read-back check of the whole bag, file by file */
  verification: BagVerification;
  /** the manifest PDF as written into the bag (manifiesto.pdf) */
  manifestPdf: Buffer;
  /** shown ONCE and printed on the opening-key sheet; Valija keeps no copy */
  passphrase: string | null;
  openingKeyPdf: Buffer | null;
  custodyEventId: string;
}

const AUDIT_MEDIA_LOADED: AuditAction = 'media.loaded';
export const MANIFEST_FILE_NAME = 'manifiesto.pdf';

/**
 * Loads a magnetic-media shipment onto a drive: re-hashes
 * every source against what the Director authorised, checks the drive,
 * writes a BagIt bag (optionally age-encrypted) with the manifest PDF, reads
 * it all back, and only then records the custody event and the audit entry.
 */
export async function loadShipment(
  deps: { shipments: ShipmentService; clock: () => Date; render: FormRenderer },
  ws: Workspace,
  user: User,
  shipmentId: string,
  options: LoadShipmentOptions,
): Promise<LoadedMedia> {
  const { signal } = options;
  const detail = await deps.shipments.queries.get(ws, user, shipmentId);
  const shipment = detail.shipment;
  const media = shipment.content.media;
  if (!media) throw new AppError('VALIDATION', 'Sólo los envíos en medio magnético se cargan en una unidad.');
  if (!LOADABLE_STATES.includes(shipment.state) || !shipment.folio) {
    throw new AppError(
      'INVALID_TRANSITION',
      `El medio se carga cuando el envío está autorizado y antes de sellarlo; este envío está «${SHIPMENT_STATE_LABELS[shipment.state]}».`,
    );
  }

  if (!options.encrypt && shipment.content.classification !== 'publica') {
    // Reserved and confidential information never leaves the vault in clear on a drive that can be lost.
    throw new AppError(
      'VALIDATION',
      `Este envío es de información ${shipment.content.classification === 'reservada' ? 'reservada' : 'confidencial'}: el medio debe grabarse cifrado (marque «Cifrar cada archivo con age»).`,
    );
  }
  const drive = path.resolve(options.drivePath);
  const filesystem = await resolveFilesystem(drive, options.filesystem);
  const bagName = shipmentFolderName(shipment);
  // Before hashing gigabytes: say now if the drive cannot take these files (writeBag checks again at copy time).
  await preflight(drive, bagName, media.files, options.encrypt, filesystem);
  const sources = await checkSources(media.files, options, signal);
  const now = deps.clock();

  const agency = (await agencyLookup(ws))(shipment.content.agencyId);
  const ctx = formContext(ws, shipment, agency, detail.custody, user, now);
  const passphrase = options.encrypt ? generatePassphrase() : null;
  const encryption: AgeEncryptionInfo | null = passphrase ? ageInfo(media.files) : null;
  const manifestInput: FormInputs['mediaManifest'] = {
    ...mediaManifestInput(ctx, { pageSize: 'LETTER' }, 0),
    bagDirectory: bagName,
    encryption,
    loadedBy: { name: user.fullName, position: user.position },
  };
  const [manifestPdf, openingKeyPdf] = await Promise.all([
    deps.render('mediaManifest', manifestInput),
    passphrase && encryption
      ? deps.render('openingKey', {
          office: manifestInput.office,
          folio: manifestInput.folio,
          contentDigest: manifestInput.contentDigest,
          chainHead: manifestInput.chainHead,
          pageSize: manifestInput.pageSize,
          reprint: 0,
          recipient: manifestInput.recipient,
          passphrase,
          encryption,
          mediaSerial: media.serial,
        })
      : Promise.resolve(null),
  ]);
  throwIfAborted(signal);

  const recipient = manifestInput.recipient;
  const fields: BagInfoField[] = [
    { label: 'Contact-Name', value: user.fullName },
    ...(ws.office.data.address ? [{ label: 'Organization-Address', value: ws.office.data.address }] : []),
    { label: 'Valija-Unidad', value: ws.office.data.unit },
    { label: 'Valija-Destinatario', value: [recipient.name, recipient.position].filter(Boolean).join(', ') },
    { label: 'Valija-Dependencia-Destinataria', value: `${recipient.agencyName} (${recipient.agencyAcronym})` },
    { label: 'Valija-Medio', value: `${MEDIA_KIND_LABELS[media.kind]} ${media.brand} ${media.model}, serie ${media.serial}`.replace(/\s+/g, ' ') },
    { label: 'Valija-Huella-Contenido', value: shipment.digest },
    { label: 'Valija-Cadena-Custodia', value: chainHeadText(detail.custody) },
    { label: 'Valija-Cifrado', value: passphrase ? 'age (frase de paso); la clave viaja por separado en la hoja «Clave de apertura»' : 'no' },
  ];
  const written = await writeBag(
    path.join(drive, bagName),
    {
      files: media.files.map((f) => ({ name: f.name, source: sources.get(f.name) as string | Buffer })),
      bagInfo: { sourceOrganization: ws.office.data.institution || ws.office.data.unit, externalIdentifier: shipment.folio, baggingDate: civilDate(now), fields },
      tagFiles: [{ name: MANIFEST_FILE_NAME, source: manifestPdf }],
    },
    {
      ...(signal ? { signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(passphrase ? { encryptPassphrase: passphrase } : {}),
      ...(options.scryptWorkFactor === undefined ? {} : { scryptWorkFactor: options.scryptWorkFactor }),
      ...(filesystem ? { filesystem } : {}),
    },
  );
  // The copy hashed the bytes it really read: they must still be the authorised ones.
  for (const f of written.files) {
    const recorded = media.files.find((m) => m.name === f.name);
    const copied = f.plain ?? { size: f.size, sha256: f.sha256 };
    if (!recorded || copied.sha256 !== recorded.sha256) {
      throw mediaError('MEDIA_VERIFY_FAILED', `«${f.name}» cambió mientras se copiaba; ya no es el archivo autorizado. Borre la carpeta «${bagName}» de la unidad y vuelva a cargar.`);
    }
  }

  const office = ws.office.data;
  const oxum = formatPayloadOxum(written.payloadOxum);
  const plainBytes = media.files.reduce((sum, f) => sum + f.size, 0);
  const event = await deps.shipments.custody.record(ws, user, shipmentId, {
    type: 'preparacion',
    at: now.toISOString(),
    from: { name: user.fullName, position: user.position, institution: office.institution, identification: '' },
    to: { name: `Medio ${media.serial} (${MEDIA_KIND_LABELS[media.kind]})`.slice(0, 120), position: '', institution: office.institution, identification: '' },
    place: (options.place ?? (office.unit || office.institution || 'Oficina de registro')).slice(0, 200),
    purpose: MEDIA_LOAD_PURPOSE,
    seals: [],
    remarks: `Bolsa BagIt «${bagName}» escrita y verificada por relectura: ${countOf(media.files.length, 'archivo', 'archivos')}, ${formatBytes(plainBytes)}, Payload-Oxum ${oxum}${passphrase ? ', cifrado con age' : ', sin cifrar'}.`,
    corrects: null,
    courierId: null,
  });
  await ws.audit.record(AUDIT_MEDIA_LOADED, actorOf(user), shipment.folio, {
    envio: shipment.id,
    carpeta: bagName,
    archivos: media.files.length,
    bytes: plainBytes,
    payloadOxum: oxum,
    cifrado: passphrase !== null,
    eventoCustodia: event.id,
  });
  return {
    bagPath: written.path,
    bagName,
    files: written.files,
    payloadOxum: written.payloadOxum,
    verification: written.verification,
    manifestPdf,
    passphrase,
    openingKeyPdf,
    custodyEventId: event.id,
  };
}

async function preflight(drive: string, bagName: string, files: readonly MediaFile[], encrypt: boolean, filesystem: string | undefined): Promise<void> {
  let free: number;
  try {
    if (!(await fsp.stat(drive)).isDirectory()) throw new Error('not a directory');
    const stats = await fsp.statfs(drive);
    free = stats.bavail * stats.bsize;
  } catch (error) {
    throw new AppError('NOT_FOUND', `No se encontró la unidad «${drive}». ¿Se retiró?`, { cause: error });
  }
  if (await fsp.lstat(path.join(drive, bagName)).then(() => true, () => false)) {
    throw mediaError('MEDIA_TARGET_EXISTS', `La unidad ya tiene una carpeta «${bagName}»; no se sobrescribirá. Use otra unidad o borre esa carpeta si es una carga anterior que no sirve.`);
  }
  const grow = (size: number) => (encrypt ? size + Math.ceil(size / 65536) * 16 + 1024 : size);
  const planned: PlannedFile[] = files.map((f) => ({ path: `${bagName}/data/${f.name}${encrypt ? AGE_EXTENSION : ''}`, size: grow(f.size) }));
  if (filesystem) {
    const problems = checkFilesystemLimits(filesystem, planned);
    const first = problems[0];
    if (first) {
      const more = problems.length > 1 ? ` (y ${countOf(problems.length - 1, 'problema', 'problemas')} más)` : '';
      throw mediaError(first.code === 'FILE_TOO_LARGE' ? 'MEDIA_NO_SPACE' : 'MEDIA_UNSAFE_PATH', `${first.message}${more}`);
    }
  }
  // The manifest PDF and tag files: a generous allowance.
  const shortage = checkFreeSpace(estimateBagBytes([...planned, { path: `${bagName}/${MANIFEST_FILE_NAME}`, size: 2 * 1024 * 1024 }], filesystem ?? 'unknown'), free);
  if (shortage) throw mediaError('MEDIA_NO_SPACE', shortage.message);
}

/**
 * Every file must be readable and be, byte for byte, what the shipment
 * recorded: the Director authorised those exact bytes. Hashed before
 * anything is written, so a wrong file never reaches the drive.
 */
async function checkSources(files: readonly MediaFile[], options: LoadShipmentOptions, signal: AbortSignal | undefined): Promise<Map<string, string | Buffer>> {
  const chosen = new Map<string, string | Buffer>();
  for (const f of files) {
    const source = options.sources?.[f.name] ?? f.sourcePath;
    if (source === null || source === undefined || source === '') {
      throw new AppError('VALIDATION', `No se sabe de dónde leer «${f.name}». Elija el archivo para cargarlo en el medio.`);
    }
    if (typeof source === 'string' && !path.isAbsolute(source)) throw new AppError('VALIDATION', `La ubicación de «${f.name}» debe ser una ruta completa.`);
    // Opening a network path would make Windows hand this workstation's credentials to that server.
    if (typeof source === 'string' && isUncPath(source)) throw new AppError('VALIDATION', `La ubicación de «${f.name}» es una carpeta de red; Valija sólo lee archivos de este equipo.`);
    chosen.set(f.name, source);
  }
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  let bytesDone = 0;
  for (const f of files) {
    const source = chosen.get(f.name) as string | Buffer;
    const got = await digestOf(source, f.name, signal, (n) => {
      bytesDone += n;
      options.onProgress?.({ phase: 'checking', bytesDone, bytesTotal, file: f.name });
    });
    if (got.sha256 !== f.sha256 || got.size !== f.size) {
      throw new AppError(
        'VALIDATION',
        `«${f.name}» no es el archivo autorizado: su huella SHA-256 (o su tamaño) no coincide con la registrada en el envío. No se copió nada. Use el archivo original o prepare un envío nuevo.`,
      );
    }
  }
  return chosen;
}

async function digestOf(source: string | Buffer, name: string, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  if (Buffer.isBuffer(source)) {
    hash.update(source);
    onBytes(source.length);
    return { size: source.length, sha256: hash.digest('hex') };
  }
  let size = 0;
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: 1024 * 1024 })) {
      throwIfAborted(signal);
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      onBytes(bytes.length);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `No se pudo leer «${name}» en «${source}». ¿Se movió o se borró el archivo?`, { cause: error });
  }
  return { size, sha256: hash.digest('hex') };
}

/** The manifest and the key sheet name the encrypted file, or every one of them. */
function ageInfo(files: readonly MediaFile[]): AgeEncryptionInfo {
  const only = files.length === 1 ? files[0] : undefined;
  if (only) return { encryptedFileName: `data/${only.name}${AGE_EXTENSION}`, outputName: only.name };
  // Each file is encrypted beside itself: the sheets name every one and decrypt them all with a loop.
  return { encryptedFileName: `data/*${AGE_EXTENSION}`, outputName: 'data/*', encryptedFiles: files.map((f) => `data/${f.name}${AGE_EXTENSION}`) };
}

function civilDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

