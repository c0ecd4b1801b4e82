import { numberHash } from './number-code.js';

/**
 * An open-addressing hash table of records in one `Uint32Array`, three words a slot:
 * `[hi, lo, meta]`: the number's code (`number-code.ts`) and the meta word (`record-meta.ts`, bits
 * 0-20; 0 marks an empty slot). 12 bytes a slot, at a load factor between 0.53 and 0.8.
 *
 * The home slot of a record depends on its number only, and collisions are resolved by linear
 * probing with Robin Hood ordering: along the table, records are kept sorted by home slot, so all
 * records of one number (every state and type that lists it) lie in one run at or after its home.
 * A scan stops at an empty slot or at a record whose home lies after the number's home, which keeps
 * probes short at high load. Deletion shifts the following records back (no tombstones), which
 * keeps that order.
 *
 * Bits 21-31 of the meta word cache how far the record lies from its home, saturating at 2047 (then
 * it is computed from the hash), so that scans compare without hashing.
 */

// A module binding rather than a `Math.` lookup: inside a vm context (Jest) global lookups are slow.
const { floor, min } = Math;

const STRIDE = 3;
/** Grow before the table is fuller than this. */
export const MAX_LOAD = 0.8;
const GROWTH = 1.5;
const MIN_CAPACITY = 16;
const TWO_32 = 4294967296;
/** The bits of the meta word that belong to the caller. */
export const RECORD_BITS = 0x1fffff;
const DISTANCE_SHIFT = 21;
const DISTANCE_SATURATED = 0x7ff;

export class RecordTable {
  private slots: Uint32Array;
  private capacity: number;
  private count = 0;

  constructor(capacity: number = MIN_CAPACITY) {
    this.capacity = Math.max(MIN_CAPACITY, Math.ceil(capacity));
    this.slots = new Uint32Array(this.capacity * STRIDE);
  }

  /** A table that holds `records` records before it needs to grow. */
  static forRecords(records: number): RecordTable {
    return new RecordTable(Math.ceil(records / MAX_LOAD) + 1);
  }

  /** A table over the raw slots of another (`raw`), holding `count` records. */
  static fromRaw(raw: Uint32Array, count: number): RecordTable {
    if (raw.length % STRIDE !== 0 || raw.length / STRIDE < MIN_CAPACITY || count > raw.length / STRIDE) {
      throw new RangeError(`record table: ${raw.length} words do not make a table of ${count} records`);
    }
    const table = new RecordTable(MIN_CAPACITY);
    table.slots = raw;
    table.capacity = raw.length / STRIDE;
    table.count = count;
    return table;
  }

  get size(): number {
    return this.count;
  }

  get slotCount(): number {
    return this.capacity;
  }

  get byteLength(): number {
    return this.slots.byteLength;
  }

  /** The slots themselves, for a snapshot. Not a copy. */
  get raw(): Uint32Array {
    return this.slots;
  }

  /** The home slot of a number. Multiply-shift keeps it below `capacity` for any capacity. */
  private home(hi: number, lo: number): number {
    return floor((numberHash(hi, lo) * this.capacity) / TWO_32);
  }

  /** How far the record in `slot`, whose meta word is `word`, lies from its home. */
  private distanceOf(slot: number, word: number): number {
    const cached = word >>> DISTANCE_SHIFT;
    if (cached !== DISTANCE_SATURATED) return cached;
    const home = this.home(this.slots[slot * STRIDE] ?? 0, this.slots[slot * STRIDE + 1] ?? 0);
    return slot >= home ? slot - home : slot + this.capacity - home;
  }

  private write(slot: number, hi: number, lo: number, meta: number, distance: number): void {
    const base = slot * STRIDE;
    this.slots[base] = hi;
    this.slots[base + 1] = lo;
    this.slots[base + 2] =
      ((meta & RECORD_BITS) | (min(distance, DISTANCE_SATURATED) << DISTANCE_SHIFT)) >>> 0;
  }

  /**
   * Calls `visit(meta, slot)` for every record of the number `(hi, lo)`, in table order.
   * `visit` must not change the table.
   */
  forNumber(hi: number, lo: number, visit: (meta: number, slot: number) => void): void {
    const slots = this.slots;
    let slot = this.home(hi, lo);
    for (let distance = 0; ; distance++) {
      const base = slot * STRIDE;
      const word = slots[base + 2] ?? 0;
      if (word === 0) return;
      if (slots[base] === hi && slots[base + 1] === lo) visit(word & RECORD_BITS, slot);
      else if (this.distanceOf(slot, word) < distance) return;
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
  }

  /** The slot of the record of number `(hi, lo)` whose meta equals `meta` under `mask`, or -1. */
  find(hi: number, lo: number, meta: number, mask: number): number {
    let found = -1;
    const key = meta & mask;
    this.forNumber(hi, lo, (candidate, slot) => {
      if (found < 0 && (candidate & mask) === key) found = slot;
    });
    return found;
  }

  metaAt(slot: number): number {
    return (this.slots[slot * STRIDE + 2] ?? 0) & RECORD_BITS;
  }

  /** Replaces the meta of an occupied slot; it must keep the record's key bits. */
  setMetaAt(slot: number, meta: number): void {
    const base = slot * STRIDE + 2;
    this.slots[base] = (((this.slots[base] ?? 0) & ~RECORD_BITS) | (meta & RECORD_BITS)) >>> 0;
  }

  /** Adds a record that is not in the table (the caller has checked with `find`). */
  insert(hi: number, lo: number, meta: number): void {
    if ((meta & RECORD_BITS) === 0 || meta !== (meta & RECORD_BITS)) {
      throw new RangeError(`record table: meta ${meta} is not 1 to 21 bits`);
    }
    if (this.count + 1 > this.capacity * MAX_LOAD) this.resize(Math.ceil(this.capacity * GROWTH));
    this.place(hi, lo, meta);
    this.count++;
  }

  private place(hi: number, lo: number, meta: number): void {
    const slots = this.slots;
    let slot = this.home(hi, lo);
    for (let distance = 0; ; distance++) {
      const base = slot * STRIDE;
      const word = slots[base + 2] ?? 0;
      if (word === 0) {
        this.write(slot, hi, lo, meta, distance);
        return;
      }
      const theirs = this.distanceOf(slot, word);
      if (theirs < distance) {
        // Robin Hood: the record further from home takes the slot; the other one moves on.
        const h = slots[base] ?? 0;
        const l = slots[base + 1] ?? 0;
        this.write(slot, hi, lo, meta, distance);
        hi = h;
        lo = l;
        meta = word & RECORD_BITS;
        distance = theirs;
      }
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
  }

  /** Removes the record in `slot`, shifting the records after it one slot back towards their homes. */
  removeAt(slot: number): void {
    const slots = this.slots;
    let hole = slot;
    for (;;) {
      const next = hole + 1 === this.capacity ? 0 : hole + 1;
      const base = next * STRIDE;
      const word = slots[base + 2] ?? 0;
      if (word === 0) break;
      const distance = this.distanceOf(next, word);
      if (distance === 0) break;
      this.write(hole, slots[base] ?? 0, slots[base + 1] ?? 0, word, distance - 1);
      hole = next;
    }
    slots.fill(0, hole * STRIDE, hole * STRIDE + STRIDE);
    this.count--;
  }

  /** Every record as `[hi, lo, meta]`, in table order. */
  *entries(): IterableIterator<[hi: number, lo: number, meta: number]> {
    const slots = this.slots;
    for (let base = 0; base < slots.length; base += STRIDE) {
      const word = slots[base + 2] ?? 0;
      if (word !== 0) yield [slots[base] ?? 0, slots[base + 1] ?? 0, word & RECORD_BITS];
    }
  }

  /** Rehashes into `capacity` slots (at least enough for the records held). */
  resize(capacity: number): void {
    const old = this.slots;
    this.capacity = Math.max(MIN_CAPACITY, Math.ceil(capacity), Math.ceil(this.count / MAX_LOAD) + 1);
    this.slots = new Uint32Array(this.capacity * STRIDE);
    for (let base = 0; base < old.length; base += STRIDE) {
      const word = old[base + 2] ?? 0;
      if (word !== 0) this.place(old[base] ?? 0, old[base + 1] ?? 0, word & RECORD_BITS);
    }
  }
}
