import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { foldKey, showPath } from './bag-paths';
import type { IssueList } from './bag-issues';
import { throwIfAborted } from './media-errors';

/**
 * What is really in a bag folder, found by walking it without following
 * symbolic links. The verifier only ever opens files found here, so a
 * manifest cannot make it read anything else: a path not in this map is
 * simply "missing".
 */
export interface FileOnDisk {
  /** bag-relative, `/`-separated */
  path: string;
  absolute: string;
  size: number;
}

export interface BagTree {
  files: Map<string, FileOnDisk>;
  /** fold key → paths on disk with that key (usually one) */
  byFold: Map<string, string[]>;
  hasDataDir: boolean;
}

/** Far beyond any shipment; keeps a hostile bag (millions of empty files) from exhausting memory. */
export const MAX_BAG_ENTRIES = 1_000_000;
/** Deeper nesting than this is not a real document tree. */
export const MAX_BAG_DEPTH = 64;

export async function walkBag(root: string, issues: IssueList, signal?: AbortSignal): Promise<BagTree> {
  const files = new Map<string, FileOnDisk>();
  const byFold = new Map<string, string[]>();
  let hasDataDir = false;
  let entries = 0;
  const pending: Array<{ relative: string; depth: number }> = [{ relative: '', depth: 0 }];

  while (pending.length > 0) {
    throwIfAborted(signal);
    const dir = pending.pop();
    if (!dir) break;
    const names = await fsp.readdir(path.join(root, dir.relative));
    for (const name of names) {
      entries += 1;
      if (entries > MAX_BAG_ENTRIES) {
        issues.error('TOO_MANY_FILES', `El paquete tiene más de ${MAX_BAG_ENTRIES.toLocaleString('es-MX')} archivos y carpetas; no se revisa.`);
        return { files, byFold, hasDataDir };
      }
      const relative = dir.relative === '' ? name : `${dir.relative}/${name}`;
      const absolute = path.join(root, relative);
      const stat = await fsp.lstat(absolute);
      if (stat.isSymbolicLink()) {
        issues.error('SYMLINK', `«${showPath(relative)}» es un enlace simbólico; un paquete sólo puede contener archivos y carpetas reales.`, relative);
      } else if (stat.isDirectory()) {
        if (relative === 'data') hasDataDir = true;
        if (dir.depth + 1 > MAX_BAG_DEPTH) {
          issues.error('TOO_MANY_FILES', `La carpeta «${showPath(relative)}» está anidada a más de ${MAX_BAG_DEPTH} niveles; no se revisa.`, relative);
        } else {
          pending.push({ relative, depth: dir.depth + 1 });
        }
      } else if (stat.isFile()) {
        files.set(relative, { path: relative, absolute, size: stat.size });
        const key = foldKey(relative);
        byFold.set(key, [...(byFold.get(key) ?? []), relative]);
      } else {
        issues.error('NOT_REGULAR_FILE', `«${showPath(relative)}» no es un archivo normal (dispositivo, tubería o socket).`, relative);
      }
    }
  }
  return { files, byFold, hasDataDir };
}
