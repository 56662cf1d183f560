import type { Shipment } from '../../../../shared/domain/shipments';
import type { UnlockedVault } from '../../vault';
import { CHANGES_STREAM, removeShipmentCheckpoints, ShipmentStore } from '../shipment-store';

/**
 * Turns a vault back into records format 1 (each revision a whole copy of
 * the shipment, in the `shipments` stream, in the month partition of its
 * change): for tests and the benchmark of the upgrade, which need format-1
 * vaults larger than the committed fixture. A test checks that upgrading
 * the committed format-1 vault and writing it back with this gives the same
 * revisions as the last format-1 release wrote.
 */
export async function rewriteAsFormat1(vault: UnlockedVault): Promise<{ shipments: number; revisions: number }> {
  const store = await ShipmentStore.open(vault);
  const byMonth = new Map<string, Array<{ order: number; shipment: Shipment }>>();
  let order = 0;
  let revisions = 0;
  const rows = [...(await store.rows())];
  for (const row of rows) {
    const versions = await store.revisions(row.id);
    const places = await store.framePlaces(row.id);
    versions.forEach((shipment, i) => {
      const [month, index] = places[i] as [string, number];
      const list = byMonth.get(month) ?? [];
      list.push({ order: index * 1e7 + order++, shipment });
      byMonth.set(month, list);
      revisions += 1;
    });
  }
  const old = await vault.stream<{ shipment: Shipment }>('shipments');
  for (const month of [...byMonth.keys()].sort()) {
    // Within a month, the order the changes were written in (their frame index).
    const list = (byMonth.get(month) ?? []).sort((a, b) => a.order - b.order);
    await old.appendMany(list.map(({ shipment }) => ({ shipment })), { at: new Date(`${month}-15T12:00:00Z`) });
  }
  await vault.dropStream(CHANGES_STREAM);
  await removeShipmentCheckpoints(vault);
  await vault.setFormat(1);
  return { shipments: rows.length, revisions };
}
