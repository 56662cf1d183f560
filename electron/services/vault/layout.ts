import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { vaultMessages } from './messages';

/**
 * Where things live inside a vault folder. Everything encrypted with one data
 * key lives under one generation folder (`g<N>/`), so a key rotation can build
 * the next generation beside the current one and switch with a single
 * durable write of keys.json.
 *
 *   keys.json (+ .prev)                 wrapped keys, KDF params (plain JSON)
 *   vault.lock                          single-writer lock (pid, start time)
 *   g1/catalog.vlj (+ .prev)            which documents and streams exist
 *   g1/docs/<name>.vlj (+ .prev)        lowdb documents
 *   g1/streams/<name>/manifest.vlj      acknowledged frame counts per month
 *   g1/streams/<name>/YYYY-MM.log       append-only frames, one month each
 *   g1/cache/<name>.vlj (+ .prev)       checkpoints of derived state: rebuilt from the streams when unusable
 *   aside/                              kept-aside bytes from old generations
 */
export const KEYS_FILE = 'keys.json';
export const LOCK_FILE = 'vault.lock';
export const ASIDE_DIR = 'aside';

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const PARTITION_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.log$/;

export function isValidName(name: string): boolean {
  return NAME.test(name);
}

export function checkName(name: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) throw new AppError('VALIDATION', vaultMessages.badName(String(name)));
  return name;
}

export function checkMonth(month: string): string {
  if (!MONTH.test(month)) throw new AppError('VALIDATION', `El mes «${month}» no es válido (use AAAA-MM).`);
  return month;
}

export function generationDirName(generation: number): string {
  return `g${generation}`;
}

export const GENERATION_DIR = /^g(\d+)$/;

/** Month partition of an instant, in UTC so a partition never depends on the workstation's clock zone. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export class GenerationLayout {
  constructor(
    readonly vaultDir: string,
    readonly generation: number,
  ) {}

  get dirName(): string {
    return generationDirName(this.generation);
  }
  get dir(): string {
    return path.join(this.vaultDir, this.dirName);
  }
  get catalogFile(): string {
    return path.join(this.dir, 'catalog.vlj');
  }
  get docsDir(): string {
    return path.join(this.dir, 'docs');
  }
  docFile(name: string): string {
    return path.join(this.docsDir, `${name}.vlj`);
  }
  get streamsDir(): string {
    return path.join(this.dir, 'streams');
  }
  streamDir(name: string): string {
    return path.join(this.streamsDir, name);
  }
  get cacheDir(): string {
    return path.join(this.dir, 'cache');
  }
  cacheFile(name: string): string {
    return path.join(this.cacheDir, `${name}.vlj`);
  }
  manifestFile(stream: string): string {
    return path.join(this.streamDir(stream), 'manifest.vlj');
  }
  partitionFile(stream: string, month: string): string {
    return path.join(this.streamDir(stream), `${month}.log`);
  }
  /** vault-relative path with forward slashes, for messages */
  label(file: string): string {
    return path.relative(this.vaultDir, file).split(path.sep).join('/');
  }
}

/** The logical names bound into each blob's AAD. */
export const aadName = {
  catalog: () => 'catalog',
  doc: (name: string) => `doc:${name}`,
  manifest: (stream: string) => `stream-manifest:${stream}`,
  cache: (name: string) => `cache:${name}`,
  frame: (stream: string, month: string, index: number) => `stream:${stream}/${month}#${index}`,
};
