import type { User } from '../../../shared/domain/users';
import type { Workspace } from '../accounts/workspace';
import { renderForm } from '../documents/render-on-demand';
import type { ShipmentService } from '../shipments/shipment-service';
import { verifyBag, type BagVerification, type VerifyOptions } from './bagit-verifier';
import { exportRecords, type ExportOptions, type ExportResult, type ExportSelection } from './records-export';
import type { FormRenderer } from './shipment-form-inputs';
import { loadShipment, type LoadedMedia, type LoadShipmentOptions } from './shipment-loader';
import { repairFromBackup, type RepairSummary } from './partition-repair';
import { backupVault, inspectBackup, restoreBackup, type BackupInspection, type BackupOptions, type BackupResult, type RestoreOptions, type RestoreResult } from './vault-backup';

export interface MediaServiceDeps {
  shipments: ShipmentService;
  clock?: () => Date;
  /** renders paper forms; the app passes the worker pool (documents/render-pool), tests render in this thread */
  render?: FormRenderer;
}

/**
 * Removable media for the screens: loading a magnetic-media
 * shipment, checking a bag, exporting records, backing up and restoring the
 * vault. Every write is read back and checked before it is reported done.
 * Restore and inspection need no session (first-run screen).
 */
export class MediaService {
  private readonly clock: () => Date;
  private readonly render: FormRenderer;

  constructor(private readonly deps: MediaServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.render = deps.render ?? renderForm;
  }

  loadShipment(ws: Workspace, user: User, shipmentId: string, options: LoadShipmentOptions): Promise<LoadedMedia> {
    return loadShipment({ shipments: this.deps.shipments, clock: this.clock, render: this.render }, ws, user, shipmentId, options);
  }

  /**
   * Checks a bag (incoming media, or ours after transit) file by file.
   * Problems — hostile ones included (paths leaving the bag, links,
   * duplicates, oversized manifests) — come back as `valid: false` with
   * Spanish messages; nothing outside `dir` is read.
   */
  verifyBagAt(dir: string, options: VerifyOptions = {}): Promise<BagVerification> {
    return verifyBag(dir, options);
  }

  exportRecords(ws: Workspace, user: User, selection: ExportSelection, options: ExportOptions): Promise<ExportResult> {
    return exportRecords({ shipments: this.deps.shipments, clock: this.clock, render: this.render }, ws, user, selection, options);
  }

  backupVault(ws: Workspace, user: User, options: BackupOptions): Promise<BackupResult> {
    return backupVault({ clock: this.clock }, ws, user, options);
  }

  inspectBackup(dir: string, options: { signal?: AbortSignal } = {}): Promise<BackupInspection> {
    return inspectBackup(dir, options);
  }

  /** With the session closed: the caller signs out and releases the vault (session.close()) first. */
  /** Repairs the vault's damaged months from a backup of it (see partition-repair.ts). */
  repairFromBackup(ws: Workspace, user: User, bagDir: string): Promise<RepairSummary> {
    return repairFromBackup({ shipments: this.deps.shipments }, ws, user, bagDir);
  }

  restoreBackup(backupDir: string, dataDir: string, options: Omit<RestoreOptions, 'clock'>): Promise<RestoreResult> {
    return restoreBackup(backupDir, dataDir, { ...options, clock: this.clock });
  }
}
