import { CUSTODY_EVENT_TYPES, HANDOFF_ACTIONS, type CustodyEvent, type CustodyEventType, type HandoffAction } from '../../../shared/domain/custody';
import { Codes } from '../codes';
import type { FrameRef, UnlockedVault, VaultStream } from '../vault';
import { chainEvent } from './custody-chain';
import { ID_BYTES, IdColumn, packIds, unpackIds } from './packed-ids';

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

/**
 * Each shipment's event positions, in chain order: one flat array, grouped
 * by shipment, for what the checkpoint held (an array per shipment took
 * 100,000 arrays at ten years), and a short list per shipment for events
 * added since.
 */
class ShipmentPositions {
  private start = new Uint32Array(1);
  private flat = new Uint32Array(0);
  private readonly added = new Map<number, number[]>();

  /** Groups the first `size` positions by their shipment number (a counting sort: positions stay in order). */
  static of(shipment: Uint32Array, size: number, ships: number): ShipmentPositions {
    const out = new ShipmentPositions();
    const start = new Uint32Array(ships + 1);
    for (let pos = 0; pos < size; pos += 1) {
      const slot = (shipment[pos] as number) + 1;
      start[slot] = (start[slot] as number) + 1;
    }
    for (let ship = 0; ship < ships; ship += 1) start[ship + 1] = (start[ship + 1] as number) + (start[ship] as number);
    const next = start.slice(0, ships);
    const flat = new Uint32Array(size);
    for (let pos = 0; pos < size; pos += 1) {
      const ship = shipment[pos] as number;
      const at = next[ship] as number;
      flat[at] = pos;
      next[ship] = at + 1;
    }
    out.start = start;
    out.flat = flat;
    return out;
  }

  push(ship: number, pos: number): void {
    const list = this.added.get(ship);
    if (list) list.push(pos);
    else this.added.set(ship, [pos]);
  }

  of(ship: number): number[] {
    const grouped = ship + 1 < this.start.length ? Array.from(this.flat.subarray(this.start[ship], this.start[ship + 1])) : [];
    const added = this.added.get(ship);
    return added ? grouped.concat(added) : grouped;
  }

  count(ship: number): number {
    const grouped = ship + 1 < this.start.length ? (this.start[ship + 1] as number) - (this.start[ship] as number) : 0;
    return grouped + (this.added.get(ship)?.length ?? 0);
  }
}

const INITIAL_CAPACITY = 1024;
const BROKEN_SEAL = 1;
const HASH_BYTES = 32;

type Column = Uint32Array | Float64Array | Uint8Array | Uint16Array;
interface ColumnType<A extends Column> {
  new (length: number): A;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

/** Bytes to add after `length` bytes to reach the next 8-byte boundary. */
const padding = (length: number) => (8 - (length % 8)) % 8;
const COLUMN_NAMES = ['shipment', 'seq', 'at', 'flags', 'type', 'transition', 'partition', 'frame', 'offset', 'total', 'people'] as const;
type ColumnName = (typeof COLUMN_NAMES)[number];

function widen<A extends Column>(a: A, size: number): A {
  const next = new (a.constructor as new (n: number) => A)(size);
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}

/**
 * Every event in columns of typed arrays: at the ten-year volume (500,000
 * events) an object per event took 200 MB; this takes about a quarter, and
 * the columns are written to the checkpoint as they are. Names are kept once
 * each in a table (couriers and clerks repeat).
 */
export class CustodyIndex {
  size = 0;
  private ids = new IdColumn(INITIAL_CAPACITY);
  private shipment = new Uint32Array(INITIAL_CAPACITY);
  private seq = new Uint32Array(INITIAL_CAPACITY);
  private at = new Float64Array(INITIAL_CAPACITY);
  private flags = new Uint8Array(INITIAL_CAPACITY);
  private type = new Uint8Array(INITIAL_CAPACITY);
  /** 0: none; n: HANDOFF_ACTIONS[n - 1]. */
  private transition = new Uint8Array(INITIAL_CAPACITY);
  private partition = new Uint16Array(INITIAL_CAPACITY);
  private frame = new Uint32Array(INITIAL_CAPACITY);
  /** where the event's frame lies in its partition file, to read it back alone */
  private offset = new Float64Array(INITIAL_CAPACITY);
  private total = new Uint32Array(INITIAL_CAPACITY);
  private people = new Uint32Array(INITIAL_CAPACITY * 3);
  shipments = new Codes<string>();
  partitions = new Codes<string>();
  names = new Codes<string>();
  /** Positions of each shipment's events, by shipment number. */
  private byShipment = new ShipmentPositions();
  /** Each shipment's chain head, by shipment number: the newest seq and its hash (32 bytes each). */
  private headSeq = new Uint32Array(INITIAL_CAPACITY);
  private headHash = new Uint8Array(INITIAL_CAPACITY * HASH_BYTES);

  private grow(): void {
    const cap = Math.max(INITIAL_CAPACITY, this.shipment.length * 2);
    this.shipment = widen(this.shipment, cap);
    this.seq = widen(this.seq, cap);
    this.at = widen(this.at, cap);
    this.flags = widen(this.flags, cap);
    this.type = widen(this.type, cap);
    this.transition = widen(this.transition, cap);
    this.partition = widen(this.partition, cap);
    this.frame = widen(this.frame, cap);
    this.offset = widen(this.offset, cap);
    this.total = widen(this.total, cap);
    this.people = widen(this.people, cap * 3);
  }

  private growHeads(ship: number): void {
    if (ship < this.headSeq.length) return;
    let cap = Math.max(INITIAL_CAPACITY, this.headSeq.length);
    while (cap <= ship) cap *= 2;
    this.headSeq = widen(this.headSeq, cap);
    this.headHash = widen(this.headHash, cap * HASH_BYTES);
  }

  add(event: CustodyEvent, partition: string, frame: number, ref: FrameRef): number {
    if (this.size === this.shipment.length) this.grow();
    const pos = this.size;
    const ship = this.shipments.no(event.shipmentId);
    this.ids.set(pos, event.id);
    this.shipment[pos] = ship;
    this.seq[pos] = event.seq;
    this.at[pos] = Date.parse(event.at);
    this.flags[pos] = event.brokenSeal ? BROKEN_SEAL : 0;
    this.type[pos] = Math.max(0, CUSTODY_EVENT_TYPES.indexOf(event.type));
    this.transition[pos] = event.transition ? HANDOFF_ACTIONS.indexOf(event.transition.action) + 1 : 0;
    this.partition[pos] = this.partitions.no(partition);
    this.frame[pos] = frame;
    this.offset[pos] = ref.offset;
    this.total[pos] = ref.total;
    this.people[pos * 3] = this.names.no(foldName(event.from.name));
    this.people[pos * 3 + 1] = this.names.no(foldName(event.to.name));
    this.people[pos * 3 + 2] = this.names.no(foldName(event.recordedBy.fullName));
    this.byShipment.push(ship, pos);
    this.growHeads(ship);
    this.headSeq[ship] = event.seq;
    if (!/^[0-9a-f]{64}$/.test(event.hash)) throw new Error(`custody event ${event.id} has no SHA-256 hash`);
    this.headHash.set(Buffer.from(event.hash, 'hex'), ship * HASH_BYTES);
    this.size += 1;
    return pos;
  }

  head(shipmentId: string): ChainHead | undefined {
    const ship = this.shipments.find(shipmentId);
    if (ship === undefined || this.byShipment.count(ship) === 0) return undefined;
    return { seq: this.headSeq[ship] ?? 0, hash: Buffer.from(this.headHash.buffer, this.headHash.byteOffset + ship * HASH_BYTES, HASH_BYTES).toString('hex') };
  }

  entry(pos: number): CustodyIndexEntry {
    const transition = this.transition[pos] ?? 0;
    return {
      pos,
      id: this.ids.get(pos),
      shipmentId: this.shipments.values[this.shipment[pos] ?? 0] as string,
      seq: this.seq[pos] ?? 0,
      at: this.at[pos] ?? 0,
      type: CUSTODY_EVENT_TYPES[this.type[pos] ?? 0] as CustodyEventType,
      brokenSeal: ((this.flags[pos] ?? 0) & BROKEN_SEAL) !== 0,
      transition: transition === 0 ? null : (HANDOFF_ACTIONS[transition - 1] as HandoffAction),
    };
  }

  idAt(pos: number): string {
    return this.ids.get(pos);
  }

  location(pos: number): { partition: string; frame: number; ref: FrameRef } {
    return { partition: this.partitions.values[this.partition[pos] ?? 0] as string, frame: this.frame[pos] ?? 0, ref: { offset: this.offset[pos] ?? 0, total: this.total[pos] ?? 0 } };
  }

  positionsOf(shipmentId: string): readonly number[] {
    const ship = this.shipments.find(shipmentId);
    return ship === undefined ? [] : this.byShipment.of(ship);
  }

  // ---- the checkpoint's form: a JSON header with the tables, then the columns' bytes ----

  private columns(): Record<ColumnName, Column> {
    return { shipment: this.shipment, seq: this.seq, at: this.at, flags: this.flags, type: this.type, transition: this.transition, partition: this.partition, frame: this.frame, offset: this.offset, total: this.total, people: this.people };
  }

  /** The checkpoint as parts to be written one after another (the columns are views, not copies). */
  encode(covered: Covered): Buffer[] {
    const used = (c: Column, name: ColumnName) => c.subarray(0, this.size * (name === 'people' ? 3 : 1));
    const cols = this.columns();
    const parts = COLUMN_NAMES.map((name) => Buffer.from(used(cols[name], name).buffer, used(cols[name], name).byteOffset, used(cols[name], name).byteLength));
    const ships = this.shipments.values.length;
    parts.push(Buffer.from(this.headSeq.buffer, this.headSeq.byteOffset, ships * 4), Buffer.from(this.headHash.buffer, this.headHash.byteOffset, ships * HASH_BYTES));
    // Version 2: ids as bytes after the columns (version 1 kept them as JSON strings, and is still read).
    const ids = this.ids.encode(this.size);
    const shipments = packIds(this.shipments.values);
    parts.push(ids.bytes, shipments.bytes);
    // Every part starts on an 8-byte boundary, so reading can use the columns where they lie instead of copying them.
    const json = JSON.stringify({ version: 2, covered, size: this.size, ships, oddIds: ids.odd, oddShipments: shipments.odd, partitions: this.partitions.values, names: this.names.values });
    const header = Buffer.from(json.padEnd(json.length + padding(4 + Buffer.byteLength(json))), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    return [length, header, ...parts.flatMap((part) => [part, Buffer.alloc(padding(part.length))])];
  }

  static decode(bytes: Buffer): { index: CustodyIndex; covered: Covered } {
    const headerLength = bytes.readUInt32BE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as CheckpointHeader;
    const v1 = header.version === 1 && Array.isArray(header.ids) && header.ids.length === header.size && Array.isArray(header.shipments);
    const v2 = header.version === 2 && Number.isInteger(header.ships) && Array.isArray(header.oddIds) && Array.isArray(header.oddShipments);
    if (!v1 && !v2) throw new Error('custody checkpoint of an unknown shape');
    const index = new CustodyIndex();
    const size = header.size;
    let cap = INITIAL_CAPACITY;
    while (cap < size) cap *= 2;
    let at = 4 + headerLength;
    // Version 2 lays every column on an 8-byte boundary: used where it lies (growing copies it on the
    // first event added). Version 1 did not, so its columns are copied into fresh arrays.
    const take = <A extends Column>(make: ColumnType<A>, count: number, capacity: number): A => {
      const byteLength = count * make.BYTES_PER_ELEMENT;
      if (at + byteLength > bytes.length) throw new Error('custody checkpoint cut short');
      let out: A;
      if (v2 && (bytes.byteOffset + at) % make.BYTES_PER_ELEMENT === 0) {
        out = new make(bytes.buffer, bytes.byteOffset + at, count);
      } else {
        out = new make(v2 ? count : capacity);
        new Uint8Array(out.buffer).set(bytes.subarray(at, at + byteLength));
      }
      at += v2 ? byteLength + padding(byteLength) : byteLength;
      return out;
    };
    index.size = size;
    index.shipment = take(Uint32Array, size, cap);
    index.seq = take(Uint32Array, size, cap);
    index.at = take(Float64Array, size, cap);
    index.flags = take(Uint8Array, size, cap);
    index.type = take(Uint8Array, size, cap);
    index.transition = take(Uint8Array, size, cap);
    index.partition = take(Uint16Array, size, cap);
    index.frame = take(Uint32Array, size, cap);
    index.offset = take(Float64Array, size, cap);
    index.total = take(Uint32Array, size, cap);
    index.people = take(Uint32Array, size * 3, cap * 3);
    const ships = v1 ? (header.shipments as string[]).length : (header.ships as number);
    let shipCap = INITIAL_CAPACITY;
    while (shipCap < ships) shipCap *= 2;
    index.headSeq = take(Uint32Array, ships, shipCap);
    index.headHash = take(Uint8Array, ships * HASH_BYTES, shipCap * HASH_BYTES);
    let shipmentIds: string[];
    if (v1) {
      index.ids = new IdColumn(cap);
      (header.ids as string[]).forEach((id, pos) => index.ids.set(pos, id));
      shipmentIds = header.shipments as string[];
    } else {
      index.ids = new IdColumn(take(Uint8Array, size * ID_BYTES, size * ID_BYTES), header.oddIds);
      shipmentIds = unpackIds(take(Uint8Array, ships * ID_BYTES, ships * ID_BYTES), ships, header.oddShipments as Array<[number, string]>);
    }
    if (at !== bytes.length) throw new Error('custody checkpoint has trailing bytes');
    if (v2 && (4 + headerLength) % 8 !== 0) throw new Error('custody checkpoint of an unknown shape');
    index.shipments = Codes.of(shipmentIds);
    index.partitions = Codes.of(header.partitions);
    index.names = Codes.of(header.names);
    index.byShipment = ShipmentPositions.of(index.shipment, size, ships);
    return { index, covered: header.covered };
  }

  /** Positions passing the query, in stored order (`newerFirst` sorts or pages them). */
  matching(q: CustodyQuery): number[] {
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
    return out;
  }

  /**
   * The custody log's order: the newest handoff first, then the later in its
   * chain, then the stored order. Total, so a page picked by a heap is the
   * same as the same page of a full sort.
   */
  readonly newerFirst = (a: number, b: number): number => (this.at[b] ?? 0) - (this.at[a] ?? 0) || (this.seq[b] ?? 0) - (this.seq[a] ?? 0) || a - b;

  /** Groups every position by shipment again (after indexing a whole stream, so lookups use the flat form). */
  compact(): void {
    this.byShipment = ShipmentPositions.of(this.shipment, this.size, this.shipments.values.length);
  }

  /** Each shipment's newest event that moved it (a handoff): its position, by shipment id (one pass from the end). */
  newestTransitions(): Map<string, number> {
    const newest = new Map<string, number>();
    const seen = new Uint8Array(this.shipments.values.length);
    for (let pos = this.size - 1; pos >= 0; pos -= 1) {
      if ((this.transition[pos] ?? 0) === 0) continue;
      const ship = this.shipment[pos] as number;
      if (seen[ship]) continue;
      seen[ship] = 1;
      newest.set(this.shipments.values[ship] as string, pos);
    }
    return newest;
  }

  /** Positions of the events that moved a shipment (a handoff), oldest first. */
  *transitions(): Generator<number> {
    for (let pos = 0; pos < this.size; pos += 1) if ((this.transition[pos] ?? 0) !== 0) yield pos;
  }
}

interface CheckpointHeader {
  version: number;
  covered: Covered;
  size: number;
  partitions: string[];
  names: string[];
  /** version 1 */
  ids?: string[];
  shipments?: string[];
  /** version 2 */
  ships?: number;
  oddIds?: Array<[number, string]>;
  oddShipments?: Array<[number, string]>;
}

export const CUSTODY_CHECKPOINT = 'custody-index';
const CHECKPOINT = CUSTODY_CHECKPOINT;
/** From this many events of one month, reading the month's file once (and decrypting only those frames) beats opening it per frame. */
const MONTH_FILE_FROM = 20;
/** A checkpoint is written after this many events (and on lock, sign-out and close). */
const CHECKPOINT_EVERY = 2000;

/** How far into each partition a checkpoint reaches. */
type Covered = Record<string, { frames: number; bytes: number }>;

export interface LedgerEvents {
  onRebuilt?: (reason: 'missing' | 'damaged' | 'stale', events: number, ms: number) => void | Promise<void>;
  /** While the index is built from the whole stream: months done of the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The custody events of every shipment, append-only (a monthly-partitioned
 * stream, like the shipments' changes). A compact index of all events is
 * kept in memory and saved as a checkpoint that says how far into each
 * partition it reaches: opening loads it and indexes only the events written
 * after it (or everything, when it is missing, damaged or does not match).
 * Full events are read back one frame at a time when a screen needs them.
 */
export class CustodyLedger {
  private covered: Covered = {};
  private appended = 0;

  private constructor(
    private readonly vault: UnlockedVault,
    private readonly stream: VaultStream<CustodyFrame>,
    private index: CustodyIndex,
  ) {}

  static async open(vault: UnlockedVault, events: LedgerEvents = {}): Promise<CustodyLedger> {
    const stream = await vault.stream<CustodyFrame>('custody-events');
    const read = await vault.binaryCacheFile(CHECKPOINT).read();
    let reason: 'missing' | 'damaged' | 'stale' = read === null ? 'missing' : 'damaged';
    if (read && 'data' in read) {
      try {
        const { index, covered } = CustodyIndex.decode(read.data);
        const ledger = new CustodyLedger(vault, stream, index);
        if (await ledger.catchUp(covered)) return ledger;
        reason = 'stale';
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code !== undefined && code !== 'VAULT_CORRUPT' && code !== 'VAULT_TRUNCATED') throw error;
        reason = 'stale';
      }
    }
    const started = performance.now();
    const ledger = new CustodyLedger(vault, stream, new CustodyIndex());
    // A damaged frame is left out of the index (verification names it), so the other events stay usable.
    const months = await stream.partitions();
    events.onProgress?.(0, months.length);
    for (const [done, month] of months.entries()) {
      for await (const { index, ref, record } of stream.entries(month, undefined, { onDamaged: () => undefined })) ledger.remember(record.event, month, index, ref);
      events.onProgress?.(done + 1, months.length);
    }
    ledger.index.compact();
    if (ledger.size > 0) {
      await events.onRebuilt?.(reason, ledger.size, performance.now() - started);
      ledger.appended = CHECKPOINT_EVERY; // due: written at the next quiet moment
      ledger.checkpointSoon();
    }
    ledger.watchClosing();
    return ledger;
  }

  /** Indexes what was written after the checkpoint; false when the checkpoint claims more than the stream holds. */
  private async catchUp(covered: Covered): Promise<boolean> {
    const sizes = await this.stream.fileSizes();
    for (const [month, mark] of Object.entries(covered)) {
      const size = sizes.get(month);
      if (size === undefined || size < mark.bytes) return false;
    }
    this.covered = { ...covered };
    for (const [month, size] of [...sizes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const mark = covered[month];
      if (mark && mark.bytes === size) continue;
      for await (const { index, ref, record } of this.stream.entries(month, mark ? { index: mark.frames, offset: mark.bytes } : undefined)) {
        const head = this.index.head(record.event.shipmentId);
        if (record.event.seq !== (head?.seq ?? 0) + 1) return false;
        this.remember(record.event, month, index, ref);
        this.appended += 1;
      }
    }
    if (this.appended > 0) this.checkpointSoon();
    this.watchClosing();
    return true;
  }

  private watchClosing(): void {
    this.vault.whenClosing(() => this.checkpoint());
  }

  private checkpointSoon(): void {
    setTimeout(() => void this.checkpoint().catch(() => undefined), 1000).unref();
  }

  /** Writes the index as the checkpoint if events were added since the last one. */
  async checkpoint(): Promise<void> {
    if (this.appended === 0) return;
    this.appended = 0;
    // Encoded and encrypted in one turn of the event loop: the index and its positions agree, and
    // the column views are read before any event can grow (replace) a column.
    await this.vault.binaryCacheFile(CHECKPOINT).write(this.index.encode({ ...this.covered }));
  }

  private remember(event: CustodyEvent, partition: string, frame: number, ref: FrameRef): void {
    this.index.add(event, partition, frame, ref);
    this.covered[partition] = { frames: frame + 1, bytes: ref.offset + ref.total };
  }

  get size(): number {
    return this.index.size;
  }

  /** A shipment's index entries, in chain order. */
  entriesOf(shipmentId: string): CustodyIndexEntry[] {
    return this.index.positionsOf(shipmentId).map((pos) => this.index.entry(pos));
  }

  head(shipmentId: string): ChainHead | undefined {
    return this.index.head(shipmentId);
  }

  /** The global log's filters, answered from the index; newest first. */
  /** Every event passing the query, newest handoff first (for a page of them, `matching` and `newerFirst`). */
  query(q: CustodyQuery): CustodyIndexEntry[] {
    return this.matching(q)
      .sort((a, b) => this.newerFirst(a, b))
      .map((pos) => this.index.entry(pos));
  }

  /**
   * Positions of the events passing the query, in stored order. At ten years
   * the unfiltered log has half a million: a page picks its few with
   * `newerFirst` and builds an entry only for those.
   */
  matching(q: CustodyQuery): number[] {
    return this.index.matching(q);
  }

  /** The custody log's order on positions: the newest handoff first. */
  newerFirst(a: number, b: number): number {
    return this.index.newerFirst(a, b);
  }

  /** The newest `count` events stored, oldest first. */
  latest(count: number): CustodyIndexEntry[] {
    const from = Math.max(0, this.index.size - count);
    const out: CustodyIndexEntry[] = [];
    for (let pos = from; pos < this.index.size; pos += 1) out.push(this.index.entry(pos));
    return out;
  }

  /** Each shipment's newest event that moved it (a handoff): its position in the ledger, by shipment id. */
  newestTransitions(): Map<string, number> {
    return this.index.newestTransitions();
  }

  /** What the index knows of the event at a position (see newestTransitions). */
  entryAt(pos: number): CustodyIndexEntry {
    return this.index.entry(pos);
  }

  /** The id of the event at a position, without the rest of its entry. */
  idAt(pos: number): string {
    return this.index.idAt(pos);
  }

  /** The events that moved a shipment, oldest first. */
  *transitions(): Generator<CustodyIndexEntry> {
    for (const pos of this.index.transitions()) yield this.index.entry(pos);
  }

  /** A shipment's full events, in chain order. */
  async of(shipmentId: string): Promise<CustodyEvent[]> {
    return this.load(this.entriesOf(shipmentId));
  }

  /**
   * The full events behind index entries, in the same order: each read back
   * alone from its frame, or, where many come from one month (the log's
   * recent pages), from that month's file read once; only the frames asked
   * for are decrypted.
   */
  async load(entries: readonly Pick<CustodyIndexEntry, 'pos' | 'id'>[]): Promise<CustodyEvent[]> {
    const perMonth = new Map<string, number[]>();
    for (const entry of entries) {
      const { partition, frame } = this.index.location(entry.pos);
      const frames = perMonth.get(partition) ?? [];
      frames.push(frame);
      perMonth.set(partition, frames);
    }
    const many = new Map<string, Map<number, CustodyEvent>>();
    for (const [month, frames] of perMonth) {
      if (frames.length < MONTH_FILE_FROM) continue;
      const read = await this.stream.readSome(month, frames);
      many.set(month, new Map(frames.map((f, i) => [f, (read[i] as CustodyFrame).event])));
    }
    const events: CustodyEvent[] = [];
    for (const entry of entries) {
      const { partition, frame, ref } = this.index.location(entry.pos);
      const event = many.get(partition)?.get(frame) ?? (await this.stream.readAt(partition, frame, ref)).event;
      if (event.id !== entry.id) throw new Error(`custody index out of step at ${partition}#${frame}`);
      events.push(event);
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
    this.remember(event, written.partition, written.index, written.refs[0] as FrameRef);
    this.appended += 1;
    if (this.appended >= CHECKPOINT_EVERY) setImmediate(() => void this.checkpoint().catch(() => undefined));
    return event;
  }

  /** Every stored event in the order written, one month in memory at a time. */
  async *eachStored(): AsyncGenerator<CustodyEvent> {
    // A damaged frame is left out (the scan names it); the chain check then reports the gap it leaves.
    for (const month of await this.stream.partitions()) for await (const { record } of this.stream.entries(month, undefined, { onDamaged: () => undefined })) yield record.event;
  }
}
