/**
 * Ids kept as bytes. Every custody event and shipment id the app writes is a
 * random UUID: as a JavaScript string one takes about 64 bytes of memory, and
 * as part of a JSON array in the checkpoint it must be parsed back (at ten
 * years, 500,000 of them took a quarter of a second). Here each is its 36
 * ASCII characters in one shared buffer, copied in and out by one native
 * call. Ids of another shape (older test data) are kept apart as strings.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ID_BYTES = 36;

/** A growable column of ids, one per position. */
export class IdColumn {
  private bytes: Buffer;
  /** ids that are not UUIDs, by position (their bytes stay zero) */
  private readonly odd = new Map<number, string>();

  /** A new column with room for `capacity` ids, or the column whose bytes are `bytes` (used as they are, not copied). */
  constructor(capacityOrBytes: number | Uint8Array, odd?: ReadonlyArray<[number, string]>) {
    this.bytes = typeof capacityOrBytes === 'number' ? Buffer.alloc(capacityOrBytes * ID_BYTES) : Buffer.from(capacityOrBytes.buffer, capacityOrBytes.byteOffset, capacityOrBytes.byteLength);
    for (const [pos, id] of odd ?? []) this.odd.set(pos, id);
  }

  set(pos: number, id: string): void {
    if ((pos + 1) * ID_BYTES > this.bytes.length) {
      const next = Buffer.alloc(Math.max(this.bytes.length * 2, (pos + 1) * ID_BYTES));
      next.set(this.bytes);
      this.bytes = next;
    }
    if (UUID.test(id)) this.bytes.write(id, pos * ID_BYTES, 'latin1');
    else this.odd.set(pos, id);
  }

  get(pos: number): string {
    return this.odd.get(pos) ?? this.bytes.toString('latin1', pos * ID_BYTES, (pos + 1) * ID_BYTES);
  }

  /** The first `count` ids as the checkpoint stores them: their bytes, and the odd ones apart. */
  encode(count: number): { bytes: Buffer; odd: Array<[number, string]> } {
    return { bytes: this.bytes.subarray(0, count * ID_BYTES), odd: [...this.odd].filter(([pos]) => pos < count) };
  }
}

/** A list of ids as the checkpoint stores it (see IdColumn.encode). */
export function packIds(ids: readonly string[]): { bytes: Buffer; odd: Array<[number, string]> } {
  const column = new IdColumn(ids.length);
  ids.forEach((id, pos) => column.set(pos, id));
  return column.encode(ids.length);
}

export function unpackIds(bytes: Uint8Array, count: number, odd: ReadonlyArray<[number, string]>): string[] {
  const column = new IdColumn(bytes.subarray(0, count * ID_BYTES), odd);
  return Array.from({ length: count }, (_, pos) => column.get(pos));
}
