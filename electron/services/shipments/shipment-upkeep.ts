import type { RecordDamage } from '../../../shared/domain/directory-views';
import type { MaintenanceStatus } from '../../../shared/domain/maintenance';
import type { Workspace } from '../accounts/workspace';
import type { ShipmentVault } from './open-shipments';
import { PRINTS_STREAM, printFrames } from './printed-sheets';

/** The records' upkeep: damage found and scanned for, forgetting it after a repair, checkpoints, and the upgrade's progress. */
export class ShipmentUpkeep {
  constructor(private readonly vault: ShipmentVault) {}

  /** The upgrade or index rebuild running now, if any (Inicio shows its progress). */
  maintenance(): MaintenanceStatus | null {
    return this.vault.maintenance();
  }

  /**
   * Once Inicio has its answer: reads the shipments' rows and the custody
   * index in the background, while the person reads Inicio, so the first
   * Envíos page and the first shipment page find them in memory (at ten
   * years they take about a second to read and decrypt). A screen that asks
   * meanwhile waits for the same read, never a second one; if it fails or the
   * vault locks first, the next screen that needs them reads them itself.
   */
  warmSoon(ws: Workspace): void {
    setTimeout(() => {
      void (async () => {
        const o = await this.vault.open(ws);
        await o.store.rows();
        await o.custody();
      })().catch(() => undefined);
    }, 0).unref();
  }

  /** Damage found so far while reading (Inicio names it; it costs no reading of its own). */
  async knownDamage(ws: Workspace): Promise<RecordDamage> {
    const o = await this.vault.open(ws);
    const found = o.store.damage();
    return { months: [...found.months.map((m) => ({ records: 'envios' as const, month: m.month, frames: m.frames.length })), ...o.otherDamage], shipments: found.shipments };
  }

  /** Reads every record of shipments, custody and audit for damage on disk: «Verificar integridad» of the whole vault. */
  async scanDamage(ws: Workspace): Promise<RecordDamage> {
    const o = await this.vault.open(ws);
    const found = await o.store.scanDamage();
    const other: RecordDamage['months'] = [];
    for (const [records, name] of [['custodia', 'custody-events'], ['bitacora', 'audit'], ['impresiones', PRINTS_STREAM]] as const) {
      const stream = name === PRINTS_STREAM ? await ws.vault.stream(name, printFrames) : await ws.vault.stream(name);
      for (const month of await stream.partitions()) {
        const d = await stream.damage(month);
        if (d) other.push({ records, month, frames: d.frames.length + (d.unreadableFrom !== null ? 1 : 0) });
      }
    }
    o.otherDamage = other;
    return { months: [...found.months.map((m) => ({ records: 'envios' as const, month: m.month, frames: m.frames.length })), ...other], shipments: found.shipments };
  }

  /** After a repair: what was known damaged is forgotten, and reading finds anything still damaged again. */
  async forgetDamage(ws: Workspace): Promise<void> {
    const o = await this.vault.open(ws);
    await o.queue.run(async () => {
      await o.store.forgetDamage();
      await o.resetCustody();
    });
    o.otherDamage = [];
  }

  /** Writes the shipments' checkpoint now if anything changed (the vault also does so itself before it locks). */
  async checkpoint(ws: Workspace): Promise<void> {
    const pending = this.vault.ifOpen(ws);
    if (pending) await (await pending).store.checkpoint();
  }
}
