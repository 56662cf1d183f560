import type { CustodyEvent } from '../../../shared/domain/custody';
import type { UnlockedVault, VaultStream } from '../vault';
import { chainEvent } from './custody-chain';

/** One frame of the `custody-events` stream. */
export interface CustodyFrame {
  event: CustodyEvent;
}

/**
 * The custody events of every shipment, append-only (a monthly-partitioned
 * stream, like the shipments' revisions). All events are indexed in memory
 * on first use: chains are short (a handful per shipment) and the counter
 * needs each shipment's head at once.
 */
export class CustodyLedger {
  private constructor(
    private readonly stream: VaultStream<CustodyFrame>,
    private readonly byShipment: Map<string, CustodyEvent[]>,
    private readonly ordered: CustodyEvent[],
  ) {}

  static async open(vault: UnlockedVault): Promise<CustodyLedger> {
    const stream = await vault.stream<CustodyFrame>('custody-events');
    const byShipment = new Map<string, CustodyEvent[]>();
    const ordered: CustodyEvent[] = [];
    for await (const { record } of stream.readAll()) {
      ordered.push(record.event);
      const list = byShipment.get(record.event.shipmentId);
      if (list) list.push(record.event);
      else byShipment.set(record.event.shipmentId, [record.event]);
    }
    return new CustodyLedger(stream, byShipment, ordered);
  }

  /** A shipment's events, in chain order. */
  of(shipmentId: string): readonly CustodyEvent[] {
    return this.byShipment.get(shipmentId) ?? [];
  }

  head(shipmentId: string): CustodyEvent | undefined {
    return this.of(shipmentId).at(-1);
  }

  /** Every event, in the order stored. */
  all(): readonly CustodyEvent[] {
    return this.ordered;
  }

  shipmentIds(): IterableIterator<string> {
    return this.byShipment.keys();
  }

  /**
   * Links the event to its shipment's chain and appends it; durable when it
   * resolves. Callers serialise appends per shipment (ShipmentService's queue),
   * so two events can never claim the same predecessor.
   */
  async append(body: Omit<CustodyEvent, 'hash' | 'prevHash' | 'seq'>, at: Date): Promise<CustodyEvent> {
    const previous = this.head(body.shipmentId);
    const event = chainEvent({ ...body, seq: (previous?.seq ?? 0) + 1 }, previous);
    await this.stream.append({ event }, { at });
    this.ordered.push(event);
    const list = this.byShipment.get(event.shipmentId);
    if (list) list.push(event);
    else this.byShipment.set(event.shipmentId, [event]);
    return event;
  }

  /** Reads the stored frames again, bypassing memory: what verification must look at. */
  async readStored(): Promise<CustodyEvent[]> {
    const events: CustodyEvent[] = [];
    for await (const { record } of this.stream.readAll()) events.push(record.event);
    return events;
  }
}
