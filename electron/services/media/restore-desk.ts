import type { BackupReport, RestoreSummary } from '../../../shared/domain/media';
import { AppError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { PublicProfileFile } from '../accounts/public-profile';
import { actorOf, type SessionService } from '../accounts/session-service';
import type { SignedIn } from '../ipc/handler-table';
import { Vault, type ScryptParams } from '../vault';
import { bagFolder } from './media-desk';
import type { MediaService } from './media-service';
import { keysVaultIdIn } from './vault-backup';

export interface RestoreDeps {
  media: MediaService;
  session: SessionService;
  profile: PublicProfileFile;
  dataDir: string;
  clock: () => Date;
  kdf?: ScryptParams;
}

/** What a backup on a drive holds, and whether it is a copy of the vault in use. */
export async function inspectBackupOn(deps: Pick<RestoreDeps, 'media' | 'dataDir'>, { drivePath, bagName }: ParsedInput<'backup.inspect'>): Promise<BackupReport> {
  const report = await deps.media.inspectBackup(await bagFolder(drivePath, bagName));
  const d = report.descriptor;
  const current = Vault.exists(deps.dataDir) ? await keysVaultIdIn(deps.dataDir) : null;
  return {
    valid: report.valid,
    problem: report.problem,
    vaultId: d?.vaultId ?? null,
    officeName: d ? `${d.office.institution} · ${d.office.unit}` : null,
    createdAt: d?.createdAt ?? null,
    files: d?.files ?? 0,
    sameVault: current === null || report.keysVaultId === null ? null : current === report.keysVaultId,
  };
}

/**
 * Replaces the vault with a backup, from the first-run screen (`caller`
 * null) or by an administrator. A refusal by the signed-in administrator is
 * audited in the vault that stays; the public profile notes the restore.
 */
export async function restoreFromBackup(deps: RestoreDeps, caller: SignedIn | null, input: ParsedInput<'backup.restore'>): Promise<RestoreSummary> {
  const { drivePath, bagName, confirmReplace, confirmOtherVault, unlock } = input;
  const dir = await bagFolder(drivePath, bagName);
  let released = false;
  let restored;
  try {
    restored = await deps.media.restoreBackup(dir, deps.dataDir, {
      confirmReplace,
      confirmOtherVault,
      unlock,
      ...(deps.kdf ? { kdf: deps.kdf } : {}),
      // The vault in use is released only once the backup passed every check: nobody may be writing into what is replaced.
      beforeReplace: async () => {
        released = true;
        await deps.session.close();
      },
    });
  } catch (error) {
    if (caller && !released && error instanceof AppError) {
      await caller.ws.audit.record('vault.restore_refused', actorOf(caller.user), error.message, { respaldo: bagName, motivo: error.code });
    }
    throw error;
  }
  deps.profile.forget();
  await deps.profile.update((p) => {
    p.restored = { at: deps.clock().toISOString(), backup: bagName };
  });
  return { replaced: restored.replaced, keptCopy: restored.keptCopy, files: restored.files };
}
