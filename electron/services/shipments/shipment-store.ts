import { FINAL_STATES, type ShipmentState } from '../../../shared/domain/shipment-states';
import type { Shipment } from '../../../shared/domain/shipments';
import { AppError } from '../../../shared/errors';
import { SerialQueue } from '../vault/gate';
import type { UnlockedVault, VaultStream } from '../vault';
import { FolioCounter } from './folio';
import { changeOf, foldRevisions, type FramePointer, type ShipmentChange } from './shipment-changes';
import { isCovered, removeRowCheckpoint, RowCheckpoint, type Covered } from './row-checkpoint';
import { advanceRow, type ReportPeriodLink, type ShipmentRow } from './shipment-rows';
import { RowTable } from './row-table';

export const CHANGES_STREAM = 'shipment-changes';
const SUMMARY_CACHE = 'shipment-summary';

/** Forgets the checkpoints derived from the changes stream (the rows and Inicio's summary): whenever the stream is rewritten. */
export async function removeShipmentCheckpoints(vault: UnlockedVault): Promise<void> {
  await vault.removeCacheFile(SUMMARY_CACHE);
  await removeRowCheckpoint(vault);
}
/** A checkpoint is written after this many saves (and on lock, sign-out and close). */
const CHECKPOINT_EVERY = 500;
/** Whole shipments kept decrypted: the ones being worked on, not the archive. */
const CACHED_SHIPMENTS = 64;

export type { Covered };

export interface Fulfilment extends ReportPeriodLink {
  shipmentId: string;
  folio: string;
}

/** A shipment still under way, as Inicio's «waiting for you» needs it. */
export type OpenShipment = Pick<ShipmentRow, 'id' | 'folio' | 'subject' | 'state' | 'channel' | 'preparedByIds' | 'updatedAt'>;

/** What Inicio needs, small enough to read at sign-in without the rows (open shipments are few; the archive is not read). */
interface SummaryData {
  version: 2;
  covered: Covered;
  byState: Partial<Record<ShipmentState, number>>;
  fulfilled: Fulfilment[];
  open: OpenShipment[];
}

interface Overview {
  byState: Partial<Record<ShipmentState, number>>;
  fulfilled: Fulfilment[];
  open: OpenShipment[];
}

const isSummary = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as SummaryData).version === 2 && isCovered((v as SummaryData).covered) && Array.isArray((v as SummaryData).fulfilled) && Array.isArray((v as SummaryData).open);

/** Why the rows were built from the streams instead of a checkpoint: said in the audit log. */
export type RebuildReason = 'missing' | 'damaged' | 'stale';
export const REBUILD_REASON_LABELS: Record<RebuildReason, string> = {
  missing: 'no había punto de control',
  damaged: 'el punto de control estaba dañado',
  stale: 'el punto de control no correspondía a los registros',
};

export interface StoreEvents {
  /** the rows were rebuilt from the whole stream (rare: first open after an upgrade, a rotation or damage) */
  onRebuilt?: (reason: RebuildReason, shipments: number, ms: number) => void | Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

function sameCovered(a: Covered, sizes: Map<string, number>): boolean {
  if (Object.keys(a).length !== sizes.size) return false;
  for (const [month, size] of sizes) if (a[month]?.bytes !== size) return false;
  return true;
}

class Stale extends Error {}

export interface ShipmentDamage {
  months: Array<{ month: string; frames: number[] }>;
  shipments: Array<{ id: string; folio: string | null; subject: string | null }>;
}


/**
 * Shipments live in an append-only stream of changes (partitioned by month):
 * a save appends one frame with only what changed, and the stream is the
 * record of every version. In memory there is one small row per shipment
 * (lists, search, Inicio, the counter); a whole shipment is read back from
 * its frames when its page opens. The rows are saved as an encrypted
 * checkpoint that says how far into each partition it reaches, so opening
 * reads the checkpoint and replays only the frames written after it; a
 * checkpoint that is missing, damaged or does not match the stream is
 * rebuilt from the stream, so it is never a source of truth.
 */
export class ShipmentStore {
  readonly folios = new FolioCounter();
  private rowsById: RowTable | null = null;
  private loading: Promise<RowTable> | null = null;
  private covered: Covered = {};
  private readonly cache = new Map<string, Shipment>();
  private saves = 0;
  private readonly writes = new SerialQueue();
  /** Frames found unreadable, by month, and the shipments they cost (found while reading or by `scanDamage`). */
  private readonly damaged = new Map<string, Set<number>>();
  private readonly damagedIds = new Set<string>();
  /** What later readable changes said of a shipment whose first change was lost, so it can still be named. */
  private readonly lostNames = new Map<string, { folio: string | null; subject: string | null }>();
  private readonly checkpoints: RowCheckpoint;

  private constructor(
    private readonly vault: UnlockedVault,
    private readonly stream: VaultStream<ShipmentChange>,
    private summary: SummaryData | null,
    private readonly events: StoreEvents,
  ) {
    this.checkpoints = new RowCheckpoint(vault);
  }

  static async open(vault: UnlockedVault, events: StoreEvents = {}): Promise<ShipmentStore> {
    const stream = await vault.stream<ShipmentChange>(CHANGES_STREAM);
    const read = await vault.cacheFile<SummaryData>(SUMMARY_CACHE, isSummary).read();
    let summary = read && 'data' in read ? read.data : null;
    // The summary answers Inicio only while nothing was written after it.
    if (summary && !sameCovered(summary.covered, await stream.fileSizes())) summary = null;
    const store = new ShipmentStore(vault, stream, summary, events);
    vault.whenClosing(() => store.checkpoint());
    return store;
  }

  // ---- reading -------------------------------------------------------------

  /** Whether the rows are in memory (Inicio does not need them when the summary is current). */
  get rowsLoaded(): boolean {
    return this.rowsById !== null;
  }

  /** Counts by state and delivered report periods: from the summary when it is current, else from the rows. */
  async overview(): Promise<Overview> {
    if (this.summary && !this.rowsById) return this.summary;
    return summarise(await this.loaded());
  }

  async rows(): Promise<IterableIterator<ShipmentRow>> {
    return (await this.loaded()).values();
  }

  /** Every row, as the columns scans read (lists, search, the counter, seals). */
  async table(): Promise<RowTable> {
    return this.loaded();
  }

  async size(): Promise<number> {
    return (await this.loaded()).size;
  }

  /** The newest revision of a shipment, read back from its frames. */
  async get(id: string): Promise<Shipment | undefined> {
    const row = (await this.loaded()).get(id);
    if (!row) return undefined;
    const cached = this.cache.get(id);
    if (cached && cached.rev === row.rev) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    const revisions = await this.readRevisions(row);
    const current = revisions.at(-1) as Shipment;
    this.remember(current);
    return current;
  }

  /** Shipments known to be unreadable (a frame of theirs is damaged) and the damaged frames by month. */
  damage(): ShipmentDamage {
    const rows = this.rowsById;
    return {
      months: [...this.damaged].map(([month, frames]) => ({ month, frames: [...frames].sort((a, b) => a - b) })).sort((a, b) => (a.month < b.month ? -1 : 1)),
      shipments: [...this.damagedIds].map((id) => {
        const row = rows?.get(id);
        const lost = this.lostNames.get(id);
        return { id, folio: row?.folio ?? lost?.folio ?? null, subject: row?.subject ?? lost?.subject ?? null };
      }),
    };
  }

  /**
   * Reads every frame of the stream (for «Verificar integridad»): which
   * frames are damaged, and which shipments they cost — a shipment is
   * unreadable when its newest frame, or a frame one of its frames points
   * back to, is damaged.
   */
  async scanDamage(): Promise<ShipmentDamage> {
    const rows = await this.loaded();
    const months = await this.stream.partitions();
    const bad = new Set<string>();
    // Frames past a damaged header cannot be found: every pointer into the rest of that month is lost.
    const cut = new Map<string, number>();
    const isBad = ([month, index]: FramePointer) => bad.has(`${month}#${index}`) || index >= (cut.get(month) ?? Infinity);
    const pointers: Array<{ id: string; prev: FramePointer }> = [];
    for (const month of months) {
      const report = await this.stream.damage(month);
      if (report) {
        for (const index of report.frames) bad.add(`${month}#${index}`);
        this.noteDamage(month, report.frames);
        if (report.unreadableFrom !== null) {
          cut.set(month, report.unreadableFrom);
          this.noteDamage(month, [report.unreadableFrom]);
        }
      }
      for await (const { record } of this.stream.entries(month, undefined, { onDamaged: () => undefined })) if (record.prev) pointers.push({ id: record.id, prev: record.prev });
    }
    for (const row of rows.values()) if (isBad(row.last)) this.damagedIds.add(row.id);
    for (const { id, prev } of pointers) if (isBad(prev)) this.damagedIds.add(id);
    return this.damage();
  }

  /**
   * After a repair: forgets what was known to be damaged and the rows built
   * around it (and their checkpoint), so the next read builds them again
   * from the repaired stream; anything still damaged is found again.
   */
  async forgetDamage(): Promise<void> {
    this.damaged.clear();
    this.damagedIds.clear();
    this.lostNames.clear();
    this.cache.clear();
    this.rowsById = null;
    this.loading = null;
    this.summary = null;
    this.saves = 0;
    await removeShipmentCheckpoints(this.vault);
    this.checkpoints.startOver();
  }

  private noteDamage(month: string, frames: readonly number[]): void {
    const set = this.damaged.get(month) ?? new Set<number>();
    for (const f of frames) set.add(f);
    this.damaged.set(month, set);
  }

  /** A shipment whose frames cannot all be read: said in Spanish, naming it and the month to recover. */
  private unreadable(row: ShipmentRow, month: string, index: number, cause: unknown): AppError {
    this.noteDamage(month, [index]);
    this.damagedIds.add(row.id);
    const name = row.folio ?? `«${row.subject}»`;
    return new AppError(
      'VAULT_CORRUPT',
      `El envío ${name} no se puede abrir: su registro n.º ${index + 1} del mes ${month} está dañado en el disco. Los demás envíos no se ven afectados. Recupere ese mes desde un respaldo (Medios extraíbles → Respaldo → «Reparar con este respaldo»).`,
      { cause },
    );
  }

  /** Every stored revision of one shipment, oldest first. */
  async revisions(id: string): Promise<Shipment[]> {
    const row = (await this.loaded()).get(id);
    return row ? this.readRevisions(row) : [];
  }

  /** Where each revision's frame lies ([month, index] per revision, oldest first): for tools that rewrite the stream. */
  async framePlaces(id: string): Promise<Array<[string, number]>> {
    const row = (await this.loaded()).get(id);
    const places: Array<[string, number]> = [];
    let at: FramePointer | null = row?.last ?? null;
    while (at) {
      places.push([at[0], at[1]]);
      at = (await this.stream.readAt(at[0], at[1], { offset: at[2], total: at[3] })).prev;
    }
    return places.reverse();
  }

  private async readRevisions(row: ShipmentRow): Promise<Shipment[]> {
    const changes: ShipmentChange[] = [];
    let at: FramePointer | null = row.last;
    while (at) {
      const [month, index, offset, total] = at;
      let change: ShipmentChange;
      try {
        change = await this.stream.readAt(month, index, { offset, total });
      } catch (error) {
        if (isVaultDamage(error)) throw this.unreadable(row, month, index, error);
        throw error;
      }
      if (change.id !== row.id) throw new Error(`revision chain of ${row.id} reached ${change.id}`);
      changes.push(change);
      at = change.prev;
    }
    return foldRevisions(changes.reverse());
  }

  private remember(s: Shipment): void {
    this.cache.delete(s.id);
    this.cache.set(s.id, s);
    if (this.cache.size > CACHED_SHIPMENTS) this.cache.delete(this.cache.keys().next().value as string);
  }

  // ---- writing -------------------------------------------------------------

  /**
   * Appends the change from `before` (the stored newest revision, or null for
   * a new shipment) to `next`. Durable when it resolves; memory changes only then.
   */
  async save(before: Shipment | null, next: Shipment, at: Date): Promise<void> {
    const rows = await this.loaded();
    const row = rows.get(next.id);
    if ((row?.rev ?? null) !== (before?.rev ?? null)) throw new Error(`save of ${next.id}: revision ${before?.rev ?? 'nueva'} is not the stored ${row?.rev ?? 'ninguna'}`);
    const change = changeOf(before, next, row?.last ?? null);
    const written = await this.stream.append(change, { at });
    const ref = written.refs[0] as { offset: number; total: number };
    this.apply(rows, change, [written.partition, written.index, ref.offset, ref.total]);
    this.remember(next);
    this.summary = null;
    this.saves += 1;
  }

  /** Whether enough was saved since the last checkpoint that writing one now is worth it. */
  get checkpointDue(): boolean {
    return this.saves >= CHECKPOINT_EVERY;
  }

  /**
   * Writes the checkpoint (rows and summary) when something changed since the
   * last one. Safe beside saves: rows and positions are copied in one turn of
   * the event loop, and a save changes both in one turn once its frame is durable.
   */
  async checkpoint(): Promise<void> {
    const rows = this.rowsById;
    if (!rows || (this.saves === 0 && this.summary)) return;
    // Taken at once from memory, so the files agree with each other and with `covered`.
    const covered = { ...this.covered };
    const plan = this.checkpoints.snapshot(rows, covered);
    const summary: SummaryData = { version: 2, covered, ...summarise(rows) };
    this.saves = 0;
    await this.writes.run(async () => {
      await this.checkpoints.write(plan);
      await this.vault.cacheFile<SummaryData>(SUMMARY_CACHE, isSummary).write(summary);
    });
    this.summary = summary;
  }

  // ---- building the rows -----------------------------------------------------

  private loaded(): Promise<RowTable> {
    if (this.rowsById) return Promise.resolve(this.rowsById);
    this.loading ??= this.load().then(
      (rows) => (this.rowsById = rows),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  private apply(rows: RowTable, change: ShipmentChange, at: FramePointer): void {
    const row = advanceRow(rows.get(change.id), change, at, rows.size);
    rows.set(row);
    this.checkpoints.changed(row.slot);
    this.folios.observe(row.folioYear, row.folioNumber);
    this.covered[at[0]] = { frames: at[1] + 1, bytes: at[2] + at[3] };
  }

  private async load(): Promise<RowTable> {
    const rows = new RowTable();
    const read = await this.checkpoints.read((columns, firstSlot) => {
      rows.appendColumns(columns, firstSlot);
      columns.folioYears.forEach((year, i) => this.folios.observe(year ?? null, columns.folioNumbers[i] ?? null));
    });
    let reason: RebuildReason;
    if ('covered' in read) {
      try {
        return await this.replayAfter(rows, read.covered);
      } catch (error) {
        if (!(error instanceof Stale) && !isVaultDamage(error)) throw error;
        reason = 'stale';
      }
    } else {
      reason = read.unusable;
    }
    return this.rebuildSaying(reason);
  }

  private async rebuildSaying(reason: RebuildReason): Promise<RowTable> {
    this.checkpoints.startOver();
    const started = performance.now();
    const rows = await this.rebuild();
    // A vault with no shipments yet has nothing to rebuild and nothing to say.
    if (rows.size === 0) return rows;
    await this.events.onRebuilt?.(reason, rows.size, performance.now() - started);
    this.checkpointSoon();
    return rows;
  }

  /** After a rebuild or a long replay: write the checkpoint once the screen that asked has its answer. */
  private checkpointSoon(): void {
    setTimeout(() => void this.checkpoint().catch(() => undefined), 1000).unref();
  }

  /** The rows read from the checkpoint, caught up with the frames written after it. */
  private async replayAfter(rows: RowTable, covered: Covered): Promise<RowTable> {
    const sizes = await this.stream.fileSizes();
    for (const [month, mark] of Object.entries(covered)) {
      const size = sizes.get(month);
      if (size === undefined || size < mark.bytes) throw new Stale(month);
    }
    this.covered = { ...covered };
    for (const [month, size] of [...sizes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const mark = covered[month];
      if (mark && mark.bytes === size) continue;
      for await (const entry of this.stream.entries(month, mark ? { index: mark.frames, offset: mark.bytes } : undefined)) {
        const row = rows.get(entry.record.id);
        if (entry.record.rev !== (row?.rev ?? 0) + 1) throw new Stale(`${entry.record.id}@${entry.record.rev}`);
        this.apply(rows, entry.record, [month, entry.index, entry.ref.offset, entry.ref.total]);
        this.saves += 1;
      }
    }
    if (this.saves > 0) this.checkpointSoon();
    return rows;
  }

  private async rebuild(): Promise<RowTable> {
    const rows = new RowTable();
    this.covered = {};
    const months = await this.stream.partitions();
    let done = 0;
    this.events.onProgress?.(0, months.length);
    for (const month of months) {
      const damaged: number[] = [];
      for await (const entry of this.stream.entries(month, undefined, { onDamaged: (i) => void damaged.push(i) })) {
        const change = entry.record;
        const known = rows.get(change.id);
        // A change whose earlier frames were lost cannot be folded: the shipment is named as damaged instead.
        if (this.damagedIds.has(change.id) || (!known && change.prev !== null) || (change.prev && this.damaged.get(change.prev[0])?.has(change.prev[1]))) {
          this.damagedIds.add(change.id);
          if (!known) {
            const named = this.lostNames.get(change.id) ?? { folio: null, subject: null };
            this.lostNames.set(change.id, { folio: change.set.folio ?? named.folio, subject: change.set.content?.subject ?? named.subject });
          }
          // Its row keeps what the readable changes say, so lists still show it; opening it names the damage.
          if (known) this.apply(rows, change, [month, entry.index, entry.ref.offset, entry.ref.total]);
          continue;
        }
        this.apply(rows, change, [month, entry.index, entry.ref.offset, entry.ref.total]);
      }
      if (damaged.length > 0) this.noteDamage(month, damaged);
      done += 1;
      this.events.onProgress?.(done, months.length);
    }
    this.saves = Math.max(this.saves, 1); // worth a checkpoint at the next quiet moment
    return rows;
  }
}

function isVaultDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'VAULT_CORRUPT' || code === 'VAULT_TRUNCATED';
}

function summarise(rows: RowTable): Overview {
  const byState: Partial<Record<ShipmentState, number>> = {};
  const fulfilled: Fulfilment[] = [];
  const open: OpenShipment[] = [];
  for (let slot = 0; slot < rows.size; slot += 1) {
    const state = rows.stateAt(slot);
    byState[state] = (byState[state] ?? 0) + 1;
    // Only delivered report shipments and open ones (few) need their whole row.
    const final = FINAL_STATES.includes(state);
    if (final && (state !== 'entregado' || rows.periodAt(slot) === null)) continue;
    const r = rows.at(slot);
    if (state === 'entregado' && r.period && r.folio) fulfilled.push({ ...r.period, shipmentId: r.id, folio: r.folio });
    if (!final) open.push({ id: r.id, folio: r.folio, subject: r.subject, state: r.state, channel: r.channel, preparedByIds: r.preparedByIds, updatedAt: r.updatedAt });
  }
  return { byState, fulfilled, open };
}
