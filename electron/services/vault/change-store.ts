/**
 * A small register of records on the vault's stream-and-checkpoint design
 * (docs/ARCHITECTURE.md, «The vault»), for registers small enough to keep
 * whole in memory (social-network accounts, releases, release requests):
 *
 * - every change appends one frame to the register's stream holding only the
 *   record's fields that changed, never a copy of the record;
 * - the current records are a checkpoint that records how far into each
 *   partition it reaches; opening reads it and replays only the frames
 *   written after it, and rebuilds it from the stream whenever it is missing,
 *   damaged or does not match the stream. It is a cache, never a source of
 *   truth, written when the vault closes (lock, sign-out, quit) and when an
 *   open had to replay frames;
 * - a record's history is its frames, read back when its page asks.
 *
 * The frame's id field and the checkpoint's list field are named by each
 * register, so the frames and checkpoints written before this module existed
 * (`accountId`, `accounts`) are read as they are.
 */
import type { AuditActor } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import type { UnlockedVault, VaultStream } from '../vault';
import { SerialQueue } from './gate';

/** One change of one record as its stream holds it. */
export type ChangeFrame<T, K extends string, F extends string> = {
  v: 1;
  at: string;
  actor: AuditActor;
  kind: K;
  /** A sentence for the history. */
  detail: string;
  /** The fields that changed; the first frame of a record holds all of them. */
  set: Partial<T>;
} & { [P in F]: string };

export interface ChangeHistoryEntry {
  at: string;
  actor: AuditActor;
  label: string;
  detail: string;
}

export interface ChangeStoreOptions<K extends string, F extends string, L extends string> {
  stream: string;
  cache: string;
  /** The frame's field that names the record. */
  idField: F;
  /** The checkpoint's field that holds the records. */
  listField: L;
  /** What each kind of change reads as in the history. */
  labels: Record<K, string>;
  /** Kinds that are no change at all when no field differs (an edit that changes nothing); any other kind is a step that happened. */
  skipWhenUnchanged: readonly K[];
  /** The refusal when a record is not there (Spanish). */
  notFound: string;
}

export interface ChangeMeta<K extends string> {
  at: Date;
  actor: AuditActor;
  kind: K;
  detail: string;
}

type Covered = Record<string, { frames: number; bytes: number }>;

export type RebuildReason = 'missing' | 'damaged' | 'stale';

/** The fields of `next` that differ from `prev` (shallow: nested values compare by their JSON). */
export function changedFields<T extends object>(prev: T | undefined, next: T): Partial<T> {
  if (!prev) return { ...next };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof T & string>) {
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) out[key] = next[key];
  }
  return out as Partial<T>;
}

export class ChangeStore<T extends { id: string }, K extends string, F extends string = 'recordId', L extends string = 'records'> {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly vault: UnlockedVault,
    private readonly options: ChangeStoreOptions<K, F, L>,
    private readonly stream: VaultStream<ChangeFrame<T, K, F>>,
    private readonly records: Map<string, T>,
    private covered: Covered,
    /** Why the checkpoint could not be used at open, for the audit log; null when it was. */
    readonly rebuiltBecause: RebuildReason | null,
  ) {}

  /** Opens from the checkpoint, replaying what was written after it; rebuilds from the stream if it cannot be used. */
  static async open<T extends { id: string }, K extends string, F extends string, L extends string>(vault: UnlockedVault, options: ChangeStoreOptions<K, F, L>): Promise<ChangeStore<T, K, F, L>> {
    const stream = await vault.stream<ChangeFrame<T, K, F>>(options.stream);
    const sizes = await stream.fileSizes();
    const isCheckpoint = (v: unknown): boolean => {
      const c = v as Record<string, unknown> | null;
      return typeof c === 'object' && c !== null && c.version === 1 && typeof c.covered === 'object' && c.covered !== null && Array.isArray(c[options.listField]);
    };
    const read = await vault.cacheFile<Record<string, unknown>>(options.cache, isCheckpoint).read();
    const checkpoint = read && 'data' in read ? (read.data as { covered: Covered } & Record<L, T[]>) : null;
    const fits = checkpoint !== null && Object.entries(checkpoint.covered).every(([month, mark]) => (sizes.get(month) ?? -1) >= mark.bytes);
    const usable = fits ? checkpoint : null;
    const months = await stream.partitions();
    const rebuiltBecause: RebuildReason | null = usable || months.length === 0 ? null : read === null ? 'missing' : 'problem' in read ? 'damaged' : 'stale';
    const records = new Map<string, T>(usable ? usable[options.listField].map((r) => [r.id, r]) : []);
    const covered: Covered = {};
    for (const month of months) {
      const from = usable?.covered[month];
      let frames = from?.frames ?? 0;
      let bytes = from?.bytes ?? 0;
      for await (const entry of stream.entries(month, from ? { index: from.frames, offset: from.bytes } : undefined)) {
        apply(records, entry.record, options.idField);
        frames = entry.index + 1;
        bytes = entry.ref.offset + entry.ref.total;
      }
      covered[month] = { frames, bytes };
    }
    const store = new ChangeStore<T, K, F, L>(vault, options, stream, records, covered, rebuiltBecause);
    const behind = Object.keys(covered).some((m) => covered[m]?.bytes !== usable?.covered[m]?.bytes);
    // Catch the checkpoint up now that the replay is paid for; then again whenever the vault closes (lock, sign-out).
    if (behind) await store.checkpoint();
    vault.whenClosing(() => store.checkpoint());
    return store;
  }

  all(): T[] {
    return [...this.records.values()];
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  get(id: string): T {
    const record = this.records.get(id);
    if (!record) throw new AppError('NOT_FOUND', this.options.notFound);
    return record;
  }

  /** Saves `next` as one frame holding what changed; durable when it resolves. */
  save(next: T, change: ChangeMeta<K>): Promise<T> {
    return this.queue.run(async () => {
      const prev = this.records.get(next.id);
      const set = changedFields(prev, next);
      if (prev && Object.keys(set).length === 0 && this.options.skipWhenUnchanged.includes(change.kind)) return prev;
      const frame = { v: 1, at: change.at.toISOString(), actor: change.actor, kind: change.kind, detail: change.detail, set, [this.options.idField]: next.id } as ChangeFrame<T, K, F>;
      const result = await this.stream.append(frame, { at: change.at });
      apply(this.records, frame, this.options.idField);
      const ref = result.refs[0];
      if (ref) this.covered[result.partition] = { frames: result.index + 1, bytes: ref.offset + ref.total };
      return this.get(next.id);
    });
  }

  /** The record's history, oldest first, read back from its frames. */
  async history(id: string): Promise<ChangeHistoryEntry[]> {
    this.get(id);
    const out: ChangeHistoryEntry[] = [];
    for await (const { record } of this.stream.readAll()) {
      if (record[this.options.idField] === id) out.push({ at: record.at, actor: record.actor, label: this.options.labels[record.kind], detail: record.detail });
    }
    return out;
  }

  /** Writes the checkpoint of the current records and how far it reaches. */
  checkpoint(): Promise<void> {
    return this.queue.run(() => this.vault.cacheFile<Record<string, unknown>>(this.options.cache, () => true).write({ version: 1, covered: { ...this.covered }, [this.options.listField]: this.all() }));
  }
}

function apply<T extends { id: string }>(records: Map<string, T>, frame: ChangeFrame<T, string, string>, idField: string): void {
  const id = (frame as unknown as Record<string, string>)[idField] as string;
  const prev = records.get(id);
  records.set(id, { ...(prev ?? ({} as T)), ...frame.set, id });
}
