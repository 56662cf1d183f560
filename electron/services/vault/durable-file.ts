import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError, isAppError, type ErrorCode } from '../../../shared/errors';
import { vaultMessages } from './messages';

export interface FileProblem {
  code: ErrorCode;
  message: string;
  /** vault-relative path of the damaged file */
  file: string;
}

export interface DurableRead<T> {
  data: T;
  recoveredFrom: 'main' | 'prev';
  /** set when the main copy could not be used and `.prev` was */
  problem?: FileProblem;
}

/** Turns file bytes into a value, throwing AppError (VAULT_*) naming `file` when they are unusable. */
export type Decoder<T> = (bytes: Buffer, file: string) => T;

/** Reads the file itself (e.g. decrypting it a chunk at a time); rejects with ENOENT when it is absent. */
export interface FileDecoder<T> {
  fromFile(path: string, file: string): Promise<T>;
}

type MainState = 'unknown' | 'ok' | 'missing' | 'damaged';

const TEMP_MARK = '.tmp-';

/**
 * One logical file kept as `name` plus the previous good copy `name.prev`.
 * A write is acknowledged only after: temp file in the same folder, fsync,
 * rename over the target, fsync of the folder. A main copy that could not be
 * read is never overwritten: it is moved aside as `name.damaged-<time>` first.
 */
export class DurableFile<T> {
  private state: MainState = 'unknown';

  constructor(
    readonly filePath: string,
    /** vault-relative name used in messages */
    readonly label: string,
    private readonly decode: Decoder<T> | FileDecoder<T>,
  ) {}

  get prevPath(): string {
    return `${this.filePath}.prev`;
  }

  /** null when neither copy exists (a file never written). */
  async read(): Promise<DurableRead<T> | null> {
    const main = await attempt(this.filePath, this.label, this.decode);
    if (main.kind === 'ok') {
      this.state = 'ok';
      return { data: main.data, recoveredFrom: 'main' };
    }
    this.state = main.kind === 'missing' ? 'missing' : 'damaged';
    const prevLabel = `${this.label}.prev`;
    const prev = await attempt(this.prevPath, prevLabel, this.decode);
    if (prev.kind === 'ok') {
      const mainError = main.kind === 'missing' ? new AppError('VAULT_FILE_MISSING', vaultMessages.missing(this.label)) : main.error;
      return {
        data: prev.data,
        recoveredFrom: 'prev',
        problem: { code: mainError.code, message: vaultMessages.recoveredFromPrev(this.label, mainError.message), file: this.label },
      };
    }
    if (main.kind === 'missing' && prev.kind === 'missing') return null;
    if (main.kind === 'damaged') throw main.error;
    throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(this.label));
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.state === 'unknown') {
      // Learn whether the current copy is good before touching it: a file we
      // could not read must be kept aside, never replaced.
      try {
        await this.read();
      } catch (error) {
        // A copy that could not be read this once (locked by an antivirus, a
        // busy disk) is not a damaged copy: fail this write, move nothing.
        if (!isAppError(error) || error.code === 'IO') throw error;
        this.state = (await exists(this.filePath)) ? 'damaged' : 'missing';
      }
    }
    const dir = path.dirname(this.filePath);
    try {
      if (this.state === 'damaged') {
        await fsp.rename(this.filePath, `${this.filePath}.damaged-${fileStamp()}`);
        await fsyncDir(dir);
      } else if (this.state === 'ok') {
        await keepPrevious(this.filePath, this.prevPath);
      }
      await writeFileDurably(this.filePath, bytes);
      this.state = 'ok';
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('IO', vaultMessages.io('guardar', this.label), { cause: error });
    }
  }
}

type Attempt<T> = { kind: 'ok'; data: T } | { kind: 'missing' } | { kind: 'damaged'; error: AppError };

async function attempt<T>(file: string, label: string, decode: Decoder<T> | FileDecoder<T>): Promise<Attempt<T>> {
  let bytes: Buffer;
  try {
    if (typeof decode !== 'function') return { kind: 'ok', data: await decode.fromFile(file, label) };
    bytes = await fsp.readFile(file);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { kind: 'missing' };
    if (isAppError(error)) return { kind: 'damaged', error };
    throw new AppError('IO', vaultMessages.io('leer', label), { cause: error });
  }
  try {
    return { kind: 'ok', data: decode(bytes, label) };
  } catch (error) {
    if (isAppError(error)) return { kind: 'damaged', error };
    throw error;
  }
}

/** Writes `bytes` to a fresh temp file beside `target`, fsyncs it, renames it over `target` and fsyncs the folder. */
export async function writeFileDurably(target: string, bytes: Buffer): Promise<void> {
  const dir = path.dirname(target);
  const temp = `${target}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await fsp.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsp.unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dir);
}

/**
 * Makes `prev` the current good copy of `file` without any instant where
 * `file` is absent: a hard link shares the old contents, and the rename that
 * follows replaces only the name `file`. Falls back to a copy where links are
 * not supported (FAT/exFAT removable media).
 */
async function keepPrevious(file: string, prev: string): Promise<void> {
  await fsp.unlink(prev).catch((error: unknown) => {
    if (!isErrno(error, 'ENOENT')) throw error;
  });
  try {
    await fsp.link(file, prev);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    const bytes = await fsp.readFile(file);
    await writeFileDurably(prev, bytes);
  }
}

/** fsync of a folder makes a rename or a new file's name durable (POSIX). Windows cannot open folders; NTFS journals renames itself. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temp files a crash left behind (never acknowledged, so nothing is lost). */
export async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  await Promise.all(names.filter((n) => n.includes(TEMP_MARK)).map((n) => fsp.unlink(path.join(dir, n)).catch(() => undefined)));
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** A timestamp usable in file names on every platform (no colons). */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
