import { createHash, type Hash } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import type { ChecksumAlgorithm } from './manifests';
import { throwIfAborted } from './media-errors';

/** Read size for hashing: large enough for USB throughput, small enough to keep memory flat. */
export const HASH_CHUNK_BYTES = 1024 * 1024;

/**
 * O_NOFOLLOW refuses to open a symbolic link even if one replaced a file
 * after the folder was walked. Windows has no such flag (and Node reports 0).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export interface FileDigests {
  size: number;
  /** lower-case hex per algorithm */
  digests: Partial<Record<ChecksumAlgorithm, string>>;
}

/**
 * Reads a file once and feeds every requested algorithm, so a bag with
 * several manifests is still read only once. Never holds more than one chunk.
 */
export async function hashFile(
  absolute: string,
  algorithms: readonly ChecksumAlgorithm[],
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<FileDigests> {
  const hashes = new Map<ChecksumAlgorithm, Hash>(algorithms.map((a) => [a, createHash(a)]));
  const handle = await fsp.open(absolute, OPEN_FLAGS);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw Object.assign(new Error(`not a regular file: ${absolute}`), { code: 'EINVAL' });
    const buffer = Buffer.allocUnsafe(HASH_CHUNK_BYTES);
    let size = 0;
    for (;;) {
      throwIfAborted(options.signal);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      for (const hash of hashes.values()) hash.update(chunk);
      size += bytesRead;
      options.onBytes?.(bytesRead);
    }
    const digests: Partial<Record<ChecksumAlgorithm, string>> = {};
    for (const [algorithm, hash] of hashes) digests[algorithm] = hash.digest('hex');
    return { size, digests };
  } finally {
    await handle.close();
  }
}
