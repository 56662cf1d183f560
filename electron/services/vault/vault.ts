import { existsSync, promises as fsp, readdirSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../../shared/errors';
import { catalogFile, emptyCatalog, encodeCatalog, type CatalogData } from './catalog';
import { decrypt, encrypt, newKey } from './cipher';
import { mkdirDurable } from './dirs';
import { DurableFile, removeStaleTemps, type Decoder, type FileProblem } from './durable-file';
import { EncryptedAdapter } from './encrypted-adapter';
import { Gate, SerialQueue } from './gate';
import { copyGeneration, retireOtherGenerations, type ProgressFn } from './generations';
import type { VaultHost } from './host';
import type { ScryptParams } from './kdf';
import {
  createKeyFile,
  decodeKeyFile,
  encodeKeyFile,
  passwordSlotIds,
  RECOVERY_SLOT_ID,
  rewrapAll,
  unlockWithPassword,
  unlockWithRecoveryCode,
  validateSlotId,
  withoutSlot,
  withSlot,
  type KeyFile,
} from './key-slots';
import { encodeEncryptedJson, encryptedJsonDecoder } from './encrypted-json';
import { aadName, ASIDE_DIR, checkName, GENERATION_DIR, GenerationLayout, KEYS_FILE, LOCK_FILE } from './layout';
import { vaultMessages } from './messages';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { jsonFrames, type FrameCodec } from './frame-codec';
import { VaultStream } from './stream';
import { VaultLock } from './vault-lock';

export type VaultProblem = FileProblem;

/** A checkpoint file: `read` answers null when it is missing and a problem when it cannot be read, never throws. */
export interface CacheFile<T> {
  read(): Promise<{ data: T } | { problem: string } | null>;
  write(value: T): Promise<void>;
}

export interface VaultOptions {
  /** called for every recovered problem (previous copy used, torn write cut away) */
  onProblem?: (problem: VaultProblem) => void;
}

export interface CreateVaultOptions extends VaultOptions {
  slotId: string;
  password: string;
  /** scrypt parameters for this vault's slots; production defaults when omitted */
  kdf?: ScryptParams;
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

  /** New slots use the same scrypt cost as the vault's existing ones. */
  kdfParams(): ScryptParams {
    const slot = this.keys.slots[0];
    if (!slot) throw new AppError('VAULT_CORRUPT', vaultMessages.corrupt(KEYS_FILE));
    const { N, r, p, keylen } = slot.kdf;
    return { N, r, p, keylen };
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
      const catalog = emptyCatalog();
      await catalogFile(layout, dek).write(encodeCatalog(dek, catalog));
      const keysFile = keysFileOf(dir);
      // keys.json last: until it exists, there is no vault.
      await keysFile.write(encodeKeyFile(keys));
      const session = new Session(dir, lock, keysFile, keys, options);
      session.state = 'unlocked';
      const vault = new UnlockedVault(session, dek, layout, catalog, options.slotId, { kdfMs, openMs: performance.now() - started - kdfMs });
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

  async unlockWithPassword(slotId: string, password: string): Promise<UnlockedVault> {
    this.assertLocked();
    const started = performance.now();
    const dek = await unlockWithPassword(this.session.keys, slotId, password, KEYS_FILE);
    return this.enter(dek, slotId, performance.now() - started);
  }

  async unlockWithRecoveryCode(code: string): Promise<UnlockedVault> {
    this.assertLocked();
    const started = performance.now();
    const dek = await unlockWithRecoveryCode(this.session.keys, code, KEYS_FILE);
    return this.enter(dek, null, performance.now() - started);
  }

  /** Releases the folder lock. */
  close(): Promise<void> {
    return this.session.close();
  }

  private assertLocked(): void {
    if (this.session.state === 'closed') throw new AppError('VAULT_LOCKED', vaultMessages.closed());
    if (this.session.state === 'unlocked') throw new AppError('VAULT_IN_USE', vaultMessages.inUseHere());
  }

  private async enter(dek: Buffer, slotId: string | null, kdfMs: number): Promise<UnlockedVault> {
    this.assertLocked();
    const started = performance.now();
    const layout = new GenerationLayout(this.session.dir, this.session.keys.generation);
    const read = await catalogFile(layout, dek).read();
    if (read === null) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(layout.label(layout.catalogFile)));
    if (read.problem) this.session.report(read.problem);
    await Promise.all([removeStaleTemps(layout.dir), removeStaleTemps(layout.docsDir)]);
    await Promise.all(read.data.streams.map((s) => removeStaleTemps(layout.streamDir(s))));
    this.session.state = 'unlocked';
    return new UnlockedVault(this.session, dek, layout, read.data, slotId, { kdfMs, openMs: performance.now() - started });
  }
}

export class UnlockedVault {
  readonly gate = new Gate();
  private currentKey: Buffer;
  private currentLayout: GenerationLayout;
  private catalogFile: DurableFile<CatalogData>;
  private readonly catalogQueue = new SerialQueue();
  private readonly docs = new Map<string, Promise<Low<unknown>>>();
  private readonly streams = new Map<string, VaultStream<unknown>>();
  private readonly closingHooks: Array<() => Promise<void>> = [];
  private readonly host: VaultHost;

  constructor(
    private readonly session: Session,
    key: Buffer,
    layout: GenerationLayout,
    private catalog: CatalogData,
    /** who unlocked; null when opened with the recovery code */
    readonly slotId: string | null,
    readonly timings: UnlockTimings,
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
  binaryCacheFile(name: string): CacheFile<Buffer> {
    return this.cache<Buffer>(name, (key) => (bytes, label) => decrypt(key, aadName.cache(name), bytes, label), (key, bytes) => encrypt(key, aadName.cache(name), bytes));
  }

  /** Forgets a checkpoint (and its previous copy), e.g. when the records it was derived from are rewritten. */
  async removeCacheFile(name: string): Promise<void> {
    this.assertOpen();
    const target = this.currentLayout.cacheFile(checkName(name));
    await Promise.all([fsp.rm(target, { force: true }), fsp.rm(`${target}.prev`, { force: true })]);
  }

  private cache<T>(name: string, decoder: (key: Buffer) => Decoder<T>, encode: (key: Buffer, value: T) => Buffer): CacheFile<T> {
    checkName(name);
    const file = (): DurableFile<T> => {
      const target = this.currentLayout.cacheFile(name);
      return new DurableFile<T>(target, this.currentLayout.label(target), decoder(this.currentKey));
    };
    return {
      read: async () => {
        this.assertOpen();
        try {
          const read = await file().read();
          return read === null ? null : { data: read.data };
        } catch (error) {
          return { problem: error instanceof Error ? error.message : String(error) };
        }
      },
      write: async (value) => {
        this.assertOpen();
        await mkdirDurable(this.currentLayout.cacheDir);
        await file().write(encode(this.currentKey, value));
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
    const dek = await unlockWithPassword(this.session.keys, slotId, password, KEYS_FILE);
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
   */
  async rotateDataKey(onProgress?: ProgressFn, hooks: RotationHooks = {}): Promise<void> {
    this.assertOpen();
    await this.gate.exclusive(async () => {
      this.assertOpen();
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
      const nextKeys = rewrapAll(this.session.keys, to.key, to.layout.generation);
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
      await retireOtherGenerations(this.session.dir, to.layout.generation);
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

  private async keysChange(change: (keys: KeyFile) => Promise<KeyFile>): Promise<void> {
    this.assertOpen();
    await this.gate.exclusive(async () => {
      this.assertOpen();
      await this.session.writeKeys(await change(this.session.keys));
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

