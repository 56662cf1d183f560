import { randomBytes } from 'node:crypto';
import { constants, promises as fsp, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { fsyncDir, isErrno } from './durable-file';
import { LOCK_FILE } from './layout';
import { vaultMessages } from './messages';

interface LockRecord {
  pid: number;
  /** kernel start time of `pid`, so a reused pid is not mistaken for the holder */
  processStart: string | null;
  hostname: string;
  startedAt: string;
  token: string;
}

/** Folders this process holds: a second open in the same process is refused without touching the disk. */
const heldHere = new Set<string>();

/**
 * Single writer per vault: `vault.lock` created exclusively (O_EXCL) and
 * holding pid + process start time. A lock whose process is gone is stale and
 * is taken over.
 */
export class VaultLock {
  private released = false;

  private constructor(
    private readonly key: string,
    private readonly file: string,
    private readonly token: string,
  ) {}

  static async acquire(dir: string): Promise<VaultLock> {
    const key = path.resolve(dir);
    if (heldHere.has(key)) throw new AppError('VAULT_IN_USE', vaultMessages.inUseHere());
    heldHere.add(key);
    try {
      const file = path.join(key, LOCK_FILE);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const token = randomBytes(8).toString('hex');
        if (await tryCreate(file, token)) return new VaultLock(key, file, token);
        const holder = await readLock(file);
        if (holder === 'gone') continue;
        if (holder !== 'unreadable' && isLive(holder)) throw new AppError('VAULT_IN_USE', vaultMessages.inUse(holder.pid));
        // Locks appear whole (see tryCreate), so an unreadable one is debris, not a lock being written.
        await takeOverStale(file, holder);
      }
      throw new AppError('VAULT_IN_USE', vaultMessages.inUse(0));
    } catch (error) {
      heldHere.delete(key);
      throw error;
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      const holder = await readLock(this.file);
      if (holder !== 'gone' && holder !== 'unreadable' && holder.token === this.token) await fsp.unlink(this.file);
    } finally {
      heldHere.delete(this.key);
    }
  }
}

/**
 * The lock appears with its contents in one step: written to a temp file,
 * fsynced, then hard-linked to `vault.lock` (link fails if the name exists).
 * A plain O_EXCL create could be killed between create and write, leaving an
 * empty lock that nobody can attribute to a process.
 */
async function tryCreate(file: string, token: string): Promise<boolean> {
  const record: LockRecord = {
    pid: process.pid,
    processStart: processStart(process.pid),
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    token,
  };
  const temp = `${file}.tmp-${process.pid}-${token}`;
  const handle = await fsp.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(record)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.link(temp, file);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    if (isErrno(error, 'EPERM') || isErrno(error, 'ENOTSUP') || isErrno(error, 'EOPNOTSUPP')) return createExclusive(file, record);
    throw new AppError('IO', vaultMessages.io('crear', LOCK_FILE), { cause: error });
  } finally {
    await fsp.unlink(temp).catch(() => undefined);
  }
  await fsyncDir(path.dirname(file));
  return true;
}

/** Fallback for file systems without hard links (FAT/exFAT). */
async function createExclusive(file: string, record: LockRecord): Promise<boolean> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw new AppError('IO', vaultMessages.io('crear', LOCK_FILE), { cause: error });
  }
  try {
    await handle.writeFile(`${JSON.stringify(record)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDir(path.dirname(file));
  return true;
}

async function readLock(file: string): Promise<LockRecord | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 'gone';
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && typeof (value as LockRecord).pid === 'number') return value as LockRecord;
  } catch {
    // fall through
  }
  return 'unreadable';
}

function isLive(holder: LockRecord): boolean {
  // A lock from another machine (shared folder) cannot be checked: assume it is live.
  if (holder.hostname !== os.hostname()) return true;
  if (holder.pid === process.pid) return false; // not in heldHere, so left by an earlier session of ours
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (isErrno(error, 'ESRCH')) return false;
  }
  const start = processStart(holder.pid);
  return start === null || holder.processStart === null || start === holder.processStart;
}

/**
 * Rename first, then check what we renamed: if two instances race for the same
 * stale lock, the loser finds a live lock in its hands and puts it back.
 */
async function takeOverStale(file: string, stale: LockRecord | 'unreadable'): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fsp.rename(file, aside);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  const taken = await readLock(aside);
  const same = taken === stale || (taken !== 'gone' && taken !== 'unreadable' && stale !== 'unreadable' && taken.token === stale.token);
  if (!same) {
    await fsp.link(aside, file).catch(() => undefined);
    await fsp.unlink(aside).catch(() => undefined);
    const pid = taken !== 'gone' && taken !== 'unreadable' ? taken.pid : 0;
    throw new AppError('VAULT_IN_USE', vaultMessages.inUse(pid));
  }
  await fsp.unlink(aside).catch(() => undefined);
}

/** Linux: field 22 of /proc/<pid>/stat (start time in clock ticks). Elsewhere unknown. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
