import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { fieldValues, parseBagInfo, parsePayloadOxum, type BagInfoField, type PayloadOxum } from './bag-info';
import { parseDeclaration, MAX_DECLARATION_BYTES, type BagDeclaration } from './bag-declaration';
import { IssueList, type BagIssue } from './bag-issues';
import { checkRelativePath, decodeManifestPath, foldKey, isPayloadPath, isSpecialSystemFile, showPath } from './bag-paths';
import { walkBag, type BagTree, type FileOnDisk } from './bag-tree';
import { hashFile } from './checksums';
import { isChecksumAlgorithm, parseManifest, parseManifestFileName, type ChecksumAlgorithm, type ManifestKind } from './manifests';
import { isAbortError, mediaError } from './media-errors';
import { decodeTagText, MAX_TAG_FILE_BYTES, splitTagLines } from './tag-text';
import { countOf } from '../../../shared/format/plural';

export type BagFileStatus = 'ok' | 'missing' | 'altered' | 'unexpected';

export interface BagFileReport {
  /** bag-relative path as the manifest names it (or as found on disk, for unexpected files) */
  path: string;
  kind: 'payload' | 'tag';
  status: BagFileStatus;
  size?: number;
  /** for `altered`: the first algorithm whose digest differs, and both digests */
  algorithm?: ChecksumAlgorithm;
  expected?: string;
  actual?: string;
}

export interface BagVerification {
  valid: boolean;
  /** BagIt-Version from bagit.txt, null when it could not be read */
  version: string | null;
  errors: BagIssue[];
  warnings: BagIssue[];
  files: BagFileReport[];
  bagInfo: BagInfoField[];
  /** what data/ really holds */
  payload: PayloadOxum;
}

export interface VerifyProgress {
  bytesDone: number;
  bytesTotal: number;
  /** bag-relative path being read */
  file?: string;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (progress: VerifyProgress) => void;
}

interface ParsedManifest {
  fileName: string;
  kind: ManifestKind;
  algorithm: ChecksumAlgorithm;
  entries: Map<string, string>; // path → checksum
}

/** One manifest path, resolved to a file on disk (or not). */
interface Expectation {
  path: string;
  kind: 'payload' | 'tag';
  disk: FileOnDisk | null;
  checks: Array<{ algorithm: ChecksumAlgorithm; checksum: string }>;
}

const NOFOLLOW_READ = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Checks a bag folder against BagIt (RFC 8493, and the 0.9x drafts the Library
 * of Congress suite still uses). Problems with the bag are *reported*, never
 * thrown: the result says what is wrong, file by file, in Spanish. Only a
 * folder that does not exist, a cancellation or an unexpected I/O failure
 * throws.
 *
 * Safety: files are opened only if the folder walk found them as regular
 * files; manifest paths are checked as text first. Nothing outside `dir` is
 * read, whatever the manifests say.
 */
export async function verifyBag(dir: string, options: VerifyOptions = {}): Promise<BagVerification> {
  const root = await openRoot(dir);
  const issues = new IssueList();
  const tree = await walkBag(root, issues, options.signal);
  const payload = payloadOf(tree);
  const files: BagFileReport[] = [];
  const bagInfo: BagInfoField[] = [];
  const finish = (declaration: BagDeclaration | null): BagVerification => ({
    valid: issues.errors.length === 0,
    version: declaration?.version ?? null,
    errors: issues.errors,
    warnings: issues.warnings,
    files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    bagInfo,
    payload,
  });

  const declarationFile = tree.files.get('bagit.txt');
  if (!declarationFile) {
    issues.error('DECLARATION', 'No es un paquete BagIt: falta el archivo bagit.txt.', 'bagit.txt');
    return finish(null);
  }
  const declarationBytes = await readTagBytes(declarationFile, MAX_DECLARATION_BYTES, issues);
  const declaration = declarationBytes ? parseDeclaration(declarationBytes, issues) : null;
  if (!declaration) return finish(null);
  if (!tree.hasDataDir) issues.error('FILE_MISSING', 'Falta la carpeta data/ con el contenido del paquete.', 'data/');

  const readText = async (file: FileOnDisk): Promise<string | null> => {
    const bytes = await readTagBytes(file, MAX_TAG_FILE_BYTES, issues);
    if (!bytes) return null;
    const decoded = decodeTagText(bytes, declaration.encoding, file.path);
    if (!decoded.ok) {
      issues.error('ENCODING', decoded.message, file.path);
      return null;
    }
    if (decoded.hadBom && declaration.encoding.toLowerCase().replace('_', '-') === 'utf-8') {
      issues.warn('ENCODING', `«${file.path}» empieza con una marca BOM; se ignora.`, file.path);
    }
    return decoded.text;
  };

  const manifests = await readManifests(tree, declaration, readText, issues);
  const payloadManifests = manifests.filter((m) => m.kind === 'payload');

  const infoFile = tree.files.get('bag-info.txt');
  const infoText = infoFile ? await readText(infoFile) : null;
  if (infoText !== null) bagInfo.push(...parseBagInfo(infoText, 'bag-info.txt', issues));

  const fetchTargets = await readFetch(tree, declaration, readText, issues);

  const expectations = [...plan(manifests, 'payload', tree, issues), ...plan(manifests, 'tag', tree, issues)];
  const missingSystemFiles = expectations.filter((e) => e.kind === 'payload' && !e.disk && isSpecialSystemFile(e.path)).length;
  checkPayloadOxum(bagInfo, payload, missingSystemFiles, issues);
  const needed = new Map<string, { file: FileOnDisk; algorithms: Set<ChecksumAlgorithm> }>();
  for (const e of expectations) {
    if (!e.disk) continue;
    const slot = needed.get(e.disk.path) ?? { file: e.disk, algorithms: new Set<ChecksumAlgorithm>() };
    for (const c of e.checks) slot.algorithms.add(c.algorithm);
    needed.set(e.disk.path, slot);
  }

  // Read every needed file once, in path order.
  const bytesTotal = [...needed.values()].reduce((sum, n) => sum + n.file.size, 0);
  let bytesDone = 0;
  const digests = new Map<string, Partial<Record<ChecksumAlgorithm, string>>>();
  const readFailures = new Set<string>();
  options.onProgress?.({ bytesDone, bytesTotal });
  for (const diskPath of [...needed.keys()].sort()) {
    const slot = needed.get(diskPath);
    if (!slot) continue;
    try {
      const result = await hashFile(slot.file.absolute, [...slot.algorithms], {
        signal: options.signal,
        onBytes: (n) => {
          bytesDone += n;
          options.onProgress?.({ bytesDone, bytesTotal, file: diskPath });
        },
      });
      digests.set(diskPath, result.digests);
    } catch (error) {
      if (error instanceof AppError || isAbortError(error)) throw error;
      readFailures.add(diskPath);
      issues.error('READ_ERROR', `No se pudo leer «${showPath(diskPath)}»: ${errnoText(error)}`, diskPath);
    }
  }

  for (const e of expectations) files.push(compare(e, digests, readFailures, fetchTargets, issues));

  // Every payload file must be listed: in every manifest (1.0) or at least one (0.9x).
  const claimedBy = new Map<string, Set<string>>();
  for (const e of expectations) {
    if (e.kind !== 'payload' || !e.disk) continue;
    const owners = claimedBy.get(e.disk.path) ?? new Set<string>();
    for (const m of payloadManifests) if (m.entries.has(e.path)) owners.add(m.fileName);
    claimedBy.set(e.disk.path, owners);
  }
  for (const file of tree.files.values()) {
    if (!isPayloadPath(file.path)) continue;
    const owners = claimedBy.get(file.path);
    if (!owners || owners.size === 0) {
      if (payloadManifests.length === 0) continue; // already reported: no manifest at all
      issues.error('FILE_UNEXPECTED', `«${showPath(file.path)}» está en data/ pero ningún manifiesto lo lista.`, file.path);
      files.push({ path: file.path, kind: 'payload', status: 'unexpected', size: file.size });
    } else if (declaration.modern && owners.size < payloadManifests.length) {
      const absent = payloadManifests.filter((m) => !owners.has(m.fileName)).map((m) => m.fileName);
      issues.error('FILE_NOT_IN_EVERY_MANIFEST', `«${showPath(file.path)}» no aparece en ${absent.join(', ')}; en BagIt 1.0 cada manifiesto debe listar todos los archivos.`, file.path);
    }
  }
  return finish(declaration);
}

/**
 * Throws when the bag is not valid, with the first problem in the message;
 * for callers that only go on with a good bag (import, after-write check).
 */
export function assertBagValid(result: BagVerification, what = 'El paquete'): void {
  if (result.valid) return;
  const first = result.errors[0]?.message ?? '';
  const more = result.errors.length > 1 ? ` (y ${countOf(result.errors.length - 1, 'problema', 'problemas')} más)` : '';
  throw mediaError('MEDIA_BAG_INVALID', `${what} no es válido: ${first}${more}`);
}

async function openRoot(dir: string): Promise<string> {
  let root: string;
  try {
    root = await fsp.realpath(path.resolve(dir));
  } catch (error) {
    throw new AppError('NOT_FOUND', `No existe la carpeta «${dir}».`, { cause: error });
  }
  const stat = await fsp.stat(root);
  if (!stat.isDirectory()) throw mediaError('MEDIA_BAG_INVALID', `«${dir}» no es una carpeta; un paquete BagIt es una carpeta.`);
  return root;
}

function payloadOf(tree: BagTree): PayloadOxum {
  let octets = 0;
  let count = 0;
  for (const file of tree.files.values()) {
    if (!isPayloadPath(file.path)) continue;
    octets += file.size;
    count += 1;
  }
  return { octets, count };
}

async function readTagBytes(file: FileOnDisk, limit: number, issues: IssueList): Promise<Buffer | null> {
  if (file.size > limit) {
    issues.error('MANIFEST_TOO_LARGE', `«${showPath(file.path)}» mide ${file.size.toLocaleString('es-MX')} bytes; el máximo que se acepta es ${limit.toLocaleString('es-MX')}.`, file.path);
    return null;
  }
  try {
    return await fsp.readFile(file.absolute, { flag: NOFOLLOW_READ });
  } catch (error) {
    issues.error('READ_ERROR', `No se pudo leer «${showPath(file.path)}»: ${errnoText(error)}`, file.path);
    return null;
  }
}

async function readManifests(
  tree: BagTree,
  declaration: BagDeclaration,
  readText: (file: FileOnDisk) => Promise<string | null>,
  issues: IssueList,
): Promise<ParsedManifest[]> {
  const manifests: ParsedManifest[] = [];
  const unsupported: string[] = [];
  for (const file of [...tree.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (file.path.includes('/')) continue;
    const name = parseManifestFileName(file.path);
    if (!name) continue;
    if (!isChecksumAlgorithm(name.algorithm)) {
      unsupported.push(file.path);
      continue;
    }
    const text = await readText(file);
    if (text === null) continue;
    const options = { fileName: file.path, kind: name.kind, algorithm: name.algorithm, modern: declaration.modern };
    const entries = parseManifest(text, options, issues);
    manifests.push({ ...options, entries: new Map(entries.map((e) => [e.path, e.checksum])) });
  }
  const hasPayloadManifest = manifests.some((m) => m.kind === 'payload');
  for (const name of unsupported) {
    const message = `No se puede comprobar «${name}»: Valija no conoce ese algoritmo (admite md5, sha1, sha224, sha256, sha384 y sha512).`;
    // An unknown tag manifest, or an extra payload manifest, leaves the bag checkable; a lone one does not.
    if (name.startsWith('tag') || hasPayloadManifest) issues.warn('UNSUPPORTED_ALGORITHM', message, name);
    else issues.error('UNSUPPORTED_ALGORITHM', message, name);
  }
  const payloadAlgorithms = manifests.filter((m) => m.kind === 'payload').map((m) => m.algorithm);
  if (payloadAlgorithms.length > 0 && payloadAlgorithms.every((a) => a === 'md5' || a === 'sha1')) {
    // Both have known collisions: matching files prove no accident, not that nobody swapped them on purpose.
    issues.warn(
      'WEAK_ALGORITHM',
      `El contenido sólo está protegido con ${payloadAlgorithms.map((a) => a.toUpperCase().replace('SHA1', 'SHA-1')).join(' y ')}: los archivos coinciden con el manifiesto, pero esos algoritmos ya no impiden que alguien los sustituya a propósito. Pida a quien lo envió un manifiesto SHA-256 o SHA-512.`,
    );
  }
  if (!hasPayloadManifest && unsupported.every((n) => n.startsWith('tag'))) {
    issues.error('MANIFEST_MISSING', 'El paquete no tiene manifiesto de contenido (manifest-<algoritmo>.txt).');
  }
  return manifests;
}

/**
 * Payload-Oxum is a quick completeness check (bytes.files). Operating-system
 * files (.DS_Store…) that copy tools dropped are reported elsewhere as
 * warnings; when they alone explain the difference, it is a warning too.
 */
function checkPayloadOxum(bagInfo: readonly BagInfoField[], actual: PayloadOxum, missingSystemFiles: number, issues: IssueList): void {
  const values = [...new Set(fieldValues(bagInfo, 'Payload-Oxum'))];
  if (values.length === 0) return;
  if (values.length > 1) {
    issues.error('PAYLOAD_OXUM', `bag-info.txt declara Payload-Oxum más de una vez con valores distintos (${values.join(', ')}).`, 'bag-info.txt');
    return;
  }
  const declared = parsePayloadOxum(values[0] ?? '');
  if (!declared) {
    issues.error('PAYLOAD_OXUM', `Payload-Oxum «${values[0]}» no tiene la forma «bytes.archivos».`, 'bag-info.txt');
    return;
  }
  if (declared.octets === actual.octets && declared.count === actual.count) return;
  const explained = missingSystemFiles > 0 && declared.count === actual.count + missingSystemFiles && declared.octets >= actual.octets;
  issues.report(
    !explained,
    'PAYLOAD_OXUM',
    `bag-info.txt declara ${countOf(declared.count, 'archivo', 'archivos')} y ${declared.octets.toLocaleString('es-MX')} bytes, pero data/ tiene ${countOf(actual.count, 'archivo', 'archivos')} y ${actual.octets.toLocaleString('es-MX')} bytes.`,
    'bag-info.txt',
  );
}

/**
 * fetch.txt lists files to download. Valija works offline and never
 * downloads: a bag whose fetched files are all present is fine (with a
 * warning); one that still needs downloading is reported as such.
 * Returns the bag paths fetch.txt names, checked like manifest paths.
 */
async function readFetch(
  tree: BagTree,
  declaration: BagDeclaration,
  readText: (file: FileOnDisk) => Promise<string | null>,
  issues: IssueList,
): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  const file = tree.files.get('fetch.txt');
  if (!file) return targets;
  const text = await readText(file);
  if (text === null) return targets;
  for (const [index, line] of splitTagLines(text).entries()) {
    if (line.trim() === '') continue;
    const match = /^(\S+)[ \t]+(\d+|-)[ \t]+(.+)$/.exec(line);
    if (!match?.[1] || !match[3]) {
      issues.error('MANIFEST_MALFORMED', `La línea ${index + 1} de fetch.txt no tiene la forma «URL tamaño ruta».`, 'fetch.txt');
      continue;
    }
    const checked = checkRelativePath(declaration.modern ? decodeManifestPath(match[3]) : match[3]);
    if (!checked.ok) {
      issues.error('UNSAFE_PATH', `${checked.message} (fetch.txt, línea ${index + 1})`, 'fetch.txt');
    } else if (!isPayloadPath(checked.path)) {
      issues.error('OUTSIDE_PAYLOAD', `fetch.txt pide descargar «${showPath(checked.path)}», fuera de la carpeta data/.`, 'fetch.txt');
    } else {
      targets.set(checked.path, match[1]);
    }
  }
  issues.warn('FETCH_UNSUPPORTED', 'El paquete trae fetch.txt (archivos para descargar); Valija no descarga nada y sólo revisa los archivos presentes.', 'fetch.txt');
  return targets;
}

/** The file on disk for a manifest path: the exact name, else the only name equal up to case and Unicode form. */
function resolve(bagPath: string, tree: BagTree, issues: IssueList): FileOnDisk | null {
  const exact = tree.files.get(bagPath);
  if (exact) return exact;
  const twins = tree.byFold.get(foldKey(bagPath)) ?? [];
  const only = twins.length === 1 ? tree.files.get(twins[0] ?? '') : undefined;
  if (!only) return null;
  issues.warn(
    'AMBIGUOUS_NAME',
    `«${showPath(bagPath)}» no existe con ese nombre exacto; se revisó «${showPath(only.path)}», que sólo difiere en mayúsculas, minúsculas o acentos compuestos.`,
    bagPath,
  );
  return only;
}

/** Which file on disk answers each path of the manifests of one kind, and which digests it must match. */
function plan(manifests: readonly ParsedManifest[], kind: ManifestKind, tree: BagTree, issues: IssueList): Expectation[] {
  const byPath = new Map<string, Expectation>();
  for (const manifest of manifests) {
    if (manifest.kind !== kind) continue;
    for (const [bagPath, checksum] of manifest.entries) {
      let e = byPath.get(bagPath);
      if (!e) {
        e = { path: bagPath, kind, disk: resolve(bagPath, tree, issues), checks: [] };
        byPath.set(bagPath, e);
      }
      e.checks.push({ algorithm: manifest.algorithm, checksum });
    }
  }
  return [...byPath.values()];
}

function compare(
  e: Expectation,
  digests: ReadonlyMap<string, Partial<Record<ChecksumAlgorithm, string>>>,
  readFailures: ReadonlySet<string>,
  fetchTargets: ReadonlyMap<string, string>,
  issues: IssueList,
): BagFileReport {
  const shown = showPath(e.path);
  if (!e.disk) {
    const url = fetchTargets.get(e.path);
    if (url !== undefined) {
      issues.error('FETCH_UNSUPPORTED', `Falta «${shown}»: fetch.txt indica descargarlo de ${showPath(url)}, pero Valija no descarga archivos. Pida el paquete completo.`, e.path);
    } else if (e.kind === 'payload' && isSpecialSystemFile(e.path)) {
      issues.warn('SPECIAL_FILE', `Falta «${shown}», un archivo que el sistema operativo crea por su cuenta; no forma parte del contenido y se ignora.`, e.path);
    } else {
      const where = e.kind === 'payload' ? 'el manifiesto' : 'el manifiesto de etiquetas';
      issues.error('FILE_MISSING', `Falta «${shown}», que ${where} lista.`, e.path);
    }
    return { path: e.path, kind: e.kind, status: 'missing' };
  }
  const size = e.disk.size;
  if (readFailures.has(e.disk.path)) return { path: e.path, kind: e.kind, status: 'missing', size };
  if (e.kind === 'payload' && isSpecialSystemFile(e.path)) {
    issues.warn('SPECIAL_FILE', `«${shown}» es un archivo que el sistema operativo crea por su cuenta (no es contenido del envío).`, e.path);
  }
  const actual = digests.get(e.disk.path) ?? {};
  for (const check of e.checks) {
    const got = actual[check.algorithm];
    if (got !== check.checksum) {
      issues.error('FILE_ALTERED', `«${shown}» fue alterado o está dañado: su suma ${check.algorithm} no coincide con el manifiesto.`, e.path);
      return { path: e.path, kind: e.kind, status: 'altered', size, algorithm: check.algorithm, expected: check.checksum, actual: got ?? '' };
    }
  }
  return { path: e.path, kind: e.kind, status: 'ok', size };
}

function errnoText(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'no hay permiso de lectura.';
    case 'ENOENT':
      return 'el archivo desapareció durante la revisión (¿se retiró la unidad?).';
    case 'EIO':
      return 'error de lectura del dispositivo (la unidad puede estar dañada).';
    case 'ELOOP':
      return 'es un enlace simbólico.';
    default:
      return 'error de lectura.';
  }
}
