/**
 * What a target file system can hold, checked *before* anything is copied so
 * the person learns about a 5 GB video on a FAT32 stick or a name Windows
 * refuses while there is still time to fix it, not half-way through a copy.
 *
 * Windows naming rules are applied to every family a Windows machine may
 * write (FAT, exFAT, NTFS) and to file systems we do not recognise: the bag
 * travels to another agency, most likely to a Windows desktop.
 */

export type FilesystemFamily = 'fat32' | 'exfat' | 'ntfs' | 'apple' | 'posix' | 'unknown';

/** FAT32 stores sizes in 32 bits: the largest file is 4 GiB minus one byte. */
export const FAT32_MAX_FILE_BYTES = 4 * 1024 ** 3 - 1;
/**
 * Windows' classic MAX_PATH is 260 characters including `E:\` and the final
 * NUL; Explorer and many tools still stop there, so a relative path on a
 * Windows-family drive must fit in 256.
 */
export const WINDOWS_MAX_RELATIVE_PATH = 256;
export const MAX_NAME_UNITS = 255;
export const POSIX_MAX_PATH_BYTES = 4096;
/** Room for bagit.txt, bag-info.txt, the manifests and slack, on top of the estimate. */
export const DEFAULT_SPACE_MARGIN_BYTES = 1024 * 1024;

export type FsLimitCode =
  | 'FILE_TOO_LARGE'
  | 'FORBIDDEN_CHARACTER'
  | 'RESERVED_NAME'
  | 'TRAILING_DOT_OR_SPACE'
  | 'NAME_TOO_LONG'
  | 'PATH_TOO_LONG'
  | 'CASE_COLLISION'
  | 'NOT_ENOUGH_SPACE';

export interface FsLimitProblem {
  code: FsLimitCode;
  message: string;
  path?: string;
}

export interface PlannedFile {
  /** relative to the drive root, `/`-separated (include the bag folder for accurate path lengths) */
  path: string;
  size: number;
}

export function filesystemFamily(type: string): FilesystemFamily {
  const name = type.trim().toLowerCase();
  if (['vfat', 'fat', 'fat12', 'fat16', 'fat32', 'msdos'].includes(name)) return 'fat32';
  if (name === 'exfat') return 'exfat';
  if (['ntfs', 'ntfs3', 'ntfs-3g'].includes(name)) return 'ntfs';
  if (['apfs', 'hfs', 'hfsplus', 'hfs+'].includes(name)) return 'apple';
  if (['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'f2fs', 'zfs', 'jfs', 'reiserfs', 'tmpfs', 'overlay', 'nilfs2'].includes(name)) return 'posix';
  // `fuseblk` may be NTFS or exFAT behind FUSE; unknown gets the strictest rules.
  return 'unknown';
}

const FAMILY_LABEL: Record<FilesystemFamily, string> = {
  fat32: 'FAT32',
  exfat: 'exFAT',
  ntfs: 'NTFS',
  apple: 'de Mac (APFS/HFS+)',
  posix: 'de Linux',
  unknown: 'de tipo desconocido',
};

function followsWindowsRules(family: FilesystemFamily): boolean {
  return family === 'fat32' || family === 'exfat' || family === 'ntfs' || family === 'unknown';
}

function isCaseInsensitive(family: FilesystemFamily): boolean {
  return family !== 'posix';
}

// eslint-disable-next-line no-control-regex -- control characters are forbidden in Windows names
const WINDOWS_FORBIDDEN = /[<>:"\\|?*\u0000-\u001f]/g;
/** CON, PRN… are devices on Windows even with an extension (`NUL.txt`); COM¹ etc. count too. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

function describeForbidden(found: string[]): string {
  const visible = [...new Set(found)].map((c) => (c.charCodeAt(0) < 32 ? 'caracteres de control' : `«${c}»`));
  return [...new Set(visible)].join(', ');
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Every reason the planned files cannot be written as they are on this file system. */
export function checkFilesystemLimits(filesystem: string, files: readonly PlannedFile[]): FsLimitProblem[] {
  const family = filesystemFamily(filesystem);
  const label = FAMILY_LABEL[family];
  const problems: FsLimitProblem[] = [];
  const seenSegments = new Set<string>();
  const byFold = new Map<string, string>();

  for (const file of files) {
    const segments = file.path.split('/');
    if ((family === 'fat32' || family === 'unknown') && file.size > FAT32_MAX_FILE_BYTES) {
      problems.push({
        code: 'FILE_TOO_LARGE',
        path: file.path,
        message: `«${file.path}» mide ${formatBytes(file.size)}; una unidad ${family === 'fat32' ? 'FAT32' : 'de tipo desconocido (se supone FAT32)'} no admite archivos de 4 GB o más. Use una unidad exFAT o NTFS.`,
      });
    }

    // Folder names are checked once, file names every time.
    for (const [index, segment] of segments.entries()) {
      const prefix = segments.slice(0, index + 1).join('/');
      if (seenSegments.has(prefix)) continue;
      seenSegments.add(prefix);
      problems.push(...checkName(segment, prefix, family, label));
    }

    const pathLength = followsWindowsRules(family) ? file.path.length : utf8Length(file.path);
    const maxPath = followsWindowsRules(family) ? WINDOWS_MAX_RELATIVE_PATH : POSIX_MAX_PATH_BYTES;
    if (pathLength > maxPath) {
      problems.push({
        code: 'PATH_TOO_LONG',
        path: file.path,
        message: `La ruta «${file.path}» tiene ${pathLength} caracteres; en una unidad ${label} el máximo práctico es ${maxPath}. Acorte nombres de carpetas o archivos.`,
      });
    }

    if (isCaseInsensitive(family)) {
      const fold = file.path.normalize('NFC').toLowerCase();
      const twin = byFold.get(fold);
      if (twin !== undefined && twin !== file.path) {
        problems.push({
          code: 'CASE_COLLISION',
          path: file.path,
          message: `«${twin}» y «${file.path}» sólo difieren en mayúsculas, minúsculas o acentos; en una unidad ${label} serían el mismo archivo. Cambie uno de los nombres.`,
        });
      } else {
        byFold.set(fold, file.path);
      }
    }
  }
  return problems;
}

function checkName(name: string, where: string, family: FilesystemFamily, label: string): FsLimitProblem[] {
  const problems: FsLimitProblem[] = [];
  const windows = followsWindowsRules(family);
  const length = windows || family === 'apple' ? name.length : utf8Length(name);
  if (length > MAX_NAME_UNITS) {
    problems.push({
      code: 'NAME_TOO_LONG',
      path: where,
      message: `El nombre «${name.slice(0, 40)}…» es demasiado largo (${length}); una unidad ${label} admite hasta ${MAX_NAME_UNITS}.`,
    });
  }
  if (!windows) {
    if (name.includes('\0')) problems.push({ code: 'FORBIDDEN_CHARACTER', path: where, message: `El nombre en «${where}» contiene un carácter nulo.` });
    return problems;
  }
  const forbidden = name.match(WINDOWS_FORBIDDEN);
  if (forbidden) {
    problems.push({
      code: 'FORBIDDEN_CHARACTER',
      path: where,
      message: `El nombre «${where}» contiene ${describeForbidden(forbidden)}, que no se permite en una unidad ${label} (Windows no admite < > : " \\ | ? * ni caracteres de control). Cambie el nombre.`,
    });
  }
  const stem = name.split('.')[0]?.trimEnd() ?? '';
  if (WINDOWS_RESERVED.test(stem)) {
    problems.push({
      code: 'RESERVED_NAME',
      path: where,
      message: `«${name}» es un nombre reservado de Windows (CON, PRN, AUX, NUL, COM1 a COM9, LPT1 a LPT9), aunque lleve extensión. Cambie el nombre.`,
    });
  }
  if (/[. ]$/.test(name)) {
    problems.push({
      code: 'TRAILING_DOT_OR_SPACE',
      path: where,
      message: `«${where}» termina en punto o en espacio; Windows no puede abrir esos nombres. Cambie el nombre.`,
    });
  }
  return problems;
}

/** Bytes per allocation unit a drive of this family typically uses (format defaults for 32–256 GB). */
export function typicalClusterBytes(filesystem: string): number {
  const family = filesystemFamily(filesystem);
  if (family === 'exfat') return 128 * 1024;
  if (family === 'fat32' || family === 'unknown') return 32 * 1024;
  return 4096;
}

/**
 * Space a bag will take: every file rounded up to whole clusters, plus the
 * manifest lines it adds. Over-estimates on purpose: running out of space
 * half-way is worse than asking for a few more megabytes.
 */
export function estimateBagBytes(files: readonly PlannedFile[], filesystem: string): number {
  const cluster = typicalClusterBytes(filesystem);
  let total = 0;
  for (const file of files) {
    total += Math.max(1, Math.ceil(file.size / cluster)) * cluster;
    total += 64 + 3 + utf8Length(file.path); // its manifest-sha256.txt line
  }
  return total;
}

export function checkFreeSpace(neededBytes: number, freeBytes: number, marginBytes = DEFAULT_SPACE_MARGIN_BYTES): FsLimitProblem | null {
  const needed = neededBytes + marginBytes;
  if (needed <= freeBytes) return null;
  return {
    code: 'NOT_ENOUGH_SPACE',
    message: `No hay espacio suficiente en la unidad: se necesitan ${formatBytes(needed)} y sólo hay ${formatBytes(Math.max(0, freeBytes))} libres. Libere espacio o use otra unidad.`,
  };
}

const NUMBER_1 = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
const NUMBER_2 = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 });

/**
 * Sizes as Windows Explorer shows them (powers of 1024 labelled KB/MB/GB),
 * so the number matches what the person sees in the drive's properties;
 * es-MX digits: `1,234.5 MB`.
 */
export function formatBytes(bytes: number): string {
  const KB = 1024;
  const MB = KB * 1024;
  const GB = MB * 1024;
  if (bytes >= GB) return `${NUMBER_2.format(bytes / GB)} GB`;
  if (bytes >= MB) return `${NUMBER_1.format(bytes / MB)} MB`;
  if (bytes >= KB) return `${NUMBER_1.format(bytes / KB)} KB`;
  return `${NUMBER_1.format(bytes)} bytes`;
}
