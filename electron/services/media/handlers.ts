import type { DomainHandlers } from '../ipc/handler-table';
import { listDrives } from './drives';
import { bagFolder, bagsOn } from './media-desk';
import { startBackup, startExport, startLoad, startVerify, type MediaJobDeps } from './media-jobs';
import { inspectBackupOn, restoreFromBackup, type RestoreDeps } from './restore-desk';

/** Removable media: drives, loads, bag checks, record exports, backups, restore and repair. */
export function mediaHandlers(deps: MediaJobDeps & RestoreDeps) {
  const { media, staging } = deps;
  return {
    'media.drives': () => listDrives(),
    'media.bags': ({ drivePath }) => bagsOn(drivePath),
    'media.stageFile': async ({ shipmentId, fileName, offset, base64 }) => ({ received: await staging.append(shipmentId, fileName, offset, Buffer.from(base64, 'base64')) }),
    'media.load': (input, { ws, user }) => startLoad(deps, ws, user, input),
    'media.verify': (input, caller) => startVerify(deps, caller?.user.id ?? null, input),
    'media.export': (input, { ws, user }) => startExport(deps, ws, user, input),
    'backup.create': (input, { ws, user }) => startBackup(deps, ws, user, input),
    'backup.inspect': (input) => inspectBackupOn(deps, input),
    'backup.restore': (input, caller) => restoreFromBackup(deps, caller, input),
    'backup.repair': async ({ drivePath, bagName }, { ws, user }) => media.repairFromBackup(ws, user, await bagFolder(drivePath, bagName)),
  } satisfies DomainHandlers;
}
