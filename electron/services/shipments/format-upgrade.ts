import { createHash } from 'node:crypto';
import type { Shipment } from '../../../shared/domain/shipments';
import type { Workspace } from '../accounts/workspace';
import { canonicalJson } from '../integrity/canonical-json';
import { CURRENT_FORMAT } from '../vault/catalog';
import { contentDigest } from './content-digest';
import { applyChange, changeOf, type FramePointer, type ShipmentChange } from './shipment-changes';
import { CHANGES_STREAM, removeShipmentCheckpoints } from './shipment-store';

/** Format 1 kept a whole copy of the shipment, history included, in every revision. */
const FORMAT_1_STREAM = 'shipments';

interface Format1Revision {
  shipment: Shipment;
}

export interface UpgradeProgress {
  (done: number, total: number): void;
}

const fingerprint = (s: Shipment): string => createHash('sha256').update(canonicalJson(s)).digest('hex');

/**
 * Brings a vault of an older records format to the current one, once.
 *
 * Format 1 → 2: every revision of the `shipments` stream becomes a change in
 * `shipment-changes`, in the same month partition and order. The old stream
 * is left untouched until the new one is complete and verified (every
 * revision folded back equals the old one, every content digest checks);
 * then one durable write of the catalog records format 2, and only after
 * that is the old stream removed. Killed at any moment, the vault is either
 * still format 1 (the half-written new stream is discarded and the upgrade
 * starts again) or format 2 (a leftover old stream is removed).
 */
export async function upgradeShipments(ws: Workspace, onProgress?: UpgradeProgress): Promise<{ upgraded: boolean; revisions: number }> {
  const vault = ws.vault;
  if (vault.format >= CURRENT_FORMAT) {
    if (vault.hasStream(FORMAT_1_STREAM)) await vault.dropStream(FORMAT_1_STREAM);
    return { upgraded: false, revisions: 0 };
  }
  const started = performance.now();
  await vault.dropStream(CHANGES_STREAM);
  await removeShipmentCheckpoints(vault);
  const old = await vault.stream<Format1Revision>(FORMAT_1_STREAM);
  const next = await vault.stream<ShipmentChange>(CHANGES_STREAM);
  const months = await old.partitions();
  const newest = new Map<string, { shipment: Shipment; at: FramePointer }>();
  const expected = new Map<string, string[]>();
  let revisions = 0;
  let done = 0;
  // One step per month copied, and one for the verification and the commit.
  onProgress?.(0, months.length + 1);
  for (const month of months) {
    const batch: ShipmentChange[] = [];
    const places: FramePointer[] = [];
    // The new partition starts empty, so each frame's place follows from the sizes before it.
    let offset = 0;
    for await (const { record } of old.entries(month)) {
      const s = record.shipment;
      const previous = newest.get(s.id);
      const change = changeOf(previous?.shipment ?? null, s, previous?.at ?? null);
      const at: FramePointer = [month, batch.length, offset, next.frameSize(change)];
      offset += at[3];
      batch.push(change);
      places.push(at);
      newest.set(s.id, { shipment: s, at });
      const list = expected.get(s.id);
      if (list) list.push(fingerprint(s));
      else expected.set(s.id, [fingerprint(s)]);
    }
    if (batch.length > 0) {
      const written = await next.appendMany(batch, { at: new Date(`${month}-15T12:00:00Z`) });
      const landed = written.partition === month && written.index === 0 && places.every(([, , o, t], i) => written.refs[i]?.offset === o && written.refs[i]?.total === t);
      if (!landed) throw new Error(`upgrade of ${month}: frames did not land where expected`);
    }
    revisions += batch.length;
    done += 1;
    onProgress?.(done, months.length + 1);
  }

  // Verify before recording the new format: fold every change back and compare with the old revisions.
  const folded = new Map<string, Shipment>();
  const seen = new Map<string, number>();
  for (const month of await next.partitions()) {
    for await (const { record } of next.entries(month)) {
      const s = applyChange(folded.get(record.id) ?? null, record);
      folded.set(record.id, s);
      const n = seen.get(record.id) ?? 0;
      seen.set(record.id, n + 1);
      if (expected.get(record.id)?.[n] !== fingerprint(s)) throw new Error(`upgrade check failed for shipment ${record.id} revision ${s.rev}`);
    }
  }
  for (const [id, list] of expected) {
    if (seen.get(id) !== list.length) throw new Error(`upgrade check failed: shipment ${id} has ${seen.get(id) ?? 0} of ${list.length} revisions`);
    const s = folded.get(id) as Shipment;
    if (contentDigest(s.content) !== s.digest) throw new Error(`upgrade check failed: content digest of ${id}`);
  }

  await vault.setFormat(CURRENT_FORMAT);
  onProgress?.(months.length + 1, months.length + 1);
  await vault.dropStream(FORMAT_1_STREAM);
  await ws.audit.record('vault.upgraded', null, `Formato de la bóveda actualizado a la versión ${CURRENT_FORMAT}`, {
    envios: expected.size,
    revisiones: revisions,
    ms: Math.round(performance.now() - started),
  });
  return { upgraded: true, revisions };
}
