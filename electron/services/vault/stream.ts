import { promises as fsp, type Stats } from 'node:fs';
import { AppError, isAppError } from '../../../shared/errors';
import { checkHeader, encrypt, HEADER_BYTES, open as openBlob } from './cipher';
import { jsonFrames, type FrameCodec } from './frame-codec';
import { mkdirDurable } from './dirs';
import { DurableFile, fileStamp, fsyncDir, isErrno, writeFileDurably } from './durable-file';
import { encodeEncryptedJson, encryptedJsonDecoder } from './encrypted-json';
import { scanFrames, type FrameRef } from './frames';
import { SerialQueue } from './gate';
import type { VaultHost } from './host';
import { aadName, checkMonth, monthOf, PARTITION_FILE, type GenerationLayout } from './layout';
import { vaultMessages } from './messages';

export interface StreamEntry<T> {
  partition: string;
  /** 0-based position of the record in its partition */
  index: number;
  /** where its frame lies in the partition file, for reading it back alone (`readAt`) */
  ref: FrameRef;
  record: T;
}

/** Where to resume reading a partition: after `index` frames ending at byte `offset`. */
export interface ResumePoint {
  index: number;
  offset: number;
}

export interface AppendOptions {
  /** which month the record belongs to (UTC); defaults to now */
  at?: Date;
}

export interface AppendResult {
  partition: string;
  /** index of the first appended record in its partition */
  index: number;
  count: number;
  /** each appended frame's place in the partition file */
  refs: FrameRef[];
}

/** Acknowledged size of each partition as of the last checkpoint: a file shorter than this lost acknowledged records. */
export interface PartitionMark {
  frames: number;
  bytes: number;
}

export interface StreamManifest {
  version: 1;
  partitions: Record<string, PartitionMark>;
}

interface Writer {
  month: string;
  handle: fsp.FileHandle;
  frames: number;
  bytes: number;
  broken: boolean;
}

interface StreamState {
  layout: GenerationLayout;
  manifestFile: DurableFile<StreamManifest>;
  manifest: StreamManifest;
  /** months whose partition file exists */
  onDisk: Set<string>;
  writer: Writer | null;
}

function isManifest(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const partitions = (value as { partitions?: unknown }).partitions;
  return typeof partitions === 'object' && partitions !== null;
}

/**
 * An append-only log partitioned by month: `streams/<name>/YYYY-MM.log`.
 * Each record is one encrypted frame whose AAD names the stream, month and
 * position, so frames cannot be reordered, dropped in the middle or moved
 * between files unnoticed. A save appends one frame and fdatasyncs: its cost
 * does not depend on how much history exists, and opening reads no history.
 */
export class VaultStream<T> {
  private state: StreamState | null = null;
  private readonly queue = new SerialQueue();
  private readonly tornReported = new Set<string>();

  constructor(
    readonly name: string,
    private readonly host: VaultHost,
    private readonly codec: FrameCodec<T> = jsonFrames as FrameCodec<T>,
  ) {}

  /** Whether this stream reads and writes its records with `codec`. */
  uses(codec: FrameCodec<T>): boolean {
    return this.codec === codec;
  }

  /** How many bytes the frame of `record` takes in a partition file (header and tag included). */
  frameSize(record: T): number {
    return HEADER_BYTES + this.codec.encode(record).length;
  }

  /** Loads the manifest and checks that every acknowledged partition is present and not shorter than acknowledged. */
  async open(): Promise<void> {
    this.host.assertOpen();
    await this.host.gate.shared(() => this.ensureState());
  }

  append(record: T, options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendMany([record], options);
  }

  /**
   * Appends records of one month with a single write and one fdatasync.
   * Each record is still its own frame; all are acknowledged when this resolves.
   */
  appendMany(records: readonly T[], options: AppendOptions = {}): Promise<AppendResult> {
    this.host.assertOpen();
    const month = monthOf(options.at ?? new Date());
    return this.queue.run(() =>
      this.host.gate.shared(async () => {
        this.host.assertOpen();
        const state = await this.ensureState();
        const writer = await this.writerFor(state, month);
        const index = writer.frames;
        if (records.length === 0) return { partition: month, index, count: 0, refs: [] };
        const key = this.host.key;
        const blobs = records.map((record, i) =>
          encrypt(key, aadName.frame(this.name, month, index + i), this.codec.encode(record)),
        );
        const bytes = blobs.length === 1 && blobs[0] ? blobs[0] : Buffer.concat(blobs);
        const refs: FrameRef[] = [];
        let at = writer.bytes;
        for (const blob of blobs) {
          refs.push({ offset: at, total: blob.length });
          at += blob.length;
        }
        const label = state.layout.label(state.layout.partitionFile(this.name, month));
        try {
          let written = 0;
          while (written < bytes.length) written += (await writer.handle.write(bytes, written)).bytesWritten;
          await writer.handle.datasync();
        } catch (cause) {
          // Put the file back to its last acknowledged length so the next frame lands where it should.
          try {
            await writer.handle.truncate(writer.bytes);
            await writer.handle.datasync();
          } catch {
            writer.broken = true;
          }
          throw new AppError('IO', vaultMessages.io('guardar en', label), { cause });
        }
        writer.frames += records.length;
        writer.bytes += bytes.length;
        return { partition: month, index, count: records.length, refs };
      }),
    );
  }

  /** Months that have a partition, oldest first. */
  async partitions(): Promise<string[]> {
    this.host.assertOpen();
    return this.host.gate.shared(async () => {
      const state = await this.ensureState();
      return [...new Set([...Object.keys(state.manifest.partitions), ...state.onDisk])].sort();
    });
  }

  /** Every record of one month, verified and in order. */
  async readPartition(month: string): Promise<T[]> {
    const records: T[] = [];
    for await (const entry of this.entries(checkMonth(month))) records.push(entry.record);
    return records;
  }

  /** Records of the most recent `months` partitions only (what a home screen needs), oldest first. */
  async recent(months: number): Promise<T[]> {
    const all = await this.partitions();
    const records: T[] = [];
    for (const month of all.slice(Math.max(0, all.length - months))) records.push(...(await this.readPartition(month)));
    return records;
  }

  /** All history, one partition in memory at a time: for building indexes. */
  async *readAll(): AsyncGenerator<StreamEntry<T>> {
    for (const month of await this.partitions()) yield* this.entries(month);
  }

  /** Sizes of the partition files on disk now: what a checkpoint compares with the sizes it covered. */
  async fileSizes(): Promise<Map<string, number>> {
    this.host.assertOpen();
    return this.host.gate.shared(async () => {
      const state = await this.ensureState();
      const sizes = await partitionSizes(state.layout.streamDir(this.name));
      const writer = state.writer;
      // Bytes past the writer's acknowledged end are not records yet.
      if (writer && sizes.has(writer.month)) sizes.set(writer.month, writer.bytes);
      return sizes;
    });
  }

  /** One record read back alone from where `entries` or `append` said its frame lies. */
  async readAt(month: string, index: number, ref: FrameRef): Promise<T> {
    this.host.assertOpen();
    return this.host.gate.shared(async () => {
      const state = await this.ensureState();
      const file = state.layout.partitionFile(this.name, checkMonth(month));
      const label = state.layout.label(file);
      const buf = Buffer.allocUnsafe(ref.total);
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(file, 'r');
      } catch (error) {
        if (isErrno(error, 'ENOENT')) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(label));
        throw new AppError('IO', vaultMessages.io('leer', label), { cause: error });
      }
      try {
        let read = 0;
        while (read < ref.total) {
          const { bytesRead } = await handle.read(buf, read, ref.total - read, ref.offset + read);
          if (bytesRead === 0) throw new AppError('VAULT_TRUNCATED', vaultMessages.truncated(label));
          read += bytesRead;
        }
      } finally {
        await handle.close();
      }
      try {
        const plain = openBlob(this.host.key, aadName.frame(this.name, month, index), buf, 0, ref.total, label);
        return this.codec.decode(plain);
      } catch (cause) {
        if (isAppError(cause) && cause.code === 'VAULT_TRUNCATED') throw cause;
        throw new AppError('VAULT_CORRUPT', vaultMessages.frameCorrupt(label, index + 1), { cause });
      }
    });
  }

  /**
   * The records of one month in order, verified; from `resume` on when given
   * (a checkpoint's position), so frames already covered are neither read nor decrypted.
   */
  async *entries(month: string, resume?: ResumePoint, options: { onDamaged?: (index: number) => void } = {}): AsyncGenerator<StreamEntry<T>> {
    const loaded = await this.loadPartition(month, resume?.offset ?? 0, options.onDamaged !== undefined);
    const first = resume?.index ?? 0;
    for (let n = 0; n < loaded.frames.length; n += 1) {
      const i = first + n;
      const frame = loaded.frames[n] as FrameRef;
      let record: T;
      try {
        record = this.frameOf(loaded, month, i, frame);
      } catch (error) {
        // Told to go on: the damaged frame is reported and the rest of the month is still read.
        if (options.onDamaged) {
          options.onDamaged(i);
          continue;
        }
        throw error;
      }
      yield { partition: month, index: i, ref: { offset: frame.offset + loaded.base, total: frame.total }, record };
    }
  }

  /**
   * The records of one month from the newest back, each decrypted only when
   * the reader asks for it: the audit log's first page needs the newest
   * fifty of a month that holds ten thousand. A damaged frame is handed to
   * `onDamaged` when given (and the rest still read), else it stops the read.
   */
  async *newestFirst(month: string, options: { onDamaged?: (index: number) => void } = {}): AsyncGenerator<StreamEntry<T>> {
    const loaded = await this.loadPartition(checkMonth(month), 0, options.onDamaged !== undefined);
    for (let i = loaded.frames.length - 1; i >= 0; i -= 1) {
      const frame = loaded.frames[i] as FrameRef;
      let record: T;
      try {
        record = this.frameOf(loaded, month, i, frame);
      } catch (error) {
        if (options.onDamaged) {
          options.onDamaged(i);
          continue;
        }
        throw error;
      }
      yield { partition: month, index: i, ref: frame, record };
    }
  }

  /**
   * Some frames of one month (by index), with the month's file read once and
   * only those frames decrypted: many events of one month at once, as a
   * custody log page asks, without decoding the rest of the month.
   */
  async readSome(month: string, indexes: readonly number[]): Promise<T[]> {
    const loaded = await this.loadPartition(checkMonth(month));
    return indexes.map((i) => {
      const frame = loaded.frames[i];
      if (!frame) throw new AppError('VAULT_TRUNCATED', vaultMessages.truncated(loaded.label));
      return this.frameOf(loaded, month, i, frame);
    });
  }

  /** The newest record of one month, decrypting only its frame (the audit log's head, at sign-in). */
  async lastOf(month: string): Promise<T | undefined> {
    const loaded = await this.loadPartition(checkMonth(month));
    const i = loaded.frames.length - 1;
    const frame = loaded.frames[i];
    if (!frame) return undefined;
    return this.frameOf(loaded, month, i, frame);
  }

  /** Frame `index` of a month read with loadPartition, decrypted and decoded; one that fails its check is VAULT_CORRUPT, naming it. */
  private frameOf(loaded: { buf: Buffer; key: Buffer; label: string }, month: string, index: number, frame: FrameRef): T {
    try {
      return this.codec.decode(openBlob(loaded.key, aadName.frame(this.name, month, index), loaded.buf, frame.offset, frame.total, loaded.label));
    } catch (cause) {
      throw new AppError('VAULT_CORRUPT', vaultMessages.frameCorrupt(loaded.label, index + 1), { cause });
    }
  }

  /**
   * Reads every frame of a month and says which cannot be read, without
   * stopping at the first: frames whose bytes fail their check, and, when a
   * frame's header itself is damaged, everything from there on (its length
   * is lost, so the frames after it cannot be found).
   */
  async damage(month: string): Promise<PartitionDamage | null> {
    this.host.assertOpen();
    return this.host.gate.shared(async () => {
      const state = await this.ensureState();
      const file = state.layout.partitionFile(this.name, checkMonth(month));
      const label = state.layout.label(file);
      let buf = await readOrMissing(file, label);
      if (state.writer && state.writer.month === month) buf = buf.subarray(0, state.writer.bytes);
      return damageOf(this.host.key, this.name, month, buf, label);
    });
  }

  /**
   * Repairs a damaged month from a backup's copy of the same file: the
   * backup holds the same encrypted bytes for every frame written before
   * it was made, so its frames replace the damaged ones, provided every
   * frame that can still be read here is byte for byte the backup's. Frames
   * written after the backup stay as they are. The damaged file is kept
   * aside; nothing is written unless the repaired file reads completely up
   * to where the backup reaches.
   */
  async repairFrom(month: string, backup: Buffer): Promise<RepairOutcome> {
    this.host.assertOpen();
    return this.queue.run(() =>
      this.host.gate.shared(async () => {
        const state = await this.ensureState();
        const file = state.layout.partitionFile(this.name, checkMonth(month));
        const label = state.layout.label(file);
        if (state.writer?.month === month) await this.closeWriterHeld();
        const current = await readOrMissing(file, label);
        const before = damageOf(this.host.key, this.name, month, current, label);
        if (!before) return { repaired: 0, remaining: null };
        const theirs = damageOf(this.host.key, this.name, month, backup, label);
        const theirEnd = scanFrames(backup, label).validEnd;
        if (theirs && (theirs.unreadableFrom !== null || theirs.frames.length > 0)) {
          throw new AppError('VAULT_CORRUPT', `La copia de «${label}» en el respaldo también está dañada; elija otro respaldo.`);
        }
        // Same history: outside the damaged frames, the bytes must be the backup's.
        const damagedRanges = before.ranges;
        const inDamage = (at: number) => damagedRanges.some(([from, to]) => at >= from && at < to);
        const common = Math.min(theirEnd, current.length);
        for (let at = 0; at < common; at += 1) {
          if (current[at] !== backup[at] && !inDamage(at)) {
            throw new AppError('VALIDATION', `El respaldo no guarda los mismos registros que «${label}» (otra bóveda o una versión distinta de ese mes); no se modificó nada.`);
          }
        }
        const repairedBytes = Buffer.concat([backup.subarray(0, theirEnd), current.subarray(Math.min(theirEnd, current.length))]);
        const after = damageOf(this.host.key, this.name, month, repairedBytes, label);
        const fixed = before.frames.filter((i) => !after?.frames.includes(i)).length + (before.unreadableFrom !== null && after?.unreadableFrom == null ? 1 : 0);
        if (fixed === 0) return { repaired: 0, remaining: after };
        await this.setAside(file, label, current);
        await writeFileDurably(file, repairedBytes);
        state.onDisk.add(month);
        return { repaired: fixed, remaining: after };
      }),
    );
  }

  /** Records acknowledged counts in the manifest (cheap; done on month change, lock and close). */
  async checkpoint(): Promise<void> {
    await this.host.gate.shared(() => this.checkpointHeld());
  }

  /** For the vault, while it holds the gate exclusively (rotation, lock, close). */
  async suspend(): Promise<void> {
    if (!this.state) return;
    await this.checkpointHeld();
    await this.closeWriter();
    this.state = null;
  }

  // ---- internals ----------------------------------------------------------

  private async ensureState(): Promise<StreamState> {
    const layout = this.host.layout;
    if (this.state && this.state.layout === layout) return this.state;
    if (this.state) await this.closeWriter();
    this.state = null;
    const target = layout.manifestFile(this.name);
    const manifestFile = new DurableFile<StreamManifest>(
      target,
      layout.label(target),
      encryptedJsonDecoder<StreamManifest>(this.host.key, aadName.manifest(this.name), isManifest),
    );
    const read = await manifestFile.read();
    let manifest: StreamManifest;
    if (read === null) {
      if (this.host.isRegisteredStream(this.name)) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(manifestFile.label));
      manifest = { version: 1, partitions: {} };
    } else {
      manifest = read.data;
      if (read.problem) this.host.report(read.problem);
    }
    const sizes = await partitionSizes(layout.streamDir(this.name));
    for (const [month, mark] of Object.entries(manifest.partitions)) {
      const label = layout.label(layout.partitionFile(this.name, month));
      const size = sizes.get(month);
      if (size === undefined) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(label));
      if (size < mark.bytes) throw new AppError('VAULT_TRUNCATED', vaultMessages.truncated(label));
    }
    this.state = { layout, manifestFile, manifest, onDisk: new Set(sizes.keys()), writer: null };
    return this.state;
  }

  private async writerFor(state: StreamState, month: string): Promise<Writer> {
    if (state.writer && state.writer.month === month) {
      if (state.writer.broken) {
        throw new AppError('IO', vaultMessages.io('guardar en', state.layout.label(state.layout.partitionFile(this.name, month))));
      }
      return state.writer;
    }
    if (state.writer) {
      await this.checkpointHeld();
      await this.closeWriter();
    }
    const { layout } = state;
    const file = layout.partitionFile(this.name, month);
    const label = layout.label(file);
    if (state.onDisk.has(month)) {
      const buf = await readOrMissing(file, label);
      const scan = this.verifiedScan(buf, month, label, state.manifest.partitions[month]);
      if (scan.validEnd < buf.length) await this.setTornAside(file, label, buf.subarray(scan.validEnd));
      const handle = await fsp.open(file, 'a');
      if (scan.validEnd < buf.length) {
        await handle.truncate(scan.validEnd);
        await handle.datasync();
      }
      state.writer = { month, handle, frames: scan.frames.length, bytes: scan.validEnd, broken: false };
      await this.checkpointHeld();
      return state.writer;
    }
    await mkdirDurable(layout.streamDir(this.name));
    const handle = await fsp.open(file, 'a');
    await fsyncDir(layout.streamDir(this.name));
    state.onDisk.add(month);
    state.writer = { month, handle, frames: 0, bytes: 0, broken: false };
    // List the partition at once, so losing its file later is detected.
    await this.checkpointHeld(true);
    if (!this.host.isRegisteredStream(this.name)) await this.host.registerStream(this.name);
    return state.writer;
  }

  /** Scans headers and checks the tail frame and the acknowledged size; throws on damage. */
  private verifiedScan(buf: Buffer, month: string, label: string, mark: PartitionMark | undefined) {
    const scan = scanFrames(buf, label);
    if (mark && (scan.validEnd < mark.bytes || scan.frames.length < mark.frames)) {
      throw new AppError('VAULT_TRUNCATED', vaultMessages.partitionTruncated(label, mark.frames, scan.frames.length));
    }
    const last = scan.frames[scan.frames.length - 1];
    if (last) {
      // A complete final frame that fails its tag is damage, not a torn write: never cut it away.
      try {
        openBlob(this.host.key, aadName.frame(this.name, month, scan.frames.length - 1), buf, last.offset, last.total, label);
      } catch (cause) {
        throw new AppError('VAULT_CORRUPT', vaultMessages.frameCorrupt(label, scan.frames.length), { cause });
      }
    }
    return scan;
  }

  private async setTornAside(file: string, label: string, torn: Buffer): Promise<void> {
    const aside = `${file}.torn-${fileStamp()}`;
    await writeFileDurably(aside, torn);
    const asideLabel = `${label}.torn-${aside.slice(aside.lastIndexOf('.torn-') + 6)}`;
    this.host.report({ code: 'VAULT_TRUNCATED', message: vaultMessages.tornTail(label, torn.length, asideLabel), file: label });
  }

  /** Reads a partition from byte `from` (a frame boundary); frame offsets returned are relative to `from` (`base`). */
  private async loadPartition(month: string, from = 0, tolerant = false): Promise<{ buf: Buffer; frames: FrameRef[]; key: Buffer; label: string; base: number }> {
    this.host.assertOpen();
    return this.host.gate.shared(async () => {
      const state = await this.ensureState();
      const key = this.host.key;
      const file = state.layout.partitionFile(this.name, month);
      const label = state.layout.label(file);
      const mark = state.manifest.partitions[month];
      if (!state.onDisk.has(month) && !mark) return { buf: Buffer.alloc(0), frames: [], key, label, base: from };
      let buf = await readOrMissing(file, label);
      if (state.writer && state.writer.month === month) buf = buf.subarray(0, state.writer.bytes);
      if (from > buf.length) throw new AppError('VAULT_TRUNCATED', vaultMessages.truncated(label));
      buf = buf.subarray(from);
      const scan = tolerant ? scanFramesUpToDamage(buf, label) : scanFrames(buf, label);
      if (!tolerant && from === 0 && mark && (scan.validEnd < mark.bytes || scan.frames.length < mark.frames)) {
        throw new AppError('VAULT_TRUNCATED', vaultMessages.partitionTruncated(label, mark.frames, scan.frames.length));
      }
      if (scan.validEnd < buf.length && !this.tornReported.has(label)) {
        // Reading never repairs; the torn tail is cut (and kept aside) when the partition is next appended to.
        this.tornReported.add(label);
        this.host.report({ code: 'VAULT_TRUNCATED', message: vaultMessages.tornTailPending(label), file: label });
      }
      return { buf, frames: scan.frames, key, label, base: from };
    });
  }

  private async checkpointHeld(force = false): Promise<void> {
    const state = this.state;
    const writer = state?.writer;
    if (!state || !writer) return;
    const mark = state.manifest.partitions[writer.month];
    if (!force && mark && mark.frames === writer.frames && mark.bytes === writer.bytes) return;
    const next: StreamManifest = {
      version: 1,
      partitions: { ...state.manifest.partitions, [writer.month]: { frames: writer.frames, bytes: writer.bytes } },
    };
    await mkdirDurable(state.layout.streamDir(this.name));
    await state.manifestFile.write(encodeEncryptedJson(this.host.key, aadName.manifest(this.name), next));
    state.manifest = next;
  }

  private async setAside(file: string, label: string, bytes: Buffer): Promise<void> {
    const aside = `${file}.damaged-${fileStamp()}`;
    await writeFileDurably(aside, bytes);
    this.host.report({ code: 'VAULT_CORRUPT', message: `Se guardó aparte la copia dañada de «${label}» (${aside.slice(aside.lastIndexOf('/') + 1)}).`, file: label });
  }

  private async closeWriterHeld(): Promise<void> {
    await this.checkpointHeld();
    await this.closeWriter();
  }

  private async closeWriter(): Promise<void> {
    const writer = this.state?.writer;
    if (!writer || !this.state) return;
    this.state.writer = null;
    await writer.handle.close().catch(() => undefined);
  }
}

/** Like scanFrames, but a damaged header ends the scan (the frames before it are still returned). */
function scanFramesUpToDamage(buf: Buffer, label: string): { frames: FrameRef[]; validEnd: number } {
  try {
    return scanFrames(buf, label);
  } catch {
    const frames: FrameRef[] = [];
    let offset = 0;
    for (;;) {
      const header = checkHeader(buf, offset);
      if (header.kind !== 'ok') break;
      frames.push({ offset, total: header.total });
      offset += header.total;
    }
    return { frames, validEnd: offset };
  }
}

/** What of a month cannot be read. */
export interface PartitionDamage {
  month: string;
  file: string;
  /** indexes (0-based) of frames that fail their check */
  frames: number[];
  /** index of the first frame that cannot even be found (a damaged header), or null */
  unreadableFrom: number | null;
  /** byte ranges of the damage: [from, to) */
  ranges: Array<[number, number]>;
  /** frames that could be read */
  readable: number;
}

export interface RepairOutcome {
  repaired: number;
  remaining: PartitionDamage | null;
}

function damageOf(key: Buffer, stream: string, month: string, buf: Buffer, label: string): PartitionDamage | null {
  const frames: number[] = [];
  const ranges: Array<[number, number]> = [];
  let readable = 0;
  let offset = 0;
  let index = 0;
  let unreadableFrom: number | null = null;
  while (offset < buf.length) {
    const header = checkHeader(buf, offset);
    if (header.kind !== 'ok') {
      // A short or zero tail is a write that never completed, not damage.
      if (header.kind === 'short' || buf.subarray(offset).every((b) => b === 0)) break;
      unreadableFrom = index;
      ranges.push([offset, buf.length]);
      break;
    }
    try {
      openBlob(key, aadName.frame(stream, month, index), buf, offset, header.total, label);
      readable += 1;
    } catch {
      frames.push(index);
      ranges.push([offset, offset + header.total]);
    }
    offset += header.total;
    index += 1;
  }
  return frames.length === 0 && unreadableFrom === null ? null : { month, file: label, frames, unreadableFrom, ranges, readable };
}

async function readOrMissing(file: string, label: string): Promise<Buffer> {
  try {
    return await fsp.readFile(file);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(label));
    if (isAppError(error)) throw error;
    throw new AppError('IO', vaultMessages.io('leer', label), { cause: error });
  }
}

async function partitionSizes(dir: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return sizes;
    throw error;
  }
  const months = names.map((n) => PARTITION_FILE.exec(n)?.[1]).filter((m): m is string => m !== undefined);
  const stats = await Promise.all(months.map((m) => fsp.stat(`${dir}/${m}.log`)));
  months.forEach((m, i) => sizes.set(m, (stats[i] as Stats).size));
  return sizes;
}
