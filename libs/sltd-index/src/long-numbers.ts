/**
 * Document numbers too long to pack into a code (more than 12 characters), interned: each distinct
 * number gets a small id, which stands in for it in the record table, and a count of the records
 * that use it. Lookups of a long number that was never interned miss without touching the table.
 * Ids of numbers no record uses any more are reused.
 *
 * Long numbers are rare (ICAO document numbers have nine characters, national formats up to twelve),
 * so this side table, a `Map` of strings at some 80 bytes a number, stays small.
 */
export class LongNumbers {
  private readonly ids = new Map<string, number>();
  private readonly numbers: (string | undefined)[] = [];
  private readonly uses: number[] = [];
  private readonly free: number[] = [];
  private characters = 0;

  /** The id of an interned number, or `undefined`. */
  idOf(number: string): number | undefined {
    return this.ids.get(number);
  }

  /** The number an id stands for. */
  numberOf(id: number): string {
    const number = this.numbers[id];
    if (number === undefined) throw new RangeError(`long number ${id} is not in use`);
    return number;
  }

  /** The id of `number`, interned if it was not, counting one more record that uses it. */
  acquire(number: string): number {
    let id = this.ids.get(number);
    if (id === undefined) {
      id = this.free.pop() ?? this.numbers.length;
      this.ids.set(number, id);
      this.numbers[id] = number;
      this.uses[id] = 0;
      this.characters += number.length;
    }
    this.uses[id] = (this.uses[id] ?? 0) + 1;
    return id;
  }

  /** Counts one record less that uses `id`; forgets the number when none is left. */
  release(id: number): void {
    const uses = (this.uses[id] ?? 0) - 1;
    const number = this.numbers[id];
    if (number === undefined || uses < 0) throw new RangeError(`long number ${id} is not in use`);
    this.uses[id] = uses;
    if (uses > 0) return;
    this.ids.delete(number);
    this.numbers[id] = undefined;
    this.free.push(id);
    this.characters -= number.length;
  }

  /** How many distinct long numbers are interned. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * An estimate of the memory held: per number a `Map` entry (~40 bytes with the table's slack), a
   * string (~16 bytes of header and one byte a character) and two array elements.
   */
  get bytesUsed(): number {
    return this.ids.size * 72 + this.characters + this.numbers.length * 16;
  }

  /** Every id in use with its number and count of uses, for a snapshot. */
  toJSON(): { id: number; number: string; uses: number }[] {
    const entries: { id: number; number: string; uses: number }[] = [];
    this.numbers.forEach((number, id) => {
      if (number !== undefined) entries.push({ id, number, uses: this.uses[id] ?? 0 });
    });
    return entries;
  }

  /** The table a snapshot describes (`toJSON`). */
  static fromJSON(entries: readonly { id: number; number: string; uses: number }[]): LongNumbers {
    const table = new LongNumbers();
    let end = 0;
    for (const { id, number, uses } of entries) {
      if (!Number.isInteger(id) || id < 0 || table.numbers[id] !== undefined || !(uses > 0)) {
        throw new RangeError(`snapshot: invalid long number entry ${id}`);
      }
      table.ids.set(number, id);
      table.numbers[id] = number;
      table.uses[id] = uses;
      table.characters += number.length;
      end = Math.max(end, id + 1);
    }
    for (let id = 0; id < end; id++) {
      if (table.numbers[id] === undefined) {
        table.numbers[id] = undefined;
        table.free.push(id);
      }
    }
    return table;
  }
}
