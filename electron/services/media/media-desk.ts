import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BagFolder, BagReport, DriveInfo } from '../../../shared/domain/media';
import { AppError } from '../../../shared/errors';
import { fieldValues } from './bag-info';
import type { BagVerification } from './bagit-verifier';
import { listDrives } from './drives';

/**
 * What the screens may touch on removable media, and nothing more: drives as
 * the core lists them, bag folders by name on those drives, and files staged
 * for loading. A path typed or forged by the page never reaches the disk.
 */

/** The drive with this mount path, as listed now; anything else is refused. */
export async function knownDrive(drivePath: string): Promise<DriveInfo> {
  const drive = (await listDrives()).find((d) => d.mountPath === drivePath);
  if (!drive) throw new AppError('NOT_FOUND', 'La unidad ya no está conectada. Actualice la lista de unidades.');
  return drive;
}

/** A bag folder on a listed drive: one path segment, a real folder (not a link). */
export async function bagFolder(drivePath: string, bagName: string): Promise<string> {
  const drive = await knownDrive(drivePath);
  if (bagName.includes('/') || bagName.includes('\\') || bagName === '.' || bagName === '..') throw new AppError('VALIDATION', 'El nombre de la carpeta no es válido.');
  const dir = path.join(drive.mountPath, bagName);
  const stat = await fsp.lstat(dir).catch(() => null);
  if (!stat?.isDirectory()) throw new AppError('NOT_FOUND', `La carpeta «${bagName}» no está en la unidad.`);
  return dir;
}

/** The BagIt bags at the top of a drive, named by what Valija wrote them for. */
export async function bagsOn(drivePath: string): Promise<BagFolder[]> {
  const drive = await knownDrive(drivePath);
  const entries = await fsp.readdir(drive.mountPath, { withFileTypes: true }).catch(() => []);
  const bags: BagFolder[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const declaration = await fsp.lstat(path.join(drive.mountPath, entry.name, 'bagit.txt')).catch(() => null);
    if (!declaration?.isFile()) continue;
    const kind = entry.name.startsWith('valija-respaldo-') ? 'respaldo' : entry.name.startsWith('valija-expediente-') ? 'expediente' : /^[A-Z0-9ÑÁÉÍÓÚ]+(-[A-Z0-9ÑÁÉÍÓÚ]+)*-\d{4}-\d{4}$/.test(entry.name) ? 'envio' : 'otro';
    bags.push({ name: entry.name, kind });
  }
  return bags.sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

export function bagReport(v: BagVerification): BagReport {
  return {
    valid: v.valid,
    version: v.version,
    errors: v.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
    warnings: v.warnings.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
    files: v.files.filter((f) => f.kind === 'payload').map((f) => ({ path: f.path, status: f.status })),
    identifier: fieldValues(v.bagInfo, 'External-Identifier')[0] ?? null,
  };
}

/**
 * Files re-picked in a browser, where the page cannot tell their path: they
 * arrive in chunks and wait in a private temporary folder until the load
 * reads them (and hashes them again). Removed after the load, or when the
 * program closes.
 */
export class StagingArea {
  private dir: string | null = null;

  private async root(): Promise<string> {
    this.dir ??= await fsp.mkdtemp(path.join(os.tmpdir(), 'valija-carga-'));
    return this.dir;
  }

  private static fileKey(shipmentId: string, fileName: string): string {
    return `${Buffer.from(shipmentId).toString('hex')}-${Buffer.from(fileName).toString('hex')}`.slice(0, 240);
  }

  async append(shipmentId: string, fileName: string, offset: number, bytes: Buffer): Promise<number> {
    const file = path.join(await this.root(), StagingArea.fileKey(shipmentId, fileName));
    const size = offset === 0 ? 0 : ((await fsp.stat(file).catch(() => null))?.size ?? -1);
    if (size !== offset) throw new AppError('VALIDATION', 'El archivo llegó en desorden; vuelva a elegirlo.');
    await fsp.writeFile(file, bytes, { flag: offset === 0 ? 'w' : 'a', mode: 0o600 });
    return offset + bytes.length;
  }

  /** fileName → staged path, for the files of `shipmentId` that were staged. */
  async sources(shipmentId: string, fileNames: readonly string[]): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    if (!this.dir) return found;
    for (const name of fileNames) {
      const file = path.join(this.dir, StagingArea.fileKey(shipmentId, name));
      if (await fsp.stat(file).catch(() => null)) found[name] = file;
    }
    return found;
  }

  async clear(shipmentId: string, fileNames: readonly string[]): Promise<void> {
    if (!this.dir) return;
    for (const name of fileNames) await fsp.rm(path.join(this.dir, StagingArea.fileKey(shipmentId, name)), { force: true });
  }

  async dispose(): Promise<void> {
    if (this.dir) await fsp.rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
