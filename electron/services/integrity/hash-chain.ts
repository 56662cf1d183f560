import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The "previous hash" of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface Chained {
  prevHash: string;
  hash: string;
}

/** SHA-256 over the canonical JSON of the record without its own hash. */
export function hashOf<T extends Chained>(record: Omit<T, 'hash'> | T): string {
  const { hash: _ignored, ...body } = record as T;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function link<T extends Chained>(body: Omit<T, 'hash' | 'prevHash'>, prevHash: string): T {
  const withPrev = { ...body, prevHash } as Omit<T, 'hash'>;
  return { ...withPrev, hash: hashOf<T>(withPrev) } as T;
}

export interface ChainBreak {
  index: number;
  reason: 'hash' | 'link';
}

/**
 * Walks a chain from its start and names the first record that does not
 * match: its own hash was altered (`hash`), or it does not follow the record
 * before it (`link`: a record removed, inserted or reordered).
 */
export function findBreak<T extends Chained>(records: Iterable<T>, startHash: string = GENESIS_HASH): { checked: number; head: string; brk: ChainBreak | null } {
  let expectedPrev = startHash;
  let index = 0;
  for (const record of records) {
    if (record.prevHash !== expectedPrev) return { checked: index, head: expectedPrev, brk: { index, reason: 'link' } };
    if (hashOf(record) !== record.hash) return { checked: index, head: expectedPrev, brk: { index, reason: 'hash' } };
    expectedPrev = record.hash;
    index += 1;
  }
  return { checked: index, head: expectedPrev, brk: null };
}

/** The short form printed on forms and shown on screen: 16 hex digits in groups of four. */
export function shortHash(hash: string): string {
  return (hash.slice(0, 16).match(/.{4}/g) ?? []).join('-').toUpperCase();
}
