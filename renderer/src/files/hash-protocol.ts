/** Messages between the screen and the hashing worker (hash-worker.ts). */
export interface HashRequest {
  id: number;
  file: Blob;
}

export type HashReply = { id: number; kind: 'progress'; done: number } | { id: number; kind: 'done'; sha256: string } | { id: number; kind: 'error'; message: string };

/** Read in slices: a 4 GB video must never be held in memory at once. */
export const HASH_CHUNK_BYTES = 8 * 1024 * 1024;
