import { CUSTODY_EVENT_TYPES, HANDOFF_ACTIONS, type CustodyEvent, type CustodyEventType, type HandoffAction } from '../../../shared/domain/custody';
import type { UnlockedVault, VaultStream } from '../vault';
import { chainEvent } from './custody-chain';

/** One frame of the `custody-events` stream. */
export interface CustodyFrame {
  event: CustodyEvent;
}

/** What the index knows of one event without reading it back (see CustodyIndex). */
export interface CustodyIndexEntry {
  /** Position in the ledger: the order events were stored. */
  pos: number;
  id: string;
  shipmentId: string;
  seq: number;
  /** When the handoff happened, in ms since the epoch. */
  at: number;
  type: CustodyEventType;
  brokenSeal: boolean;
  transition: HandoffAction | null;
}

/** The newest event of a shipment: what the next one links to. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Filters of the global log, answered from the index alone. */
export interface CustodyQuery {
  fromMs?: number;
  toMs?: number;
  brokenSealOnly?: boolean;
  shipmentId?: string;
  /** Keeps events of the shipments it accepts (e.g. one agency's). */
  shipment?: (shipmentId: string) => boolean;
  /** Folded text found in the name of who handed over, received or recorded. */
  person?: string;
}

export function foldName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Equal strings stored once and named by a number (shipment ids, partitions, people). */
class Table {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

const INITIAL_CAPACITY = 1024;
const BROKEN_SEAL = 1;

/**
 * Every event in columns of typed arrays: at the ten-year volume (500,000
 * events) an object per event took 200 MB; this takes about a quarter.
 * Names are kept once each in a table (couriers and clerks repeat).
 */
class CustodyIndex {
  size = 0;
  readonly ids: string[] = [];
  private shipment = new Uint32Array(INITIAL_CAPACITY);
  private seq = new Uint32Array(INITIAL_CAPACITY);
  private at = new Float64Array(INITIAL_CAPACITY);
  private flags = new Uint8Array(INITIAL_CAPACITY);
  private type = new Uint8Array(INITIAL_CAPACITY);
  /** 0: none; n: HANDOFF_ACTIONS[n - 1]. */
  private transition = new Uint8Array(INITIAL_CAPACITY);
  private partition = new Uint16Array(INITIAL_CAPACITY);
  private frame = new Uint32Array(INITIAL_CAPACITY);
  private people = new Uint32Array(INITIAL_CAPACITY * 3);
  readonly shipments = new Table();
  readonly partitions = new Table();
  readonly names = new Table();
  /** Positions of each shipment's events, by shipment number. */
  readonly byShipment: number[][] = [];

  private grow(): void {
    const cap = this.shipment.length * 2;
    const widen = <A extends Uint32Array | Float64Array | Uint8Array | Uint16Array>(a: A, size: number): A => {
      const next = new (a.constructor as new (n: number) => A)(size);
      next.set(a);
      return next;
    };
    this.shipment = widen(this.shipment, cap);
    this.seq = widen(this.seq, cap);
    this.at = widen(this.at, cap);
    this.flags = widen(this.flags, cap);
    this.type = widen(this.type, cap);
    this.transition = widen(this.transition, cap);
    this.partition = widen(this.partition, cap);
    this.frame = widen(this.frame, cap);
    this.people = widen(this.people, cap * 3);
  }

  add(event: CustodyEvent, partition: string, frame: number): number {
    if (this.size === this.shipment.length) this.grow();
    const pos = this.size;
    const ship = this.shipments.id(event.shipmentId);
    this.ids.push(event.id);
    this.shipment[pos] = ship;
    this.seq[pos] = event.seq;
    this.at[pos] = Date.parse(event.at);
    this.flags[pos] = event.brokenSeal ? BROKEN_SEAL : 0;
    this.type[pos] = Math.max(0, CUSTODY_EVENT_TYPES.indexOf(event.type));
    this.transition[pos] = event.transition ? HANDOFF_ACTIONS.indexOf(event.transition.action) + 1 : 0;
    this.partition[pos] = this.partitions.id(partition);
    this.frame[pos] = frame;
    this.people[pos * 3] = this.names.id(foldName(event.from.name));
    this.people[pos * 3 + 1] = this.names.id(foldName(event.to.name));
    this.people[pos * 3 + 2] = this.names.id(foldName(event.recordedBy.fullName));
    (this.byShipment[ship] ??= []).push(pos);
    this.size += 1;
    return pos;
  }

  entry(pos: number): CustodyIndexEntry {
    const transition = this.transition[pos] ?? 0;
    return {
      pos,
      id: this.ids[pos] as string,
      shipmentId: this.shipments.values[this.shipment[pos] ?? 0] as string,
      seq: this.seq[pos] ?? 0,
      at: this.at[pos] ?? 0,
      type: CUSTODY_EVENT_TYPES[this.type[pos] ?? 0] as CustodyEventType,
      brokenSeal: ((this.flags[pos] ?? 0) & BROKEN_SEAL) !== 0,
      transition: transition === 0 ? null : (HANDOFF_ACTIONS[transition - 1] as HandoffAction),
    };
  }

  location(pos: number): { partition: string; frame: number } {
    return { partition: this.partitions.values[this.partition[pos] ?? 0] as string, frame: this.frame[pos] ?? 0 };
  }

  positionsOf(shipmentId: string): readonly number[] {
    const ship = this.shipments.find(shipmentId);
    return ship === undefined ? [] : (this.byShipment[ship] ?? []);
  }

  /** Positions passing the query, newest handoff first. */
  query(q: CustodyQuery): number[] {
    const fromMs = q.fromMs ?? -Infinity;
    const toMs = q.toMs ?? Infinity;
    // A person filter becomes a set of name numbers, checked with three lookups per event.
    let people: Set<number> | null = null;
    if (q.person) {
      const person = q.person;
      people = new Set();
      for (const [i, name] of this.names.values.entries()) if (name.includes(person)) people.add(i);
    }
    const accepted = new Map<number, boolean>();
    const candidates = q.shipmentId !== undefined ? this.positionsOf(q.shipmentId) : null;
    const out: number[] = [];
    const consider = (pos: number) => {
      const at = this.at[pos] ?? 0;
      if (at < fromMs || at >= toMs) return;
      if (q.brokenSealOnly && ((this.flags[pos] ?? 0) & BROKEN_SEAL) === 0) return;
      if (people && !people.has(this.people[pos * 3] ?? -1) && !people.has(this.people[pos * 3 + 1] ?? -1) && !people.has(this.people[pos * 3 + 2] ?? -1)) return;
      if (q.shipment) {
        const ship = this.shipment[pos] ?? 0;
        let ok = accepted.get(ship);
        if (ok === undefined) {
          ok = q.shipment(this.shipments.values[ship] as string);
          accepted.set(ship, ok);
        }
        if (!ok) return;
      }
      out.push(pos);
    };
    if (candidates) for (const pos of candidates) consider(pos);
    else for (let pos = 0; pos < this.size; pos += 1) consider(pos);
    return out.sort((a, b) => (this.at[b] ?? 0) - (this.at[a] ?? 0) || (this.seq[b] ?? 0) - (this.seq[a] ?? 0));
  }

  /** Positions of the events that moved a shipment (a handoff), oldest first. */
  *transitions(): Generator<number> {
    for (let pos = 0; pos < this.size; pos += 1) if ((this.transition[pos] ?? 0) !== 0) yield pos;
  }
}

const CACHED_PARTITIONS = 4;

/**
 * The custody events of every shipment, append-only (a monthly-partitioned
 * stream, like the shipments' revisions). A compact index of all events is
 * built on first use; full events are read back from their partitions when a
 * screen needs them (a few recent months stay decrypted in a small cache).
 */
export class CustodyLedger {
  private readonly cache = new Map<string, CustodyEvent[]>();
  private readonly index = new CustodyIndex();
  private readonly heads = new Map<string, ChainHead>();

  private constructor(private readonly stream: VaultStream<CustodyFrame>) {}

  static async open(vault: UnlockedVault): Promise<CustodyLedger> {
    const ledger = new CustodyLedger(await vault.stream<CustodyFrame>('custody-events'));
    for await (const { partition, index, record } of ledger.stream.readAll()) ledger.remember(record.event, partition, index);
    return ledger;
  }

  private remember(event: CustodyEvent, partition: string, frame: number): void {
    this.index.add(event, partition, frame);
    this.heads.set(event.shipmentId, { seq: event.seq, hash: event.hash });
  }

  get size(): number {
    return this.index.size;
  }

  /** A shipment's index entries, in chain order. */
  entriesOf(shipmentId: string): CustodyIndexEntry[] {
    return this.index.positionsOf(shipmentId).map((pos) => this.index.entry(pos));
  }

  head(shipmentId: string): ChainHead | undefined {
    return this.heads.get(shipmentId);
  }

  /** The global log's filters, answered from the index; newest first. */
  query(q: CustodyQuery): CustodyIndexEntry[] {
    return this.index.query(q).map((pos) => this.index.entry(pos));
  }

  /** The newest `count` events stored, oldest first. */
  latest(count: number): CustodyIndexEntry[] {
    const from = Math.max(0, this.index.size - count);
    const out: CustodyIndexEntry[] = [];
    for (let pos = from; pos < this.index.size; pos += 1) out.push(this.index.entry(pos));
    return out;
  }

  /** The events that moved a shipment, oldest first. */
  *transitions(): Generator<CustodyIndexEntry> {
    for (const pos of this.index.transitions()) yield this.index.entry(pos);
  }

  /** A shipment's full events, in chain order. */
  async of(shipmentId: string): Promise<CustodyEvent[]> {
    return this.load(this.entriesOf(shipmentId));
  }

  /** The full events behind index entries, in the same order. */
  async load(entries: readonly Pick<CustodyIndexEntry, 'pos' | 'id'>[]): Promise<CustodyEvent[]> {
    const events: CustodyEvent[] = [];
    for (const entry of entries) {
      const { partition, frame } = this.index.location(entry.pos);
      const event = (await this.partition(partition))[frame];
      if (!event || event.id !== entry.id) throw new Error(`custody index out of step at ${partition}#${frame}`);
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
