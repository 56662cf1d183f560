import type { Shipment } from '../../../shared/domain/shipments';
import type { UnlockedVault, VaultStream } from '../vault';
import { FolioCounter } from './folio';

/** One frame of the `shipments` stream: the whole shipment after one save. */
export interface ShipmentRevision {
  shipment: Shipment;
}

/**
 * Shipments live in an append-only stream of revisions (partitioned by month):
 * a save appends one frame, whatever the size of the history (DESIGN.md,
 * "Scale"), and the stream itself is the record of every version. The newest
 * revision of each shipment is kept in memory for listing and search; it is
 * built on first use, not when the vault opens.
 */
export class ShipmentStore {
  readonly folios = new FolioCounter();

  private constructor(
    private readonly stream: VaultStream<ShipmentRevision>,
    private readonly byId: Map<string, Shipment>,
  ) {
    for (const s of byId.values()) this.folios.observe(s.folioYear, s.folioNumber);
  }

  static async open(vault: UnlockedVault): Promise<ShipmentStore> {
    const stream = await vault.stream<ShipmentRevision>('shipments');
    const byId = new Map<string, Shipment>();
    for await (const { record } of stream.readAll()) {
      const known = byId.get(record.shipment.id);
      if (!known || known.rev < record.shipment.rev) byId.set(record.shipment.id, record.shipment);
    }
    return new ShipmentStore(stream, byId);
  }

  get(id: string): Shipment | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<Shipment> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /** Durable when it resolves; the in-memory view changes only then. */
  async save(shipment: Shipment, at: Date): Promise<void> {
    await this.stream.append({ shipment }, { at });
    this.byId.set(shipment.id, shipment);
    this.folios.observe(shipment.folioYear, shipment.folioNumber);
  }

  /** Every stored revision of one shipment, oldest first (reads the whole stream: for audits, not screens). */
  async revisions(id: string): Promise<Shipment[]> {
    const found: Shipment[] = [];
    for await (const { record } of this.stream.readAll()) if (record.shipment.id === id) found.push(record.shipment);
    return found.sort((a, b) => a.rev - b.rev);
  }
}
