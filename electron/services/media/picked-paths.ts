import path from 'node:path';
import type { AuditAction } from '../../../shared/domain/audit';
import type { MediaFile } from '../../../shared/domain/shipments';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';

/** `\\server\share`, `//server/share`, `\\?\UNC\…`: opening one makes Windows authenticate to that server. */
export function isUncPath(p: string): boolean {
  return /^[\\/]{2}/.test(p);
}

const AUDIT_SOURCE_REFUSED: AuditAction = 'media.source_refused';

/**
 * Where the media loader may read a shipment's files from: only paths the
 * operating system gave main (the preload asks `webUtils.getPathForFile` for
 * a file the person picked and main registers it here). A page cannot name
 * an arbitrary file of the workstation, nor a network share, for the core
 * to read and copy onto a drive.
 */
export class PickedPaths {
  private readonly paths = new Set<string>();

  register(picked: string): void {
    if (typeof picked !== 'string' || picked === '' || picked.length > 4096 || isUncPath(picked) || !path.isAbsolute(picked)) return;
    this.paths.add(path.normalize(picked));
  }

  /**
   * Each sourcePath must be one main registered, or the one the shipment
   * already had for that file (accepted when it was saved). A refusal is
   * audited and nothing is saved.
   */
  async assertFiles(ws: Workspace, user: User, files: readonly Pick<MediaFile, 'name' | 'sourcePath'>[], previous: () => Promise<readonly Pick<MediaFile, 'name' | 'sourcePath'>[]>): Promise<void> {
    let before: Map<string, string | null> | null = null;
    for (const f of files) {
      const p = f.sourcePath;
      if (p === null || p === undefined || p === '') continue;
      let refusal: string | null = null;
      if (isUncPath(p)) refusal = `La ubicación de «${f.name}» es una carpeta de red («${p}»); Valija sólo lee archivos de este equipo. Copie el archivo a una carpeta local y elíjalo de nuevo.`;
      else if (!this.paths.has(path.normalize(p))) {
        before ??= new Map((await previous()).map((x) => [x.name, x.sourcePath ?? null]));
        if (before.get(f.name) !== p) refusal = `La ubicación de «${f.name}» no proviene de un archivo elegido en este equipo; elija el archivo de nuevo con «Elegir archivos».`;
      }
      if (refusal) {
        await ws.audit.record(AUDIT_SOURCE_REFUSED, actorOf(user), refusal, { archivo: f.name, ruta: p.slice(0, 300) });
        throw new AppError('VALIDATION', refusal);
      }
    }
  }
}
