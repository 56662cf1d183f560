import path from 'node:path';
import type { RepairSummary } from '../../../shared/domain/media';
import type { User } from '../../../shared/domain/users';
import { AppError } from '../../../shared/errors';
import { actorOf } from '../accounts/session-service';
import type { Workspace } from '../accounts/workspace';
import { PRINTS_STREAM, printFrames } from '../shipments/printed-sheets';
import { CHANGES_STREAM } from '../shipments/shipment-store';
import type { FrameCodec } from '../vault/frame-codec';
import type { ShipmentService } from '../shipments/shipment-service';
import { inspectBackup, readRegular } from './vault-backup';

/** The streams whose months can be repaired, with the names the screen uses. */
const STREAMS: ReadonlyArray<{ name: string; label: string; codec?: FrameCodec<never> }> = [
  { name: CHANGES_STREAM, label: 'envíos' },
  { name: 'custody-events', label: 'cadena de custodia' },
  { name: 'audit', label: 'bitácora' },
  { name: PRINTS_STREAM, label: 'impresiones', codec: printFrames as FrameCodec<never> },
];

export type { RepairSummary };

/**
 * Repairs the damaged months of the vault from a backup of the same vault,
 * without replacing anything else: each damaged partition gets the backup's
 * bytes for the frames it lost (see VaultStream.repairFrom), after the whole
 * backup was checked against its manifests. Everything written since the
 * backup stays. The damaged files are kept aside and the repair is audited.
 */
export async function repairFromBackup(deps: { shipments: ShipmentService }, ws: Workspace, user: User, bagDir: string): Promise<RepairSummary> {
  const inspection = await inspectBackup(bagDir);
  if (!inspection.valid || !inspection.descriptor) throw new AppError('VALIDATION', inspection.problem ?? 'El respaldo no se puede usar.');
  const descriptor = inspection.descriptor;
  if (descriptor.vaultId !== ws.meta.data.vaultId) throw new AppError('VALIDATION', 'El respaldo es de otra bóveda: no puede reparar los registros de ésta. No se modificó nada.');
  if (descriptor.generation !== ws.vault.generation) {
    throw new AppError('VALIDATION', 'El respaldo se hizo con otra llave de datos (antes o después de una rotación de llave): sus registros no sirven para reparar los actuales. Use un respaldo posterior a la última rotación. No se modificó nada.');
  }
  const repaired: string[] = [];
  const remaining: string[] = [];
  const plural = (n: number) => `${n} ${n === 1 ? 'registro' : 'registros'}`;
  for (const { name, label, codec } of STREAMS) {
    const stream = await ws.vault.stream(name, codec);
    for (const month of await stream.partitions()) {
      const damage = await stream.damage(month);
      if (!damage) continue;
      const lost = damage.frames.length + (damage.unreadableFrom !== null ? 1 : 0);
      const copy = await readRegular(path.join(bagDir, 'data', `g${ws.vault.generation}`, 'streams', name, `${month}.log`), 1024 * 1024 * 1024);
      if (!copy) {
        remaining.push(`${label} ${month}: ${plural(lost)} (el respaldo no tiene ese mes)`);
        continue;
      }
      const outcome = await stream.repairFrom(month, copy);
      if (outcome.repaired > 0) repaired.push(`${label} ${month}: ${plural(outcome.repaired)}`);
      if (outcome.remaining) remaining.push(`${label} ${month}: ${plural(outcome.remaining.frames.length + (outcome.remaining.unreadableFrom !== null ? 1 : 0))} (escritos después del respaldo)`);
    }
  }
  await deps.shipments.upkeep.forgetDamage(ws);
  await ws.audit.record('vault.repaired', actorOf(user), repaired.length ? `Registros reparados desde el respaldo: ${repaired.join('; ')}` : 'Reparación desde un respaldo sin cambios', {
    reparados: repaired.join('; '),
    pendientes: remaining.join('; '),
  });
  return { repaired, remaining };
}
