import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { OFFICE_TIME_ZONE } from '../../../shared/format/date';
import { exists, fsyncDir, isErrno } from '../vault/durable-file';
import { AGE_EXTENSION, encryptStream } from './age-payload';
import { formatBagInfo, formatPayloadOxum, type BagInfoField, type PayloadOxum } from './bag-info';
import { formatDeclaration } from './bag-declaration';
import { checkRelativePath, foldKey, isPayloadPath, showPath } from './bag-paths';
import { assertBagValid, verifyBag, type BagVerification } from './bagit-verifier';
import { checkFilesystemLimits, checkFreeSpace, estimateBagBytes, type PlannedFile } from './fs-limits';
import { formatManifest, parseManifestFileName, type ManifestEntry } from './manifests';
import { mediaError, throwIfAborted } from './media-errors';
import { countOf } from '../../../shared/format/plural';

export interface BagSourceFile {
  /** relative path inside data/ (payload) or inside the bag root (tag file), `/`-separated */
  name: string;
  /** absolute path of a file on disk, or the bytes themselves */
  source: string | Buffer;
}

export interface BagInfoInput {
  sourceOrganization: string;
  /** the shipment folio */
  externalIdentifier: string;
  /** YYYY-MM-DD; today in Mexico City when omitted */
  baggingDate?: string;
  /** any other fields, in order: Contact-Name, Organization-Address, Valija-Destinatario… */
  fields?: readonly BagInfoField[];
}

export interface BagContent {
  files: readonly BagSourceFile[];
  bagInfo: BagInfoInput;
  /** extra tag files in the bag root (e.g. `manifiesto.pdf`), listed in the tag manifest */
  tagFiles?: readonly BagSourceFile[];
}

export interface WriteProgress {
  phase: 'copying' | 'verifying';
  bytesDone: number;
  bytesTotal: number;
  /** bag-relative path being written or read */
  file?: string;
}

export interface WriteBagOptions {
  onProgress?: (progress: WriteProgress) => void;
  signal?: AbortSignal;
  /** encrypt every payload file with age under this passphrase; stored as `<name>.age` */
  encryptPassphrase?: string;
  scryptWorkFactor?: number;
  /** file-system type of the target drive (vfat, exfat, ntfs, ext4…), to check names and sizes before copying */
  filesystem?: string;
}

export interface WrittenFile {
  /** bag-relative path as stored (`data/oficio.pdf.age`, `manifiesto.pdf`) */
  path: string;
  /** the name the caller gave */
  name: string;
  size: number;
  sha256: string;
  /** for encrypted payload files: the original bytes' size and digest, for the custody record */
  plain?: { size: number; sha256: string };
}

export interface WrittenBag {
  path: string;
  files: WrittenFile[];
  tagFiles: WrittenFile[];
  payloadOxum: PayloadOxum;
  /** the read-back check of everything written */
  verification: BagVerification;
}

/** Left inside `<target>.partial` so a later run knows the leftover folder is ours to delete. */
const PARTIAL_MARKER = '.valija-incompleto';
/** Files copied at once. */
const PARALLEL_COPIES = 4;
const COPY_CHUNK_BYTES = 1024 * 1024;
/** Labels the writer fills itself; a caller may not set them. */
const COMPUTED_LABELS = ['payload-oxum', 'bagging-date', 'source-organization', 'external-identifier', 'bag-software-agent'];
const RESERVED_TAG_NAMES = new Set(['bagit.txt', 'bag-info.txt', 'fetch.txt', PARTIAL_MARKER]);

interface PlannedCopy {
  name: string;
  bagPath: string;
  source: string | Buffer;
  size: number;
  kind: 'payload' | 'tag';
}

/**
 * Writes a BagIt 1.0 bag at `target` (a folder that must not exist yet).
 *
 * Everything goes to `<target>.partial` first; only when every file is
 * written, flushed to the device and read back against its manifest is the
 * folder renamed to `target`. So a folder named `target` is always a
 * complete, checked bag, and a cancelled or failed copy leaves nothing behind.
 */
export async function writeBag(target: string, content: BagContent, options: WriteBagOptions = {}): Promise<WrittenBag> {
  const { signal } = options;
  const bagDir = path.resolve(target);
  const partial = `${bagDir}.partial`;
  const encrypting = options.encryptPassphrase !== undefined;

  const plan = await planCopies(content, encrypting);
  const infoFields = bagInfoFields(content.bagInfo);
  await checkTarget(bagDir, partial, plan, options.filesystem);
  throwIfAborted(signal);

  const bytesTotal = plan.reduce((sum, p) => sum + p.size, 0);
  let bytesDone = 0;
  const progress = (phase: WriteProgress['phase'], file?: string): void =>
    options.onProgress?.({ phase, bytesDone, bytesTotal, ...(file === undefined ? {} : { file }) });

  await fsp.mkdir(partial);
  try {
    await fsp.writeFile(path.join(partial, PARTIAL_MARKER), 'Copia de Valija sin terminar; se puede borrar.\n');
    await fsp.mkdir(path.join(partial, 'data'));
    progress('copying');

    // A few files at a time: each ends with an fsync, and a records export is
    // hundreds of small files whose flushes would otherwise wait in line.
    const written: Array<WrittenFile & { kind: 'payload' | 'tag' }> = new Array(plan.length);
    let next = 0;
    let failed = false;
    const copier = async (): Promise<void> => {
      while (!failed && next < plan.length) {
        const index = next++;
        const copy = plan[index] as PlannedCopy;
        throwIfAborted(signal);
        const result = await copyOne(copy, partial, {
          signal,
          passphrase: copy.kind === 'payload' ? options.encryptPassphrase : undefined,
          scryptWorkFactor: options.scryptWorkFactor,
          onBytes: (n) => {
            bytesDone += n;
            progress('copying', copy.bagPath);
          },
        });
        written[index] = { ...result, kind: copy.kind };
      }
    };
    // On a failure the other copies finish their current file and stop, and
    // only then is the partial folder removed: none may write into it after.
    const outcomes = await Promise.allSettled(
      Array.from({ length: Math.min(PARALLEL_COPIES, plan.length) }, () =>
        copier().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const files = written.filter((w) => w.kind === 'payload').map(({ kind: _kind, ...rest }) => rest);
    const tagFiles = written.filter((w) => w.kind === 'tag').map(({ kind: _kind, ...rest }) => rest);
    const payloadOxum: PayloadOxum = { octets: files.reduce((sum, f) => sum + f.size, 0), count: files.length };

    // Tag files last: their digests go into the tag manifest.
    const manifest = formatManifest(files.map((f): ManifestEntry => ({ path: f.path, checksum: f.sha256 })));
    const bagInfo = formatBagInfo([
      ...infoFields.head,
      { label: 'Payload-Oxum', value: formatPayloadOxum(payloadOxum) },
      ...infoFields.tail,
    ]);
    const generated = new Map<string, string>([
      ['bagit.txt', formatDeclaration()],
      ['bag-info.txt', bagInfo],
      ['manifest-sha256.txt', manifest],
    ]);
    const tagEntries: ManifestEntry[] = tagFiles.map((t) => ({ path: t.path, checksum: t.sha256 }));
    for (const [name, text] of generated) {
      const bytes = Buffer.from(text, 'utf8');
      await writeDurably(path.join(partial, name), bytes);
      tagEntries.push({ path: name, checksum: sha256(bytes) });
    }
    await writeDurably(path.join(partial, 'tagmanifest-sha256.txt'), Buffer.from(formatManifest(tagEntries), 'utf8'));
    await syncTree(partial);

    // Read back from the drive and check against what we computed while copying.
    bytesDone = 0;
    progress('verifying');
    const verification = await verifyBag(partial, {
      signal,
      onProgress: (p) => options.onProgress?.({ phase: 'verifying', bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, ...(p.file ? { file: p.file } : {}) }),
    });
    assertReadBack(verification, files);

    await fsp.rm(path.join(partial, PARTIAL_MARKER));
    await fsp.rename(partial, bagDir);
    await fsyncDir(path.dirname(bagDir));
    return { path: bagDir, files, tagFiles, payloadOxum, verification };
  } catch (error) {
    await fsp.rm(partial, { recursive: true, force: true });
    if (signal?.aborted) throwIfAborted(signal, 'La copia se canceló. No quedó nada a medio escribir en la unidad.');
    if (error instanceof AppError) throw error;
    throw mediaError('MEDIA_VERIFY_FAILED', `No se pudo escribir el paquete en la unidad (${describeIo(error)}). No quedó nada a medio escribir; revise la unidad e intente de nuevo.`, error);
  }
}

function assertReadBack(verification: BagVerification, files: readonly WrittenFile[]): void {
  try {
    assertBagValid(verification, 'La copia leída de la unidad');
  } catch (error) {
    throw mediaError('MEDIA_VERIFY_FAILED', `${(error as Error).message} La unidad puede estar dañada; use otra.`, error);
  }
  // The verifier read the bag's own manifest; make sure it is the one we meant to write.
  const reported = new Set(verification.files.filter((f) => f.kind === 'payload' && f.status === 'ok').map((f) => f.path));
  const lost = files.find((f) => !reported.has(f.path));
  if (lost) throw mediaError('MEDIA_VERIFY_FAILED', `Al releer la unidad no se encontró «${showPath(lost.path)}». La unidad puede estar dañada; use otra.`);
}

async function planCopies(content: BagContent, encrypting: boolean): Promise<PlannedCopy[]> {
  if (content.files.length === 0) throw mediaError('MEDIA_BAG_INVALID', 'El paquete no tiene archivos que copiar.');
  const plan: PlannedCopy[] = [];
  const byFold = new Map<string, string>();
  const addPath = (bagPath: string, name: string): void => {
    const fold = foldKey(bagPath);
    const twin = byFold.get(fold);
    if (twin !== undefined) {
      throw mediaError('MEDIA_UNSAFE_PATH', `Hay dos archivos con el nombre «${showPath(name)}» (o nombres que sólo difieren en mayúsculas o acentos: «${showPath(twin)}»). Cambie uno.`);
    }
    byFold.set(fold, bagPath);
  };

  for (const file of content.files) {
    const bagPath = `data/${checkName(file.name, 'payload')}${encrypting ? AGE_EXTENSION : ''}`;
    addPath(bagPath, file.name);
    plan.push({ name: file.name, bagPath, source: file.source, size: await sourceSize(file), kind: 'payload' });
  }
  for (const file of content.tagFiles ?? []) {
    const bagPath = checkName(file.name, 'tag');
    addPath(bagPath, file.name);
    plan.push({ name: file.name, bagPath, source: file.source, size: await sourceSize(file), kind: 'tag' });
  }
  // A name used both as a file and as a folder (`a` and `a/b`) cannot be created.
  const paths = new Set(plan.map((p) => foldKey(p.bagPath)));
  for (const p of plan) {
    const parts = foldKey(p.bagPath).split('/');
    for (let i = 1; i < parts.length; i += 1) {
      if (paths.has(parts.slice(0, i).join('/'))) {
        throw mediaError('MEDIA_UNSAFE_PATH', `«${showPath(p.name)}» usaría como carpeta el nombre de otro archivo del paquete.`);
      }
    }
  }
  return plan;
}

function checkName(name: string, kind: 'payload' | 'tag'): string {
  const checked = checkRelativePath(name);
  if (!checked.ok || checked.hadDotSlash) {
    throw mediaError('MEDIA_UNSAFE_PATH', checked.ok ? `El nombre «${showPath(name)}» no debe empezar con «./».` : checked.message);
  }
  // eslint-disable-next-line no-control-regex -- control characters cannot be part of a portable name
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw mediaError('MEDIA_UNSAFE_PATH', `El nombre «${showPath(name)}» contiene caracteres de control; cámbielo.`);
  }
  if (kind === 'tag') {
    const lower = name.toLowerCase();
    if (isPayloadPath(name) || lower === 'data' || lower.startsWith('data/') || RESERVED_TAG_NAMES.has(lower) || parseManifestFileName(lower)) {
      throw mediaError('MEDIA_UNSAFE_PATH', `«${showPath(name)}» es un nombre reservado de BagIt y no puede usarse para un archivo adicional.`);
    }
  }
  return checked.path;
}

async function sourceSize(file: BagSourceFile): Promise<number> {
  if (Buffer.isBuffer(file.source)) return file.source.length;
  if (!path.isAbsolute(file.source)) throw mediaError('MEDIA_BAG_INVALID', `El origen de «${showPath(file.name)}» debe ser una ruta absoluta.`);
  try {
    const stat = await fsp.stat(file.source);
    if (!stat.isFile()) throw mediaError('MEDIA_BAG_INVALID', `El origen de «${showPath(file.name)}» no es un archivo.`);
    return stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `No se encontró el archivo de origen de «${showPath(file.name)}».`, { cause: error });
  }
}

function bagInfoFields(input: BagInfoInput): { head: BagInfoField[]; tail: BagInfoField[] } {
  const check = (label: string, value: string): BagInfoField => {
    // eslint-disable-next-line no-control-regex -- a label or value with line breaks would forge other fields
    if (/[\u0000-\u001f\u007f]/.test(label + value)) throw mediaError('MEDIA_BAG_INVALID', `El campo «${showPath(label)}» de bag-info.txt no puede tener saltos de línea ni caracteres de control.`);
    if (label.trim() !== label || label === '' || label.includes(':')) throw mediaError('MEDIA_BAG_INVALID', `«${showPath(label)}» no es una etiqueta válida para bag-info.txt.`);
    return { label, value: value.trim() };
  };
  const date = input.baggingDate ?? todayInOffice();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw mediaError('MEDIA_BAG_INVALID', `La fecha de empaquetado «${showPath(date)}» debe tener la forma AAAA-MM-DD.`);
  if (input.externalIdentifier.trim() === '') throw mediaError('MEDIA_BAG_INVALID', 'Falta el folio del envío (External-Identifier).');
  const head = [
    check('Source-Organization', input.sourceOrganization),
    check('External-Identifier', input.externalIdentifier),
    check('Bagging-Date', date),
    check('Bag-Software-Agent', 'Valija'),
  ];
  const tail = (input.fields ?? []).map((f) => {
    if (COMPUTED_LABELS.includes(f.label.toLowerCase())) throw mediaError('MEDIA_BAG_INVALID', `El campo «${f.label}» de bag-info.txt lo llena Valija; no se puede indicar.`);
    return check(f.label, f.value);
  });
  return { head, tail };
}

/** The civil date at the office (Mexico City), not UTC: a bag made at 19:00 is dated today. */
function todayInOffice(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

async function checkTarget(bagDir: string, partial: string, plan: readonly PlannedCopy[], filesystem: string | undefined): Promise<void> {
  const parent = path.dirname(bagDir);
  try {
    if (!(await fsp.stat(parent)).isDirectory()) throw new Error('not a directory');
  } catch (error) {
    throw new AppError('NOT_FOUND', `No se encontró la carpeta de destino «${parent}». ¿Se retiró la unidad?`, { cause: error });
  }
  if (await exists(bagDir)) throw mediaError('MEDIA_TARGET_EXISTS', `Ya existe «${path.basename(bagDir)}» en la unidad; no se sobrescribirá. Elija otro nombre o borre la carpeta.`);
  if (await exists(partial)) {
    // A leftover of ours (marker inside) is garbage from a crash; anything else is not ours to delete.
    if (!(await exists(path.join(partial, PARTIAL_MARKER)))) {
      throw mediaError('MEDIA_TARGET_EXISTS', `Ya existe «${path.basename(partial)}» en la unidad y no es de Valija; bórrela o elija otro nombre.`);
    }
    await fsp.rm(partial, { recursive: true, force: true });
  }

  const planned: PlannedFile[] = plan.map((p) => ({ path: `${path.basename(bagDir)}/${p.bagPath}`, size: p.size }));
  if (filesystem !== undefined) {
    const problems = checkFilesystemLimits(filesystem, planned);
    const first = problems[0];
    if (first) {
      const more = problems.length > 1 ? ` (y ${countOf(problems.length - 1, 'problema', 'problemas')} más)` : '';
      throw mediaError(first.code === 'FILE_TOO_LARGE' ? 'MEDIA_NO_SPACE' : 'MEDIA_UNSAFE_PATH', `${first.message}${more}`);
    }
  }
  const stats = await fsp.statfs(parent);
  // Encryption adds 16 bytes per 64 KiB plus a small header.
  const grown = planned.map((p) => ({ ...p, size: p.size + Math.ceil(p.size / 65536) * 16 + 1024 }));
  const shortage = checkFreeSpace(estimateBagBytes(grown, filesystem ?? 'unknown'), stats.bavail * stats.bsize);
  if (shortage) throw mediaError('MEDIA_NO_SPACE', shortage.message);
}

async function copyOne(
  copy: PlannedCopy,
  bagRoot: string,
  options: { signal: AbortSignal | undefined; passphrase: string | undefined; scryptWorkFactor: number | undefined; onBytes: (n: number) => void },
): Promise<WrittenFile> {
  const destination = path.join(bagRoot, ...copy.bagPath.split('/'));
  await fsp.mkdir(path.dirname(destination), { recursive: true });
  const plainHash = createHash('sha256');
  let plainSize = 0;
  const source: AsyncIterable<Uint8Array> = Buffer.isBuffer(copy.source)
    ? bufferChunks(copy.source)
    : createReadStream(copy.source, { highWaterMark: COPY_CHUNK_BYTES });

  // Hash the original bytes as they are read, before any encryption.
  async function* tapped(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      throwIfAborted(options.signal);
      plainHash.update(chunk);
      plainSize += chunk.length;
      options.onBytes(chunk.length);
      yield chunk;
    }
  }
  const stored: AsyncIterable<Uint8Array> =
    options.passphrase === undefined
      ? tapped()
      : await encryptStream(Readable.from(tapped()), options.passphrase, {
          signal: options.signal,
          ...(options.scryptWorkFactor === undefined ? {} : { scryptWorkFactor: options.scryptWorkFactor }),
        });

  const storedHash = createHash('sha256');
  let storedSize = 0;
  const handle = await fsp.open(destination, 'wx');
  try {
    for await (const chunk of stored) {
      storedHash.update(chunk);
      storedSize += chunk.length;
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (typeof copy.source === 'string' && copy.size !== plainSize) {
    throw mediaError('MEDIA_VERIFY_FAILED', `«${showPath(copy.name)}» cambió de tamaño mientras se copiaba; intente de nuevo cuando nadie lo esté modificando.`);
  }
  const plainDigest = plainHash.digest('hex');
  const result: WrittenFile = { path: copy.bagPath, name: copy.name, size: storedSize, sha256: storedHash.digest('hex') };
  if (options.passphrase !== undefined) result.plain = { size: plainSize, sha256: plainDigest };
  return result;
}

async function* bufferChunks(buffer: Buffer): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < buffer.length; offset += COPY_CHUNK_BYTES) yield buffer.subarray(offset, offset + COPY_CHUNK_BYTES);
}

async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  const handle = await fsp.open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes every folder entry of the bag durable before it is renamed into place. */
async function syncTree(root: string): Promise<void> {
  const entries = await fsp.readdir(root, { withFileTypes: true, recursive: true });
  const dirs = new Set([root, ...entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name))]);
  for (const dir of dirs) await fsyncDir(dir);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describeIo(error: unknown): string {
  if (isErrno(error, 'ENOSPC')) return 'la unidad se llenó';
  if (isErrno(error, 'EROFS')) return 'la unidad está protegida contra escritura';
  if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM')) return 'no hay permiso para escribir en la unidad';
  if (isErrno(error, 'ENOENT') || isErrno(error, 'EIO')) return 'la unidad no respondió; ¿se retiró?';
  if (isErrno(error, 'EFBIG')) return 'un archivo es demasiado grande para el sistema de archivos de la unidad';
  return 'error de escritura';
}
