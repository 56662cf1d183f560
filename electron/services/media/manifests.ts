import { checkRelativePath, decodeManifestPath, encodeManifestPath, foldKey, isPayloadPath, showPath } from './bag-paths';
import type { IssueList } from './bag-issues';
import { MAX_TAG_FILE_LINES, splitTagLines } from './tag-text';

/** Algorithms we can check, with the length of their hex digest. */
export const CHECKSUM_ALGORITHMS = {
  md5: 32,
  sha1: 40,
  sha224: 56,
  sha256: 64,
  sha384: 96,
  sha512: 128,
} as const;

export type ChecksumAlgorithm = keyof typeof CHECKSUM_ALGORITHMS;

export function isChecksumAlgorithm(name: string): name is ChecksumAlgorithm {
  return Object.hasOwn(CHECKSUM_ALGORITHMS, name);
}

export type ManifestKind = 'payload' | 'tag';

/** `manifest-sha256.txt` → payload/sha256; `tagmanifest-md5.txt` → tag/md5; anything else → null. */
export function parseManifestFileName(name: string): { kind: ManifestKind; algorithm: string } | null {
  const match = /^(tag)?manifest-([a-z0-9]+)\.txt$/.exec(name);
  if (!match?.[2]) return null;
  return { kind: match[1] ? 'tag' : 'payload', algorithm: match[2] };
}

export function manifestFileName(kind: ManifestKind, algorithm: ChecksumAlgorithm): string {
  return `${kind === 'tag' ? 'tag' : ''}manifest-${algorithm}.txt`;
}

export interface ManifestEntry {
  path: string;
  /** lower-case hex */
  checksum: string;
}

export interface ParseManifestOptions {
  fileName: string;
  kind: ManifestKind;
  algorithm: ChecksumAlgorithm;
  /** 1.0 and later decode %0A/%0D/%25 and treat duplicates as errors */
  modern: boolean;
}

/**
 * Reads `checksum<space(s)>path` lines. Every path is checked as text before
 * anyone joins it to a folder. Problems go to `issues`; the entries returned
 * are the usable ones, each path once.
 */
export function parseManifest(text: string, options: ParseManifestOptions, issues: IssueList): ManifestEntry[] {
  const { fileName, kind, algorithm, modern } = options;
  const lines = splitTagLines(text);
  if (lines.length > MAX_TAG_FILE_LINES) {
    issues.error('MANIFEST_TOO_LARGE', `El manifiesto «${fileName}» tiene más de ${MAX_TAG_FILE_LINES.toLocaleString('es-MX')} líneas; no se procesa.`, fileName);
    return [];
  }
  const digestLength = CHECKSUM_ALGORITHMS[algorithm];
  const byPath = new Map<string, ManifestEntry>();
  const byFold = new Map<string, string>();
  let warnedStar = false;
  let warnedDotSlash = false;

  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `«${fileName}», línea ${index + 1}`;
    const match = /^([0-9A-Fa-f]+)[ \t]+(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) {
      issues.error('MANIFEST_MALFORMED', `La ${where} no tiene la forma «suma ruta»: ${showPath(line)}`, fileName);
      continue;
    }
    const checksum = match[1].toLowerCase();
    if (checksum.length !== digestLength) {
      issues.error('MANIFEST_MALFORMED', `La ${where} tiene una suma de ${checksum.length} caracteres; ${algorithm} usa ${digestLength}.`, fileName);
      continue;
    }
    let rawPath = match[2];
    // md5sum and sha*sum write ` *path` in binary mode; the star is not part of the name.
    if (rawPath.startsWith('*')) {
      rawPath = rawPath.slice(1);
      if (!warnedStar) issues.warn('TOOL_QUIRK', `«${fileName}» marca las rutas con «*» (formato de md5sum); se ignora la marca.`, fileName);
      warnedStar = true;
    }
    const checked = checkRelativePath(modern ? decodeManifestPath(rawPath) : rawPath);
    if (!checked.ok) {
      issues.error('UNSAFE_PATH', `${checked.message} (${where})`, fileName);
      continue;
    }
    if (checked.hadDotSlash && !warnedDotSlash) {
      issues.warn('TOOL_QUIRK', `«${fileName}» escribe rutas que empiezan con «./»; se aceptan como relativas al paquete.`, fileName);
      warnedDotSlash = true;
    }
    const bagPath = checked.path;
    if (kind === 'payload' && !isPayloadPath(bagPath)) {
      issues.error('OUTSIDE_PAYLOAD', `El manifiesto «${fileName}» lista «${showPath(bagPath)}», que está fuera de la carpeta data/.`, fileName);
      continue;
    }

    const previous = byPath.get(bagPath);
    if (previous) {
      if (previous.checksum !== checksum) {
        issues.error('DUPLICATE_ENTRY', `«${fileName}» lista «${showPath(bagPath)}» dos veces con sumas distintas.`, bagPath);
      } else {
        issues.report(modern, 'DUPLICATE_ENTRY', `«${fileName}» lista «${showPath(bagPath)}» más de una vez.`, bagPath);
      }
      continue;
    }
    const fold = foldKey(bagPath);
    const twin = byFold.get(fold);
    if (twin !== undefined) {
      issues.report(
        modern,
        'AMBIGUOUS_NAME',
        `«${fileName}» lista «${showPath(twin)}» y «${showPath(bagPath)}», que sólo difieren en mayúsculas, minúsculas o acentos compuestos; en Windows y macOS serían el mismo archivo.`,
        bagPath,
      );
    } else {
      byFold.set(fold, bagPath);
    }
    byPath.set(bagPath, { path: bagPath, checksum });
  }
  return [...byPath.values()];
}

/** Manifest text as we write it: sorted, LF line ends, BagIt 1.0 path encoding. */
export function formatManifest(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.checksum}  ${encodeManifestPath(e.path)}\n`)
    .join('');
}
