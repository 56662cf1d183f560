import type { CustodyEvent, CustodyEventType, HandoffAction } from '../../../shared/domain/custody';
import type { UnlockedVault, VaultStream } from '../vault';
import { chainEvent } from './custody-chain';

/** One frame of the `custody-events` stream. */
export interface CustodyFrame {
  event: CustodyEvent;
}

/**
 * What is kept in memory of each event: enough to chain, filter the global
 * log and find the full event again (its partition and frame). At the
 * ten-year volume (500,000 events) full events would take a gigabyte; these
 * take a tenth of that.
 */
export interface CustodyIndexEntry {
  id: string;
  shipmentId: string;
  seq: number;
  /** When the handoff happened, in ms since the epoch. */
  at: number;
  type: CustodyEventType;
  /** Hands over, receives, recorded by: folded for the person filter. */
  people: string;
  brokenSeal: boolean;
  transition: HandoffAction | null;
  partition: string;
  index: number;
}

/** The newest event of a shipment: what the next one links to. */
export interface ChainHead {
  seq: number;
  hash: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Equal strings repeated across half a million entries are stored once. */
class Interner {
  private readonly seen = new Map<string, string>();
  get(value: string): string {
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    this.seen.set(value, value);
    return value;
  }
}

function indexEntry(event: CustodyEvent, partition: string, index: number, strings: Interner): CustodyIndexEntry {
  return {
    id: event.id,
    shipmentId: strings.get(event.shipmentId),
    seq: event.seq,
    at: Date.parse(event.at),
    type: strings.get(event.type) as CustodyEventType,
    people: fold(`${event.from.name} ${event.to.name} ${event.recordedBy.fullName}`),
    brokenSeal: event.brokenSeal,
    transition: event.transition ? (strings.get(event.transition.action) as HandoffAction) : null,
    partition: strings.get(partition),
    index,
  };
}

const CACHED_PARTITIONS = 4;

/**
 * The custody events of every shipment, append-only (a monthly-partitioned
 * stream, like the shipments' revisions). An index of all events is built on
 * first use; full events are read back from their partitions when a screen
 * needs them (a few recent months stay decrypted in a small cache).
 */
export class CustodyLedger {
  private readonly cache = new Map<string, CustodyEvent[]>();

  private readonly byShipment = new Map<string, CustodyIndexEntry[]>();
  private readonly heads = new Map<string, ChainHead>();
  private readonly ordered: CustodyIndexEntry[] = [];
  private readonly strings = new Interner();

  private constructor(private readonly stream: VaultStream<CustodyFrame>) {}

  static async open(vault: UnlockedVault): Promise<CustodyLedger> {
    const ledger = new CustodyLedger(await vault.stream<CustodyFrame>('custody-events'));
    for await (const { partition, index, record } of ledger.stream.readAll()) ledger.remember(record.event, partition, index);
    return ledger;
  }

  private remember(event: CustodyEvent, partition: string, index: number): void {
    const entry = indexEntry(event, partition, index, this.strings);
    this.ordered.push(entry);
    const list = this.byShipment.get(entry.shipmentId);
    if (list) list.push(entry);
    else this.byShipment.set(entry.shipmentId, [entry]);
    this.heads.set(entry.shipmentId, { seq: event.seq, hash: event.hash });
  }

  /** A shipment's index entries, in chain order. */
  entriesOf(shipmentId: string): readonly CustodyIndexEntry[] {
    return this.byShipment.get(shipmentId) ?? [];
  }

  head(shipmentId: string): ChainHead | undefined {
    return this.heads.get(shipmentId);
  }

  /** Every index entry, in the order stored. */
  all(): readonly CustodyIndexEntry[] {
    return this.ordered;
  }

  /** A shipment's full events, in chain order. */
  async of(shipmentId: string): Promise<CustodyEvent[]> {
    return this.load(this.entriesOf(shipmentId));
  }

  /** The full events behind index entries, in the same order. */
  async load(entries: readonly CustodyIndexEntry[]): Promise<CustodyEvent[]> {
    const events: CustodyEvent[] = [];
    for (const entry of entries) {
      const partition = await this.partition(entry.partition);
      const event = partition[entry.index];
      if (!event || event.id !== entry.id) throw new Error(`custody index out of step at ${entry.partition}#${entry.index}`);
      events.push(event);
    }
    return events;
  }

  private async partition(month: string): Promise<CustodyEvent[]> {
    let events = this.cache.get(month);
    if (!events) {
      events = (await this.stream.readPartition(month)).map((frame) => frame.event);
      this.cache.set(month, events);
      if (this.cache.size > CACHED_PARTITIONS) this.cache.delete(this.cache.keys().next().value as string);
    }
    return events;
  }

  /**
   * Links the event to its shipment's chain and appends it; durable when it
   * resolves. Callers serialise appends per shipment (ShipmentService's queue),
   * so two events can never claim the same predecessor.
   */
  async append(body: Omit<CustodyEvent, 'hash' | 'prevHash' | 'seq'>, at: Date): Promise<CustodyEvent> {
    const previous = this.head(body.shipmentId);
    const event = chainEvent({ ...body, seq: (previous?.seq ?? 0) + 1 }, previous);
    const written = await this.stream.append({ event }, { at });
    this.remember(event, written.partition, written.index);
    // Keep a cached partition whole, or drop it so it is read again.
    const cached = this.cache.get(written.partition);
    if (cached && cached.length === written.index) cached.push(event);
    else this.cache.delete(written.partition);
    return event;
  }

  /** Reads the stored frames again, bypassing memory: what verification must look at. */
  async readStored(): Promise<CustodyEvent[]> {
    const events: CustodyEvent[] = [];
    for await (const { record } of this.stream.readAll()) events.push(record.event);
    return events;
  }
}
