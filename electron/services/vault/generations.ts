import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { catalogFile, emptyCatalog, encodeCatalog, type CatalogData } from './catalog';
import { encrypt, open as openBlob } from './cipher';
import { mkdirDurable } from './dirs';
import { DurableFile, fileStamp, isErrno, writeFileDurably } from './durable-file';
import { encodeEncryptedJson, encryptedJsonDecoder } from './encrypted-json';
import { scanFrames } from './frames';
import { aadName, ASIDE_DIR, GENERATION_DIR, PARTITION_FILE, type GenerationLayout } from './layout';
import { vaultMessages } from './messages';
import type { StreamManifest } from './stream';

export interface KeyedLayout {
  layout: GenerationLayout;
  key: Buffer;
}

export type ProgressFn = (done: number, total: number) => void | Promise<void>;

/**
 * Re-encrypts every document and stream partition of `from` into `to` (a new
 * folder), fsyncing each file. Nothing in `from` is changed except that torn,
 * never-acknowledged stream tails are kept aside before being left behind.
 * Refuses (throws) on any damaged file: rotating would otherwise carry an older
 * copy forward and drop the damaged one with the old generation.
 */
export async function copyGeneration(from: KeyedLayout, to: KeyedLayout, catalog: CatalogData, onProgress?: ProgressFn): Promise<void> {
  const docs = union(catalog.docs, await listNames(from.layout.docsDir, /^([a-z0-9][a-z0-9_-]*)\.vlj$/));
  const streams = union(catalog.streams, await listNames(from.layout.streamsDir, /^([a-z0-9][a-z0-9_-]*)$/));
  const partitions = new Map<string, string[]>();
  for (const stream of streams) partitions.set(stream, await listNames(from.layout.streamDir(stream), PARTITION_FILE));
  const total = docs.length + [...partitions.values()].reduce((n, list) => n + list.length, 0);
  let done = 0;
  const step = async () => {
    done += 1;
    await onProgress?.(done, total);
  };

  await mkdirDurable(to.layout.dir);
  for (const name of docs) {
    const source = from.layout.docFile(name);
    const file = new DurableFile<unknown>(source, from.layout.label(source), encryptedJsonDecoder(from.key, aadName.doc(name)));
    const data = strict(await file.read(), file.label, catalog.docs.includes(name));
    if (data !== undefined) {
      await mkdirDurable(to.layout.docsDir);
      await writeFileDurably(to.layout.docFile(name), encodeEncryptedJson(to.key, aadName.doc(name), data));
    }
    await step();
  }

  for (const stream of streams) {
    const source = from.layout.manifestFile(stream);
    const manifestFile = new DurableFile<StreamManifest>(source, from.layout.label(source), encryptedJsonDecoder(from.key, aadName.manifest(stream)));
    const manifest = strict(await manifestFile.read(), manifestFile.label, catalog.streams.includes(stream)) ?? { version: 1, partitions: {} };
    const next: StreamManifest = { version: 1, partitions: {} };
    const months = union(Object.keys(manifest.partitions), partitions.get(stream) ?? []);
    await mkdirDurable(to.layout.streamDir(stream));
    for (const month of months) {
      const file = from.layout.partitionFile(stream, month);
      const label = from.layout.label(file);
      let buf: Buffer;
      try {
        buf = await fsp.readFile(file);
      } catch (error) {
        if (isErrno(error, 'ENOENT')) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(label));
        throw error;
      }
      const scan = scanFrames(buf, label);
      const mark = manifest.partitions[month];
      if (mark && (scan.validEnd < mark.bytes || scan.frames.length < mark.frames)) {
        throw new AppError('VAULT_TRUNCATED', vaultMessages.partitionTruncated(label, mark.frames, scan.frames.length));
      }
      if (scan.validEnd < buf.length) await writeFileDurably(`${file}.torn-${fileStamp()}`, buf.subarray(scan.validEnd));
      const out: Buffer[] = [];
      scan.frames.forEach((frame, i) => {
        let plain: Buffer;
        try {
          plain = openBlob(from.key, aadName.frame(stream, month, i), buf, frame.offset, frame.total, label);
        } catch (cause) {
          throw new AppError('VAULT_CORRUPT', vaultMessages.frameCorrupt(label, i + 1), { cause });
        }
        out.push(encrypt(to.key, aadName.frame(stream, month, i), plain));
      });
      const bytes = Buffer.concat(out);
      await writeFileDurably(to.layout.partitionFile(stream, month), bytes);
      next.partitions[month] = { frames: out.length, bytes: bytes.length };
      await step();
    }
    await writeFileDurably(to.layout.manifestFile(stream), encodeEncryptedJson(to.key, aadName.manifest(stream), next));
  }

  const nextCatalog: CatalogData = { ...emptyCatalog(), docs, streams };
  await writeFileDurably(catalogFile(to.layout, to.key).filePath, encodeCatalog(to.key, nextCatalog));
}

function strict<T>(read: { data: T; problem?: { code: string; message: string } } | null, label: string, required: boolean): T | undefined {
  if (read === null) {
    if (required) throw new AppError('VAULT_FILE_MISSING', vaultMessages.missing(label));
    return undefined;
  }
  if (read.problem) {
    throw new AppError('VAULT_CORRUPT', `${vaultMessages.corrupt(label)} No se cambió la llave de cifrado; restaure el archivo antes de intentarlo de nuevo.`);
  }
  return read.data;
}

/**
 * Removes generation folders other than `keep` (an abandoned rotation, or the
 * generation a finished rotation replaced). Files kept aside there (damaged
 * copies, torn tails) are moved to `aside/` first, never deleted.
 */
export async function retireOtherGenerations(vaultDir: string, keep: number): Promise<void> {
  for (const name of await fsp.readdir(vaultDir)) {
    const match = GENERATION_DIR.exec(name);
    if (!match || Number(match[1]) === keep) continue;
    const dir = path.join(vaultDir, name);
    for (const file of await walk(dir)) {
      if (!/\.(damaged|torn)-/.test(file)) continue;
      const target = path.join(vaultDir, ASIDE_DIR, name, path.relative(dir, file));
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.rename(file, target);
    }
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}

async function listNames(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await fsp.readdir(dir))
      .map((n) => pattern.exec(n)?.[1])
      .filter((n): n is string => n !== undefined)
      .sort();
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
