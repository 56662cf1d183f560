import { randomBytes } from 'node:crypto';
import type { UnlockedVault } from '../vault';
import type { RowTable } from './row-table';
import { isRowColumns, type RowColumns } from './shipment-rows';

/** How far into each partition a checkpoint reaches: frames and bytes. */
export type Covered = Record<string, { frames: number; bytes: number }>;

export const ROWS_CACHE = 'shipment-rows';
const SEGMENT_PREFIX = `${ROWS_CACHE}-`;
/**
 * Rows per segment file. At ten years (100,000 shipments) the rows as one
 * file took 68 MB of JSON, and reading it held the file, its plaintext, the
 * text and the parsed columns at once (340 MB above the rows themselves);
 * one segment is about 3 MB.
 */
export const SEGMENT_ROWS = 5000;

/** The checkpoint's head: how far it reaches, and its segments in row order. */
interface RowsHead {
  version: 2;
  covered: Covered;
  segments: Array<{ name: string; rows: number }>;
}
interface RowsSegment {
  version: 2;
  columns: RowColumns;
}
/** Written before segments: every row in the head itself (still read, never written). */
interface RowsWhole {
  version: 1;
  covered: Covered;
  columns: RowColumns;
}

export const isCovered = (v: unknown): v is Covered =>
  typeof v === 'object' && v !== null && Object.values(v).every((m) => typeof m === 'object' && m !== null && Number.isInteger((m as { frames: unknown }).frames) && Number.isInteger((m as { bytes: unknown }).bytes));
const isHead = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as RowsHead | RowsWhole;
  if (!isCovered(h.covered)) return false;
  if (h.version === 1) return isRowColumns(h.columns);
  return h.version === 2 && Array.isArray(h.segments) && h.segments.every((s) => typeof s?.name === 'string' && s.name.startsWith(SEGMENT_PREFIX) && Number.isInteger(s.rows));
};
const isSegment = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as RowsSegment).version === 2 && isRowColumns((v as RowsSegment).columns);

/** What one checkpoint writes (RowCheckpoint.snapshot). */
export interface CheckpointPlan {
  parts: Array<{ name: string; segment: RowsSegment }>;
  /** the segment numbers rewritten, marked changed again if the write fails */
  rewritten: number[];
  head: RowsHead;
}

/** The checkpoint could not be used: missing, or a part of it unreadable or not what the head says. */
export type Unusable = 'missing' | 'damaged';

/**
 * The rows' checkpoint, kept in segments of SEGMENT_ROWS rows in the order
 * the shipments were created, under a small head that lists them and says
 * how far into the stream they reach. Reading holds one segment at a time;
 * writing rewrites only the segments whose rows changed since the last
 * checkpoint (the newest, mostly), so at ten years a checkpoint costs what a
 * few thousand rows cost, not 100,000.
 *
 * Crash safety: a rewritten segment gets a new file name, the head is
 * written (durably) only after every segment it lists, and files no head
 * lists are removed only after that. Killed at any moment, the head on disk
 * lists complete segments of one moment.
 */
export class RowCheckpoint {
  /** Segment file names as the head on disk lists them; a segment past its end is new. */
  private names: string[] = [];
  private readonly dirty = new Set<number>();

  constructor(
    private readonly vault: UnlockedVault,
    private readonly segmentRows: number = SEGMENT_ROWS,
  ) {}

  /** A row changed or was added: its segment is written again at the next checkpoint. */
  changed(slot: number): void {
    this.dirty.add(Math.floor(slot / this.segmentRows));
  }

  /**
   * Reads the rows, a segment at a time, handing each segment's columns to
   * `take` in row order with the slot of its first row (slots from 0).
   * Answers how far the rows reach, or why the checkpoint cannot be used (a
   * part unreadable, missing or not matching).
   */
  async read(take: (columns: RowColumns, firstSlot: number) => void): Promise<{ covered: Covered } | { unusable: Unusable }> {
    const head = await this.vault.cacheFile<RowsHead | RowsWhole>(ROWS_CACHE, isHead).read();
    if (head === null) return { unusable: 'missing' };
    if (!('data' in head)) return { unusable: 'damaged' };
    if (head.data.version === 1) {
      take(head.data.columns, 0);
      this.names = [];
      return { covered: head.data.covered };
    }
    let slot = 0;
    for (const { name, rows } of head.data.segments) {
      const part = await this.vault.cacheFile<RowsSegment>(name, isSegment).read();
      if (!part || !('data' in part) || part.data.columns.ids.length !== rows) return { unusable: 'damaged' };
      take(part.data.columns, slot);
      slot += rows;
    }
    this.names = head.data.segments.map((s) => s.name);
    this.dirty.clear();
    return { covered: head.data.covered };
  }

  /**
   * What the next checkpoint writes, taken now from memory: the segments
   * whose rows changed (as columns) and the head. Saves made after this go
   * to the checkpoint after it.
   */
  snapshot(rows: RowTable, covered: Covered): CheckpointPlan {
    const stamp = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const names: string[] = [];
    const parts: CheckpointPlan['parts'] = [];
    const rewritten: number[] = [];
    const size = this.segmentRows;
    for (let k = 0; k * size < rows.size; k += 1) {
      const kept = this.names[k];
      if (kept && !this.dirty.has(k)) {
        names.push(kept);
        continue;
      }
      const name = `${SEGMENT_PREFIX}${stamp}-${k}`;
      names.push(name);
      rewritten.push(k);
      parts.push({ name, segment: { version: 2, columns: rows.columns(k * size, (k + 1) * size) } });
    }
    this.dirty.clear();
    return { parts, rewritten, head: { version: 2, covered, segments: names.map((name, k) => ({ name, rows: Math.min(size, rows.size - k * size) })) } };
  }

  /** Writes a snapshot: its segments, then the head, then removes the files no head lists any more. */
  async write(plan: CheckpointPlan): Promise<void> {
    try {
      for (const { name, segment } of plan.parts) await this.vault.cacheFile<RowsSegment>(name, isSegment).write(segment);
      await this.vault.cacheFile<RowsHead>(ROWS_CACHE, isHead).write(plan.head);
    } catch (error) {
      for (const k of plan.rewritten) this.dirty.add(k);
      throw error;
    }
    this.names = plan.head.segments.map((s) => s.name);
    await removeSegments(this.vault, new Set(this.names));
  }

  /** The rows are being built again from the stream: the next checkpoint writes every segment. */
  startOver(): void {
    this.names = [];
    this.dirty.clear();
  }

}

async function removeSegments(vault: UnlockedVault, listed: ReadonlySet<string>): Promise<void> {
  for (const name of await vault.cacheFileNames()) if (name.startsWith(SEGMENT_PREFIX) && !listed.has(name)) await vault.removeCacheFile(name);
}

/** Forgets the rows' checkpoint of a vault, head first (so no head lists a removed segment). */
export async function removeRowCheckpoint(vault: UnlockedVault): Promise<void> {
  await vault.removeCacheFile(ROWS_CACHE);
  await removeSegments(vault, new Set());
}
