import { sealKey } from '../../../shared/domain/seals';

/** FNV-1a over the key's UTF-16 units: a number, so the index holds no second copy of every seal's text. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Which slots record a seal, by a hash of the seal's key (docs/DOMAIN.md,
 * "Seals"). Checking a new seal against every row's seals read 100,000 rows
 * and normalised 200,000 numbers at ten years, on every save that carries
 * seals; this answers from a handful of candidates. A hash may collide, so
 * callers confirm a candidate against its seals (`RowTable.slotsWithSeal`).
 */
export class SealSlots {
  private readonly byHash = new Map<number, number | number[]>();

  add(slot: number, seals: readonly string[]): void {
    for (const seal of seals) {
      const h = hashOf(sealKey(seal));
      const held = this.byHash.get(h);
      if (held === undefined) this.byHash.set(h, slot);
      else if (typeof held === 'number') {
        if (held !== slot) this.byHash.set(h, [held, slot]);
      } else if (!held.includes(slot)) held.push(slot);
    }
  }

  remove(slot: number, seals: readonly string[]): void {
    for (const seal of seals) {
      const h = hashOf(sealKey(seal));
      const held = this.byHash.get(h);
      if (held === slot) this.byHash.delete(h);
      else if (Array.isArray(held)) {
        const rest = held.filter((s) => s !== slot);
        this.byHash.set(h, rest.length === 1 ? (rest[0] as number) : rest);
      }
    }
  }

  /** Slots that may record a seal of this key (a superset: confirm each). */
  candidates(key: string): readonly number[] {
    const held = this.byHash.get(hashOf(key));
    return held === undefined ? [] : typeof held === 'number' ? [held] : held;
  }
}
