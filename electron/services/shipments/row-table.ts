import type { ShipmentState } from '../../../shared/domain/shipment-states';
import type { Classification, ShipmentChannel } from '../../../shared/domain/shipments';
import type { FramePointer } from './shipment-changes';
import { sealKey } from '../../../shared/domain/seals';
import { Codes } from '../codes';
import { SealSlots } from './seal-slots';
import { ownList, sharedList, type ReportPeriodLink, type RowColumns, type ShipmentRow } from './shipment-rows';

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
/** A copy of `array` with room for `slot` (and as many again): growing by doubling keeps appends cheap. */
function grown<A extends Typed>(array: A, slot: number): A {
  const next = new (array.constructor as new (n: number) => A)(Math.max(64, (slot + 1) * 2));
  next.set(array);
  return next;
}

/**
 * Every shipment's row, kept as columns. At ten years there are 100,000
 * rows; as objects each took about 1,015 bytes of heap (its fields, a frame
 * pointer array, a map entry). As columns the numbers sit in typed arrays
 * and the office's repeated values (states, agencies, people, months) cost
 * one number each; only the texts remain strings. A row is handed out as a
 * fresh plain object, a snapshot: the caller may keep it across a save
 * without seeing it change.
 *
 * Slots are the creation order (a row's `slot`), so appending is the only
 * way a row is added, and the checkpoint's segments are slices of slots.
 */
export class RowTable {
  private readonly slotOf = new Map<string, number>();
  private count = 0;
  private readonly ids: string[] = [];
  private readonly folios: Array<string | null> = [];
  private readonly subjects: string[] = [];
  private readonly texts: string[] = [];
  private readonly lastMoves: Array<string | null> = [];
  private readonly periods: Array<ReportPeriodLink | null> = [];
  private readonly seals: Array<readonly string[]> = [];
  // Timestamps stay text: turning milliseconds back into ISO text cost about 4 µs a row, 0.4 s a list at ten years.
  private readonly created: string[] = [];
  private readonly updated: string[] = [];
  private revs = new Uint32Array(0);
  /** 0 = no folio yet */
  private folioYears = new Uint16Array(0);
  /** -1 = no folio yet */
  private folioNumbers = new Int32Array(0);
  private states = new Uint8Array(0);
  private channels = new Uint8Array(0);
  private classifications = new Uint8Array(0);
  private sealed = new Uint8Array(0);
  private agencies = new Uint32Array(0);
  private people = new Uint32Array(0);
  private preparedByIds = new Uint32Array(0);
  private months = new Uint32Array(0);
  private frames = new Uint32Array(0);
  private offsets = new Float64Array(0);
  private totals = new Uint32Array(0);
  private readonly stateCodes = new Codes<ShipmentState>();
  private readonly channelCodes = new Codes<ShipmentChannel>();
  private readonly classificationCodes = new Codes<Classification>();
  private readonly agencyCodes = new Codes<string>();
  private readonly peopleCodes = new Codes<string>();
  private readonly listCodes = new Codes<readonly string[]>();
  private readonly monthCodes = new Codes<string>();
  /** Built on the first seal check, then kept by `set`: opening pays nothing for it. */
  private sealSlots: SealSlots | null = null;

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  get(id: string): ShipmentRow | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.at(slot);
  }

  *values(): IterableIterator<ShipmentRow> {
    for (let slot = 0; slot < this.count; slot += 1) yield this.at(slot);
  }

  /** Stores a row in its slot: a new one must take the next slot. */
  set(row: ShipmentRow): void {
    const slot = row.slot;
    if (slot > this.count || (slot === this.count) === this.slotOf.has(row.id) || (slot < this.count && this.ids[slot] !== row.id)) {
      throw new Error(`row ${row.id} does not belong in slot ${slot}`);
    }
    if (slot === this.count) {
      this.room(slot);
      this.count += 1;
      this.slotOf.set(row.id, slot);
    }
    this.ids[slot] = row.id;
    this.folios[slot] = row.folio;
    this.subjects[slot] = row.subject;
    this.texts[slot] = row.text;
    this.lastMoves[slot] = row.lastMove;
    this.periods[slot] = row.period;
    const before = this.seals[slot];
    this.seals[slot] = ownList(row.seals);
    if (this.sealSlots && !sameList(before, row.seals)) {
      if (before) this.sealSlots.remove(slot, before);
      this.sealSlots.add(slot, row.seals);
    }
    this.created[slot] = row.createdAt;
    this.updated[slot] = row.updatedAt;
    this.revs[slot] = row.rev;
    this.folioYears[slot] = row.folioYear ?? 0;
    this.folioNumbers[slot] = row.folioNumber ?? -1;
    this.states[slot] = this.stateCodes.no(row.state);
    this.channels[slot] = this.channelCodes.no(row.channel);
    this.classifications[slot] = this.classificationCodes.no(row.classification);
    this.sealed[slot] = row.sealed ? 1 : 0;
    this.agencies[slot] = this.agencyCodes.no(row.agencyId);
    this.people[slot] = this.peopleCodes.no(row.preparedBy);
    // Keyed by the list itself: rows from advanceRow and `at` carry the shared copy (sharedList).
    this.preparedByIds[slot] = this.listCodes.no(row.preparedByIds);
    this.months[slot] = this.monthCodes.no(row.last[0]);
    this.frames[slot] = row.last[1];
    this.offsets[slot] = row.last[2];
    this.totals[slot] = row.last[3];
  }

  /** The row in a slot, as a fresh object. */
  at(slot: number): ShipmentRow {
    const folioYear = this.folioYears[slot] as number;
    const folioNumber = this.folioNumbers[slot] as number;
    return {
      id: this.ids[slot] as string,
      rev: this.revs[slot] as number,
      folio: this.folios[slot] ?? null,
      folioYear: folioYear === 0 ? null : folioYear,
      folioNumber: folioNumber < 0 ? null : folioNumber,
      state: this.stateAt(slot),
      channel: this.channelAt(slot),
      classification: this.classificationAt(slot),
      subject: this.subjects[slot] as string,
      agencyId: this.agencyAt(slot),
      createdAt: this.created[slot] as string,
      updatedAt: this.updated[slot] as string,
      preparedBy: this.peopleCodes.values[this.people[slot] as number] as string,
      period: this.periods[slot] ?? null,
      lastMove: this.lastMoves[slot] ?? null,
      preparedByIds: this.preparedByIdsAt(slot),
      seals: this.seals[slot] as readonly string[],
      sealed: this.sealed[slot] === 1,
      text: this.texts[slot] as string,
      last: this.pointer(slot),
      slot,
    };
  }

  // ---- one field of one slot, for scans over every row (lists, search, the counter, seals) ----
  // Building a row object costs about a microsecond; a list at ten years reads 100,000 slots.

  idAt(slot: number): string {
    return this.ids[slot] as string;
  }
  folioAt(slot: number): string | null {
    return this.folios[slot] ?? null;
  }
  /** Folio order: by year, then number; a shipment without folio sorts after every folio. */
  folioOrderAt(slot: number): number {
    const year = this.folioYears[slot] as number;
    const number = this.folioNumbers[slot] as number;
    return year === 0 || number < 0 ? Infinity : year * 1e9 + number;
  }
  stateAt(slot: number): ShipmentState {
    return this.stateCodes.values[this.states[slot] as number] as ShipmentState;
  }
  channelAt(slot: number): ShipmentChannel {
    return this.channelCodes.values[this.channels[slot] as number] as ShipmentChannel;
  }
  classificationAt(slot: number): Classification {
    return this.classificationCodes.values[this.classifications[slot] as number] as Classification;
  }
  agencyAt(slot: number): string {
    return this.agencyCodes.values[this.agencies[slot] as number] as string;
  }
  createdAtAt(slot: number): string {
    return this.created[slot] as string;
  }
  updatedAtAt(slot: number): string {
    return this.updated[slot] as string;
  }
  textAt(slot: number): string {
    return this.texts[slot] as string;
  }
  preparedByIdsAt(slot: number): readonly string[] {
    return this.listCodes.values[this.preparedByIds[slot] as number] as readonly string[];
  }
  periodAt(slot: number): ReportPeriodLink | null {
    return this.periods[slot] ?? null;
  }
  sealsAt(slot: number): readonly string[] {
    return this.seals[slot] as readonly string[];
  }
  sealedAt(slot: number): boolean {
    return this.sealed[slot] === 1;
  }
  /** The slots whose recorded seals include one with this `sealKey`, in slot order. */
  slotsWithSeal(key: string): number[] {
    if (!this.sealSlots) {
      this.sealSlots = new SealSlots();
      for (let slot = 0; slot < this.count; slot += 1) this.sealSlots.add(slot, this.seals[slot] as readonly string[]);
    }
    return this.sealSlots
      .candidates(key)
      .filter((slot) => (this.seals[slot] as readonly string[]).some((seal) => sealKey(seal) === key))
      .sort((a, b) => a - b);
  }

  private pointer(slot: number): FramePointer {
    return [this.monthCodes.values[this.months[slot] as number] as string, this.frames[slot] as number, this.offsets[slot] as number, this.totals[slot] as number];
  }

  /** Appends a checkpoint segment's rows (slots from `firstSlot`, which must be the next slot), without a row object each. */
  appendColumns(c: RowColumns, firstSlot: number): void {
    if (firstSlot !== this.count) throw new Error(`segment starts at ${firstSlot}, not at ${this.count}`);
    for (let i = 0; i < c.ids.length; i += 1) {
      this.set({
        id: c.ids[i] as string,
        rev: c.revs[i] as number,
        folio: c.folios[i] ?? null,
        folioYear: c.folioYears[i] ?? null,
        folioNumber: c.folioNumbers[i] ?? null,
        state: c.states[i] as ShipmentState,
        channel: c.channels[i] as ShipmentChannel,
        classification: c.classifications[i] as Classification,
        subject: c.subjects[i] as string,
        agencyId: c.agencyIds[c.agencies[i] as number] as string,
        createdAt: c.createdAt[i] as string,
        updatedAt: c.updatedAt[i] as string,
        preparedBy: c.people[c.preparedBy[i] as number] as string,
        period: c.periods[i] ?? null,
        lastMove: c.lastMoves[i] ?? null,
        preparedByIds: sharedList(c.preparedByIds[i]),
        seals: c.seals[i] as readonly string[],
        sealed: c.sealed[i] ?? false,
        text: c.texts[i] as string,
        last: c.last[i] as FramePointer,
        slot: firstSlot + i,
      });
    }
  }

  /** The rows of slots [from, to) in the checkpoint's column form. */
  columns(from: number, to: number): RowColumns {
    const agencies = new Codes<string>();
    const people = new Codes<string>();
    const c: RowColumns = {
      ids: [], revs: [], folios: [], folioYears: [], folioNumbers: [], states: [], channels: [], classifications: [], subjects: [], agencies: [], agencyIds: agencies.values,
      createdAt: [], updatedAt: [], preparedBy: [], people: people.values, periods: [], lastMoves: [], preparedByIds: [], seals: [], sealed: [], texts: [], last: [],
    };
    for (let slot = from; slot < Math.min(to, this.count); slot += 1) {
      const r = this.at(slot);
      c.ids.push(r.id);
      c.revs.push(r.rev);
      c.folios.push(r.folio);
      c.folioYears.push(r.folioYear);
      c.folioNumbers.push(r.folioNumber);
      c.states.push(r.state);
      c.channels.push(r.channel);
      c.classifications.push(r.classification);
      c.subjects.push(r.subject);
      c.agencies.push(agencies.no(r.agencyId));
      c.createdAt.push(r.createdAt);
      c.updatedAt.push(r.updatedAt);
      c.preparedBy.push(people.no(r.preparedBy));
      c.periods.push(r.period);
      c.lastMoves.push(r.lastMove);
      c.preparedByIds.push(r.preparedByIds);
      c.seals.push(r.seals);
      c.sealed.push(r.sealed);
      c.texts.push(r.text);
      c.last.push(r.last);
    }
    return c;
  }

  private room(slot: number): void {
    if (slot < this.revs.length) return;
    this.revs = grown(this.revs, slot);
    this.folioYears = grown(this.folioYears, slot);
    this.folioNumbers = grown(this.folioNumbers, slot);
    this.states = grown(this.states, slot);
    this.channels = grown(this.channels, slot);
    this.classifications = grown(this.classifications, slot);
    this.sealed = grown(this.sealed, slot);
    this.agencies = grown(this.agencies, slot);
    this.people = grown(this.people, slot);
    this.preparedByIds = grown(this.preparedByIds, slot);
    this.months = grown(this.months, slot);
    this.frames = grown(this.frames, slot);
    this.offsets = grown(this.offsets, slot);
    this.totals = grown(this.totals, slot);
  }
}
