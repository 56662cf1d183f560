import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, promises as fsp, readdirSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../../shared/errors';
import { catalogFile, emptyCatalog, encodeCatalog, type CatalogData } from './catalog';
import { decryptFile, encrypt, newKey } from './cipher';
import { mkdirDurable } from './dirs';
import { DurableFile, removeStaleTemps, type Decoder, type FileDecoder, type FileProblem } from './durable-file';
import { EncryptedAdapter } from './encrypted-adapter';
import { Gate, SerialQueue } from './gate';
import { copyGeneration, retireOtherGenerations, type ProgressFn } from './generations';
import type { VaultHost } from './host';
import { PRODUCTION_KDF, type ScryptParams } from './kdf';
import {
  authenticateKeyFile,
  createKeyFile,
  decodeKeyFile,
  encodeKeyFile,
  passwordSlotIds,
  RECOVERY_SLOT_ID,
  rewrapAll,
  unlockWithPassword,
  unlockWithRecoveryCode,
  validateSlotId,
  verifyKeyFile,
  withoutSlot,
  withSlot,
  type KeyFile,
} from './key-slots';
import { encodeEncryptedJson, encryptedJsonDecoder } from './encrypted-json';
import { aadName, ASIDE_DIR, checkName, GENERATION_DIR, GenerationLayout, isValidName, KEYS_FILE, LOCK_FILE } from './layout';
import { vaultMessages } from './messages';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { jsonFrames, type FrameCodec } from './frame-codec';
import { VaultStream } from './stream';
import { VaultLock } from './vault-lock';

export type VaultProblem = FileProblem;

/** A checkpoint file: `read` answers null when it is missing and a problem when it cannot be read, never throws. */
export interface CacheFile<T, W = T> {
  read(): Promise<{ data: T } | { problem: string } | null>;
  write(value: W): Promise<void>;
}

export interface VaultOptions {
  /** called for every recovered problem (previous copy used, torn write cut away) */
  onProblem?: (problem: VaultProblem) => void;
  /**
   * The configured scrypt cost: every new slot uses it (never the cost read
   * from keys.json), and no slot on disk may be cheaper. Production when
   * omitted; tests inject TEST_KDF.
   */
  kdf?: ScryptParams;
}

export interface CreateVaultOptions extends VaultOptions {
  slotId: string;
  password: string;
}

export interface UnlockOptions {
  /**
   * Called when keys.json turns out to be forged or an older copy, with the
   * vault open (the DEK is genuine, only the key file is not) so the refusal
   * can be written into the audit log. The vault is locked again right after
   * and the unlock throws the error; keys.json is never rewritten.
   */
  onKeyFileRefused?: (vault: UnlockedVault, error: AppError) => Promise<void>;
}

/** Test seams for crash-safety of key rotation. */
export interface RotationHooks {
  /** after the new generation is complete, before keys.json switches to it */
  beforeSwitch?: () => void | Promise<void>;
  /** after keys.json switched, before the old generation is removed */
  afterSwitch?: () => void | Promise<void>;
}

/** One file of a vault folder, as `snapshot` lists it. */
export interface VaultFile {
  /** relative to the vault folder, `/`-separated (`keys.json`, `g1/docs/users.vlj`) */
  path: string;
  absolute: string;
  size: number;
}

export interface UnlockTimings {
  /** password/recovery-code derivation and key unwrapping */
  kdfMs: number;
  /** everything else until the vault was usable */
  openMs: number;
}

/** What a LockedVault and the UnlockedVault it becomes share: the folder lock and the key slots. */
class Session {
  state: 'locked' | 'unlocked' | 'closed' = 'locked';
  readonly problems: VaultProblem[] = [];

  constructor(
    readonly dir: string,
    readonly lock: VaultLock,
    readonly keysFile: DurableFile<KeyFile>,
    public keys: KeyFile,
    readonly options: VaultOptions,
  ) {}

  report(problem: VaultProblem): void {
    this.problems.push(problem);
    this.options.onProblem?.(problem);
  }

  async writeKeys(next: KeyFile): Promise<void> {
    await this.keysFile.write(encodeKeyFile(next));
    this.keys = next;
  }

  /**
   * Writes `next` (already authenticated) twice, so keys.json.prev is the
   * same file: were keys.json damaged later, falling back to the previous
   * copy must not bring back a removed slot (it would be refused as older).
   */
  async writeKeysTwice(next: KeyFile): Promise<void> {
    await this.writeKeys(next);
    await this.writeKeys(next);
  }

  /** New slots use the configured cost; the one in keys.json is what an attacker would lower. */
  kdfParams(): ScryptParams {
    return this.options.kdf ?? PRODUCTION_KDF;
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    await this.lock.release();
  }
}

function keysFileOf(dir: string): DurableFile<KeyFile> {
  return new DurableFile<KeyFile>(path.join(dir, KEYS_FILE), KEYS_FILE, decodeKeyFile);
}

export const Vault = {
  /** True when the folder holds a vault (even a damaged one: then it must not be replaced). */
  exists(dir: string): boolean {
    if (existsSync(path.join(dir, KEYS_FILE)) || existsSync(path.join(dir, `${KEYS_FILE}.prev`))) return true;
    // keys.json lost but data present: still a vault (a damaged one), never to be created over.
    try {
      return readdirSync(dir).some((name) => GENERATION_DIR.test(name) && existsSync(path.join(dir, name, 'catalog.vlj')));
    } catch {
      return false;
    }
  },

  async create(dir: string, options: CreateVaultOptions): Promise<{ vault: UnlockedVault; recoveryCode: string }> {
    if (Vault.exists(dir)) throw new AppError('VAULT_EXISTS', vaultMessages.exists(dir));
    await fsp.mkdir(dir, { recursive: true });
    const lock = await VaultLock.acquire(dir);
    try {
      if (Vault.exists(dir)) throw new AppError('VAULT_EXISTS', vaultMessages.exists(dir));
      const started = performance.now();
      const { keys, dek, recoveryCode } = await createKeyFile(options.slotId, options.password, options.kdf);
      const kdfMs = performance.now() - started;
      const layout = new GenerationLayout(dir, keys.generation);
      // A create that crashed before keys.json existed may have left a generation folder.
      await retireOtherGenerations(dir, -1);
      await mkdirDurable(layout.dir);
      const catalog: CatalogData = { ...emptyCatalog(), keysCounter: keys.counter ?? 1 };
      await catalogFile(layout, dek).write(encodeCatalog(dek, catalog));
      const keysFile = keysFileOf(dir);
      // keys.json last: until it exists, there is no vault.
      await keysFile.write(encodeKeyFile(keys));
      const session = new Session(dir, lock, keysFile, keys, options);
      session.state = 'unlocked';
      const vault = new UnlockedVault(session, dek, layout, catalog, options.slotId, { kdfMs, openMs: performance.now() - started - kdfMs }, 'authenticated');
      return { vault, recoveryCode };
    } catch (error) {
      await lock.release();
      throw error;
    }
  },

  /** Takes the single-writer lock and reads the key slots; nothing is decrypted yet. */
  async open(dir: string, options: VaultOptions = {}): Promise<LockedVault> {
    if (!Vault.exists(dir)) throw new AppError('VAULT_NOT_FOUND', vaultMessages.notFound(dir));
    const lock = await VaultLock.acquire(dir);
    try {
      const keysFile = keysFileOf(dir);
      const read = await keysFile.read();
      if (read === null) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(KEYS_FILE));
      const session = new Session(dir, lock, keysFile, read.data, options);
      if (read.problem) session.report(read.problem);
      await removeStaleTemps(dir);
      if (read.recoveredFrom === 'main') await settleGenerations(session);
      return new LockedVault(session);
    } catch (error) {
      await lock.release();
      throw error;
    }
  },
};

/**
 * Finishes what a crash interrupted: a rotation that switched keys.json but
 * did not rewrite its previous copy or remove the old generation, or one that
 * never switched (its half-built folder is removed). Only runs when the main
 * keys.json was read, so the current generation is known for sure.
 */
async function settleGenerations(session: Session): Promise<void> {
  const prev = await fsp
    .readFile(session.keysFile.prevPath)
    .then((bytes) => decodeKeyFile(bytes, `${KEYS_FILE}.prev`))
    .catch(() => null);
  if (prev && prev.generation !== session.keys.generation) {
    if (!existsSync(new GenerationLayout(session.dir, session.keys.generation).catalogFile)) return;
    await session.writeKeys(session.keys);
  }
  await retireOtherGenerations(session.dir, session.keys.generation);
}

/**
 * The files a copy of the vault needs: keys.json (+ .prev), the generation in
 * force and aside/. Left out: the lock (it belongs to this process), temp
 * files of saves (never acknowledged), older generations (debris of an
 * interrupted rotation) and anything else in the folder (not ours).
 */
async function listVaultFiles(dir: string, layout: GenerationLayout): Promise<VaultFile[]> {
  const files: VaultFile[] = [];
  const add = async (relative: string): Promise<void> => {
    const absolute = path.join(dir, ...relative.split('/'));
    const stat = await fsp.lstat(absolute).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of (await fsp.readdir(absolute)).sort()) await add(`${relative}/${name}`);
    } else if (stat.isFile() && !path.basename(relative).includes('.tmp-') && relative !== LOCK_FILE) {
      files.push({ path: relative, absolute, size: stat.size });
    }
  };
  for (const name of [KEYS_FILE, `${KEYS_FILE}.prev`, layout.dirName, ASIDE_DIR]) await add(name);
  return files;
}

export class LockedVault {
  constructor(private readonly session: Session) {}

  get dir(): string {
    return this.session.dir;
  }

  /** Problems found while opening (e.g. keys.json damaged and its previous copy used). */
  get problems(): readonly VaultProblem[] {
    return this.session.problems;
  }

  slotIds(): string[] {
    return passwordSlotIds(this.session.keys);
  }

  hasSlot(slotId: string): boolean {
    return this.slotIds().includes(slotId);
  }

  hasRecoveryCode(): boolean {
    return this.session.keys.slots.some((s) => s.id === RECOVERY_SLOT_ID);
  }

  async unlockWithPassword(slotId: string, password: string, options: UnlockOptions = {}): Promise<UnlockedVault> {
    this.assertLocked();
    const started = performance.now();
    const dek = await unlockWithPassword(this.session.keys, slotId, password, KEYS_FILE, this.session.kdfParams());
    return this.enter(dek, slotId, performance.now() - started, options);
  }

  async unlockWithRecoveryCode(code: string, options: UnlockOptions = {}): Promise<UnlockedVault> {
    this.assertLocked();
    const started = performance.now();
    const dek = await unlockWithRecoveryCode(this.session.keys, code, KEYS_FILE, this.session.kdfParams());
    return this.enter(dek, null, performance.now() - started, options);
  }

  /** Releases the folder lock. */
  close(): Promise<void> {
    return this.session.close();
  }

  private assertLocked(): void {
    if (this.session.state === 'closed') throw new AppError('VAULT_LOCKED', vaultMessages.closed());
    if (this.session.state === 'unlocked') throw new AppError('VAULT_IN_USE', vaultMessages.inUseHere());
  }

  private async enter(dek: Buffer, slotId: string | null, kdfMs: number, options: UnlockOptions): Promise<UnlockedVault> {
    this.assertLocked();
    const started = performance.now();
    const keys = this.session.keys;
    let keyFile: KeyFileState;
    let refusal: AppError | null = null;
    try {
      keyFile = verifyKeyFile(keys, dek, KEYS_FILE);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      keyFile = 'authenticated';
      refusal = error;
    }
    const layout = new GenerationLayout(this.session.dir, keys.generation);
    const read = await catalogFile(layout, dek).read();
    if (read === null) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(layout.label(layout.catalogFile)));
    if (read.problem) this.session.report(read.problem);
    const seen = read.data.keysCounter;
    if (!refusal && keyFile === 'legacy' && seen !== undefined) {
      // This vault wrote authenticated key files before: an unauthenticated one is a forgery.
      refusal = new AppError('VAULT_TAMPERED', vaultMessages.keysUnauthenticated(KEYS_FILE));
    }
    if (!refusal && keyFile === 'authenticated' && seen !== undefined && (keys.counter ?? 0) < seen) {
      refusal = new AppError('VAULT_ROLLBACK', vaultMessages.keysRolledBack(KEYS_FILE, keys.counter ?? 0, seen));
    }
    if (refusal) {
      // Only the key file is refused; the DEK opened the catalog, so the audit log is genuine and can say so.
      if (options.onKeyFileRefused) {
        this.session.state = 'unlocked';
        const vault = new UnlockedVault(this.session, dek, layout, read.data, slotId, { kdfMs, openMs: 0 }, keyFile, refusal);
        try {
          await options.onKeyFileRefused(vault, refusal);
        } finally {
          await vault.lock();
        }
      } else {
        dek.fill(0);
      }
      throw refusal;
    }
    await Promise.all([removeStaleTemps(layout.dir), removeStaleTemps(layout.docsDir)]);
    await Promise.all(read.data.streams.map((s) => removeStaleTemps(layout.streamDir(s))));
    this.session.state = 'unlocked';
    const vault = new UnlockedVault(this.session, dek, layout, read.data, slotId, { kdfMs, openMs: performance.now() - started }, keyFile);
    // A rotation or key change that crashed after keys.json but before the catalog: catch the catalog up.
    if (keyFile === 'authenticated' && (seen ?? 0) < (keys.counter ?? 0)) await vault.recordKeysCounter(keys.counter ?? 0);
    return vault;
  }
}

/** 'legacy': keys.json predates the MAC and waits for `authenticateKeyFile`. */
export type KeyFileState = 'authenticated' | 'legacy';

export class UnlockedVault {
  readonly gate = new Gate();
  private currentKey: Buffer;
  private currentLayout: GenerationLayout;
  private catalogFile: DurableFile<CatalogData>;
  private readonly catalogQueue = new SerialQueue();
  private readonly docs = new Map<string, Promise<Low<unknown>>>();
  private readonly streams = new Map<string, VaultStream<unknown>>();
  private readonly closingHooks: Array<() => Promise<void>> = [];
  private readonly cacheFiles = new Map<string, { key: Buffer; file: DurableFile<unknown> }>();
  private readonly host: VaultHost;

  constructor(
    private readonly session: Session,
    key: Buffer,
    layout: GenerationLayout,
    private catalog: CatalogData,
    /** who unlocked; null when opened with the recovery code */
    readonly slotId: string | null,
    readonly timings: UnlockTimings,
    private keyFile: KeyFileState,
    /** set while a refused key file is being reported: no key change may happen then */
    private readonly refusal: AppError | null = null,
  ) {
    this.currentKey = key;
    this.currentLayout = layout;
    this.catalogFile = catalogFile(layout, key);
    // Documents and streams see the vault only through this narrow view; key and
    // layout are read through getters because rotation replaces them.
    const current = (): { key: Buffer; layout: GenerationLayout } => ({ key: this.currentKey, layout: this.currentLayout });
    this.host = {
      get key() {
        return current().key;
      },
      get layout() {
        return current().layout;
      },
      gate: this.gate,
      assertOpen: () => this.assertOpen(),
      report: (problem) => this.session.report(problem),
      registerDoc: (name) => this.register('docs', name),
      registerStream: (name) => this.register('streams', name),
      isRegisteredDoc: (name) => this.catalog.docs.includes(name),
      isRegisteredStream: (name) => this.catalog.streams.includes(name),
    };
  }

  get dir(): string {
    return this.session.dir;
  }

  get generation(): number {
    return this.currentLayout.generation;
  }

  /** Problems recovered from since the vault was opened (shown to the administrator). */
  get problems(): readonly VaultProblem[] {
    return this.session.problems;
  }

  /**
   * A lowdb document. `update(fn)` and `write()` resolve only once the save is
   * durable. Repeated calls return the same instance.
   */
  async doc<T>(name: string, defaults: T): Promise<Low<T>> {
    this.assertOpen();
    checkName(name);
    let pending = this.docs.get(name);
    if (!pending) {
      pending = (async () => {
        const low = new Low<unknown>(new EncryptedAdapter<unknown>(name, this.host), structuredClone(defaults));
        await low.read();
        return low;
      })();
      this.docs.set(name, pending);
      pending.catch(() => this.docs.delete(name));
    }
    return (await pending) as Low<T>;
  }

  /** The records format of this vault (see CatalogData.format). */
  get format(): number {
    return this.catalog.format ?? 1;
  }

  hasStream(name: string): boolean {
    return this.catalog.streams.includes(name);
  }

  /** Records a completed upgrade: one durable write of the catalog, so it either happened or did not. */
  async setFormat(format: number): Promise<void> {
    this.assertOpen();
    await this.catalogQueue.run(async () => {
      const next: CatalogData = { ...this.catalog, format };
      await this.catalogFile.write(encodeCatalog(this.currentKey, next));
      this.catalog = next;
    });
  }

  /**
   * Removes a stream for good: for a format upgrade only (an obsolete stream
   * once the upgrade is recorded, or a half-written one it left behind).
   * The catalog forgets it first, so a crash leaves at worst an unlisted folder.
   */
  async dropStream(name: string): Promise<void> {
    this.assertOpen();
    checkName(name);
    await this.gate.exclusive(async () => {
      const open = this.streams.get(name);
      if (open) await open.suspend();
      this.streams.delete(name);
      await this.catalogQueue.run(async () => {
        if (!this.catalog.streams.includes(name)) return;
        const next: CatalogData = { ...this.catalog, streams: this.catalog.streams.filter((s) => s !== name) };
        await this.catalogFile.write(encodeCatalog(this.currentKey, next));
        this.catalog = next;
      });
      await fsp.rm(this.currentLayout.streamDir(name), { recursive: true, force: true });
    });
  }

  /**
   * A checkpoint file of derived state (encrypted and authenticated like
   * everything else, under this generation's key). Never a source of truth:
   * `read` answers null when it is missing or unreadable, and the caller
   * rebuilds from the streams. Key rotation does not carry it over.
   */
  cacheFile<T>(name: string, isValid: (value: unknown) => boolean): CacheFile<T> {
    return this.cache<T>(name, (key) => encryptedJsonDecoder<T>(key, aadName.cache(name), isValid), (key, value) => encodeEncryptedJson(key, aadName.cache(name), value));
  }

  /** Like `cacheFile`, for checkpoints of raw bytes (columns of numbers that JSON would make several times larger). */
  binaryCacheFile(name: string): CacheFile<Buffer, Buffer | readonly Buffer[]> {
    return this.cache<Buffer, Buffer | readonly Buffer[]>(
      name,
      (key) => ({ fromFile: (file, label) => decryptFile(key, aadName.cache(name), file, label) }),
      (key, bytes) => encrypt(key, aadName.cache(name), bytes),
    );
  }

  /** Names of the checkpoint files that exist now (a checkpoint kept in several files lists its parts with this). */
  async cacheFileNames(): Promise<string[]> {
    this.assertOpen();
    const entries = await fsp.readdir(this.currentLayout.cacheDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return entries.filter((f) => f.endsWith('.vlj')).map((f) => f.slice(0, -'.vlj'.length)).filter(isValidName);
  }

  /** Forgets a checkpoint (and its previous copy), e.g. when the records it was derived from are rewritten. */
  async removeCacheFile(name: string): Promise<void> {
    this.assertOpen();
    const target = this.currentLayout.cacheFile(checkName(name));
    this.cacheFiles.delete(target);
    await Promise.all([fsp.rm(target, { force: true }), fsp.rm(`${target}.prev`, { force: true })]);
  }

  private cache<T, W = T>(name: string, decoder: (key: Buffer) => Decoder<T> | FileDecoder<T>, encode: (key: Buffer, value: W) => Buffer): CacheFile<T, W> {
    checkName(name);
    // One DurableFile per file and key: what its read learned about the current copy spares the
    // next write from reading (and decrypting) the whole file again first.
    const file = (): DurableFile<T> => {
      const target = this.currentLayout.cacheFile(name);
      const known = this.cacheFiles.get(target);
      if (known && known.key === this.currentKey) return known.file as DurableFile<T>;
      const made = new DurableFile<T>(target, this.currentLayout.label(target), decoder(this.currentKey));
      this.cacheFiles.set(target, { key: this.currentKey, file: made });
      return made;
    };
    return {
      read: async () => {
        this.assertOpen();
        try {
          const read = await file().read();
          // A checkpoint is only a cache, so reading its previous copy is no problem for the office; but the
          // main copy is moved aside at the next write, and the log should say why.
          if (read?.problem) console.warn(`Valija: punto de control leído de su copia anterior: ${read.problem.message}`);
          return read === null ? null : { data: read.data };
        } catch (error) {
          return { problem: error instanceof Error ? error.message : String(error) };
        }
      },
      write: async (value) => {
        this.assertOpen();
        // Encoded before the first await: a value made of views of live columns is read while it is still whole.
        const bytes = encode(this.currentKey, value);
        await mkdirDurable(this.currentLayout.cacheDir);
        await file().write(bytes);
      },
    };
  }

  /** Runs `fn` before the vault locks or closes (e.g. to write a checkpoint while the key is still here). */
  whenClosing(fn: () => Promise<void>): void {
    this.closingHooks.push(fn);
  }

  private async runClosingHooks(): Promise<void> {
    const hooks = this.closingHooks.splice(0);
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        this.session.report({ code: 'IO', message: `No se pudo guardar un punto de control: ${error instanceof Error ? error.message : String(error)}`, file: 'cache' });
      }
    }
  }

  /**
   * An append-only stream, partitioned by month. Opening reads only its
   * manifest. Its records are JSON unless `codec` says otherwise; a stream
   * is always read with the codec it was written with.
   */
  async stream<T>(name: string, codec?: FrameCodec<T>): Promise<VaultStream<T>> {
    this.assertOpen();
    checkName(name);
    let stream = this.streams.get(name);
    if (!stream) {
      stream = new VaultStream<unknown>(name, this.host, (codec ?? jsonFrames) as FrameCodec<unknown>);
      await stream.open();
      this.streams.set(name, stream);
    } else if (codec && !stream.uses(codec as FrameCodec<unknown>)) {
      throw new Error(`stream ${name} was opened with another codec`);
    }
    return stream as VaultStream<T>;
  }

  slotIds(): string[] {
    return passwordSlotIds(this.session.keys);
  }

  hasSlot(slotId: string): boolean {
    return this.slotIds().includes(slotId);
  }

  /** Whether keys.json carries its MAC yet (see authenticateKeyFile). */
  get keyFileState(): KeyFileState {
    return this.keyFile;
  }

  /** The keys.json counter in force (0 for a file that predates it). */
  get keysCounter(): number {
    return this.session.keys.counter ?? 0;
  }

  /**
   * Gives a keys.json that predates the MAC its MAC and counter: done by the
   * first legitimate unlock, the only moment the file can be vouched for.
   * Password slots of nobody in `keep` (the active users) are dropped first,
   * since one could have been planted while the file had no MAC. Answers the
   * dropped slot ids; does nothing on an authenticated file.
   */
  async authenticateKeyFile(keep: readonly string[]): Promise<string[]> {
    if (this.keyFile === 'authenticated') return [];
    const dropped = this.slotIds().filter((id) => !keep.includes(id) && id !== this.slotId);
    await this.keysChange(async (keys) => ({ ...keys, slots: keys.slots.filter((s) => !dropped.includes(s.id)) }));
    return dropped;
  }

  /**
   * An HMAC (hex) of `data` under a key derived from the DEK for `purpose`:
   * lets a file kept outside the encrypted folder (a backup's descriptor) be
   * vouched for, later, by whoever can unlock the same vault.
   */
  sealText(purpose: string, data: string): string {
    this.assertOpen();
    const key = Buffer.from(hkdfSync('sha256', this.currentKey, Buffer.from(this.session.keys.vaultId, 'utf8'), `valija/${purpose}/v1`, 32));
    try {
      return createHmac('sha256', key).update(data, 'utf8').digest('hex');
    } finally {
      key.fill(0);
    }
  }

  /** Whether `mac` is sealText(purpose, data) under this vault's DEK. */
  checkSealedText(purpose: string, data: string, mac: string): boolean {
    const expected = Buffer.from(this.sealText(purpose, data), 'hex');
    const given = /^[0-9a-f]{64}$/.test(mac) ? Buffer.from(mac, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The vault id written in keys.json (plain, but covered by its MAC). */
  get keysVaultId(): string {
    return this.session.keys.vaultId;
  }

  /** Remembers, under the DEK, the highest keys.json counter written (see CatalogData.keysCounter). */
  async recordKeysCounter(counter: number): Promise<void> {
    this.assertOpen();
    await this.catalogQueue.run(async () => {
      if ((this.catalog.keysCounter ?? 0) >= counter) return;
      const next: CatalogData = { ...this.catalog, keysCounter: counter };
      await this.catalogFile.write(encodeCatalog(this.currentKey, next));
      this.catalog = next;
    });
  }

  async addSlot(slotId: string, password: string): Promise<void> {
    validateSlotId(slotId);
    await this.keysChange(async (keys) => {
      if (passwordSlotIds(keys).includes(slotId)) throw new AppError('CONFLICT', vaultMessages.slotExists(slotId));
      return withSlot(keys, this.currentKey, slotId, 'password', password, this.session.kdfParams());
    });
  }

  async removeSlot(slotId: string): Promise<void> {
    await this.keysChange(async (keys) => withoutSlot(keys, slotId));
  }

  /** Sets a new password for a slot (an administrator's reset or the user's own change); rewrites keys.json only. */
  async setSlotPassword(slotId: string, newPassword: string): Promise<void> {
    await this.keysChange(async (keys) => {
      if (!passwordSlotIds(keys).includes(slotId)) throw new AppError('NO_KEY_SLOT', vaultMessages.noSlot(slotId));
      return withSlot(keys, this.currentKey, slotId, 'password', newPassword, this.session.kdfParams());
    });
  }

  /** Throws WRONG_PASSWORD / NO_KEY_SLOT; e.g. to confirm the current password before a change. */
  async checkPassword(slotId: string, password: string): Promise<void> {
    this.assertOpen();
    const dek = await unlockWithPassword(this.session.keys, slotId, password, KEYS_FILE, this.session.kdfParams());
    const same = dek.equals(this.currentKey);
    dek.fill(0);
    if (!same) throw new AppError('WRONG_PASSWORD', vaultMessages.wrongPassword());
  }

  /** Replaces the recovery code; the old one stops working. Print the returned code. */
  async newRecoveryCode(): Promise<string> {
    const code = generateRecoveryCode();
    await this.keysChange(async (keys) =>
      withSlot(keys, this.currentKey, RECOVERY_SLOT_ID, 'recovery', normalizeRecoveryCode(code), this.session.kdfParams()),
    );
    return code;
  }

  /**
   * Re-encrypts everything under a new data key. The new generation is built
   * beside the old one; one durable write of keys.json switches to it. A crash
   * before the switch leaves the old generation in force (the half-built one
   * is removed on the next open); after it, the new one.
   *
   * `recipients`: the password slots that may receive the new key (the active
   * users); any other password slot is left out of the new file, so a slot
   * nobody accounts for never gets the key. Answers the slots left out.
   */
  async rotateDataKey(onProgress?: ProgressFn, hooks: RotationHooks = {}, recipients?: readonly string[]): Promise<{ leftOut: string[] }> {
    this.assertOpen();
    this.assertKeysUsable();
    return this.gate.exclusive(async () => {
      this.assertOpen();
      const leftOut = recipients ? this.slotIds().filter((id) => !recipients.includes(id)) : [];
      if (leftOut.length > 0 && leftOut.length === this.slotIds().length) throw new AppError('VAULT_LAST_SLOT', vaultMessages.lastSlot());
      for (const stream of this.streams.values()) await stream.suspend();
      const from = { layout: this.currentLayout, key: this.currentKey };
      const to = { layout: new GenerationLayout(this.session.dir, from.layout.generation + 1), key: newKey() };
      await fsp.rm(to.layout.dir, { recursive: true, force: true });
      try {
        await copyGeneration(from, to, this.catalog, onProgress);
        await hooks.beforeSwitch?.();
      } catch (error) {
        await fsp.rm(to.layout.dir, { recursive: true, force: true }).catch(() => undefined);
        throw error;
      }
      const kept: KeyFile = { ...this.session.keys, slots: this.session.keys.slots.filter((s) => !leftOut.includes(s.id)) };
      const nextKeys = authenticateKeyFile(rewrapAll(kept, to.key, to.layout.generation), to.key, this.keysCounter + 1);
      try {
        await this.session.writeKeys(nextKeys);
      } catch (error) {
        // We cannot tell which generation is in force now: stop writing until reopened.
        await this.shutDown();
        throw error;
      }
      const catalogRead = await catalogFile(to.layout, to.key).read();
      this.catalog = catalogRead?.data ?? this.catalog;
      this.currentKey = to.key;
      this.currentLayout = to.layout;
      this.catalogFile = catalogFile(to.layout, to.key);
      from.key.fill(0);
      await hooks.afterSwitch?.();
      // keys.json.prev must open the new generation too before the old one goes.
      await this.session.writeKeys(nextKeys);
      this.keyFile = 'authenticated';
      await this.recordKeysCounter(nextKeys.counter ?? 0);
      await retireOtherGenerations(this.session.dir, to.layout.generation);
      return { leftOut };
    });
  }

  /**
   * Runs `fn` with every file that makes up the vault (key slots, the current
   * generation, kept-aside bytes) while no save can start or be half done:
   * the gate is held exclusively and the streams are checkpointed, so a copy
   * made inside `fn` is a consistent vault. The files stay encrypted; `fn`
   * must not write to this vault (that would wait for the gate for ever).
   * Saves made meanwhile wait, so keep `fn` to copying.
   */
  async snapshot<T>(fn: (files: VaultFile[]) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.gate.exclusive(async () => {
      this.assertOpen();
      for (const stream of this.streams.values()) await stream.suspend();
      return fn(await listVaultFiles(this.session.dir, this.currentLayout));
    });
  }

  /** Signs out: forgets the data key but keeps the folder lock, so another user can unlock. */
  async lock(): Promise<LockedVault> {
    this.assertOpen();
    await this.runClosingHooks();
    await this.flush();
    this.currentKey.fill(0);
    this.session.state = 'locked';
    return new LockedVault(this.session);
  }

  async close(): Promise<void> {
    if (this.session.state !== 'unlocked') return;
    await this.runClosingHooks();
    await this.flush();
    this.currentKey.fill(0);
    await this.session.close();
  }

  private async flush(): Promise<void> {
    this.assertOpen();
    await this.gate.exclusive(async () => {
      for (const stream of this.streams.values()) await stream.suspend();
    });
  }

  private async shutDown(): Promise<void> {
    this.currentKey.fill(0);
    await this.session.close();
  }

  private assertOpen(): void {
    if (this.session.state !== 'unlocked') throw new AppError('VAULT_LOCKED', vaultMessages.closed());
  }

  private assertKeysUsable(): void {
    if (this.refusal) throw this.refusal;
  }

  /** Every write of keys.json: the change, then a raised counter and a MAC under the DEK, then the catalog remembers the counter. */
  private async keysChange(change: (keys: KeyFile) => Promise<KeyFile>): Promise<void> {
    this.assertOpen();
    this.assertKeysUsable();
    await this.gate.exclusive(async () => {
      this.assertOpen();
      const next = authenticateKeyFile(await change(this.session.keys), this.currentKey, this.keysCounter + 1);
      await this.session.writeKeysTwice(next);
      this.keyFile = 'authenticated';
      await this.recordKeysCounter(next.counter ?? 0);
    });
  }

  private register(kind: 'docs' | 'streams', name: string): Promise<void> {
    return this.catalogQueue.run(async () => {
      if (this.catalog[kind].includes(name)) return;
      const next: CatalogData = { ...this.catalog, [kind]: [...this.catalog[kind], name].sort() };
      await this.catalogFile.write(encodeCatalog(this.currentKey, next));
      this.catalog = next;
    });
  }
}

