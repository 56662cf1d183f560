import type { JobStatus } from '../../../shared/domain/jobs';
import type { User } from '../../../shared/domain/users';
import type { JobRunner } from '../jobs/job-runner';
import { actorOf } from './session-service';
import type { Workspace } from './workspace';

/** Re-encrypts the vault under a new data key, in the background. */
export function startKeyRotation(jobs: JobRunner, ws: Workspace, user: User): JobStatus {
  return jobs.start('vault.rotate_key', { owner: user.id, running: 'Cifrando de nuevo la bóveda:', done: 'La bóveda quedó cifrada con la llave nueva.' }, async ({ progress }) => {
    // Only active users receive the new key: a slot nobody accounts for (planted, or left by a crash) is left out.
    const active = ws.users.data.users.filter((u) => u.active).map((u) => u.userName);
    const { leftOut } = await ws.vault.rotateDataKey((done, total) => progress(done, total), {}, active);
    await ws.audit.record('vault.key_rotated', actorOf(user), `Generación ${ws.vault.generation}`, leftOut.length > 0 ? { excluidos: leftOut.join(', ') } : {});
  });
}

/** A new recovery code; the previous one stops opening the vault. */
export async function renewRecoveryCode(ws: Workspace, user: User): Promise<string> {
  const recoveryCode = await ws.vault.newRecoveryCode();
  await ws.audit.record('vault.recovery_code_renewed', actorOf(user), 'El código anterior dejó de servir');
  return recoveryCode;
}
