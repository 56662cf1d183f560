/**
 * Few distinct values (states, agencies, people, months, partitions), each
 * kept once and stored as its number: the column stores of shipments' rows
 * and custody events hold numbers instead of repeating the values.
 */
export class Codes<T> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();

  /** The value's number, giving it the next one when it is new. */
  no(value: T): number {
    let n = this.index.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.index.set(value, n);
    }
    return n;
  }

  find(value: T): number | undefined {
    return this.index.get(value);
  }

  /** The codes a checkpoint listed, in its order; a repeated value means the list is not one. */
  static of<T>(values: readonly T[]): Codes<T> {
    const codes = new Codes<T>();
    for (const value of values) codes.no(value);
    if (codes.values.length !== values.length) throw new Error('a checkpoint table repeats a value');
    return codes;
  }
}
