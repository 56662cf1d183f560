import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { HASH_CHUNK_BYTES } from './hash-protocol';

/**
 * SHA-256 of a file read slice by slice (Web Crypto's digest() needs the
 * whole file in memory). Runs inside the worker; kept apart so it can be
 * tested without one.
 */
export async function sha256OfBlob(file: Blob, onProgress: (done: number) => void, chunkBytes = HASH_CHUNK_BYTES): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const slice = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    hash.update(slice);
    onProgress(Math.min(file.size, offset + slice.length));
  }
  return bytesToHex(hash.digest());
}
