import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { findBreak, GENESIS_HASH, link, shortHash, type Chained } from './hash-chain';

interface Rec extends Chained {
  n: number;
  text: string;
}

function chain(count: number): Rec[] {
  const out: Rec[] = [];
  let prev = GENESIS_HASH;
  for (let n = 0; n < count; n++) {
    const rec = link<Rec>({ n, text: `registro ${n}` }, prev);
    out.push(rec);
    prev = rec.hash;
  }
  return out;
}

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 }));
    expect(canonicalJson({ a: undefined, b: 'ñ' })).toBe('{"b":"ñ"}');
  });
});

describe('hash chain', () => {
  it('verifies an intact chain and reports its head', () => {
    const records = chain(5);
    expect(findBreak(records)).toEqual({ checked: 5, head: records[4]!.hash, brk: null });
  });

  it('names the exact record whose content was edited', () => {
    const records = chain(6);
    records[3] = { ...records[3]!, text: 'alterado' };
    expect(findBreak(records).brk).toEqual({ index: 3, reason: 'hash' });
  });

  it('finds a removed record and a reordered pair', () => {
    const removed = chain(5);
    removed.splice(2, 1);
    expect(findBreak(removed).brk).toEqual({ index: 2, reason: 'link' });
    const swapped = chain(5);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(findBreak(swapped).brk).toEqual({ index: 1, reason: 'link' });
  });

  it('finds a record re-hashed after editing (the next one no longer links)', () => {
    const records = chain(4);
    records[1] = link<Rec>({ n: 1, text: 'alterado' }, records[0]!.hash);
    expect(findBreak(records).brk).toEqual({ index: 2, reason: 'link' });
  });

  it('prints a short form of the head', () => {
    expect(shortHash('abcdef0123456789ffff')).toBe('ABCD-EF01-2345-6789');
  });
});
