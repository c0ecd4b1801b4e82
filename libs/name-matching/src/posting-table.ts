// Postings of the watchlist index: for each candidate key (a non-negative 31-bit integer), the entry
// slots filed under it, each with a 16-bit birth-date code so that a lookup drops entries of other years
// without touching the entries themselves. Typed arrays only:
//
// - a compacted part: per key one contiguous run of (slot, date) in two arrays, ordered by date code, so
//   that a lookup finds the entries of the years it wants by binary search;
// - a recent part: postings added since the last compaction, as linked nodes per key.
//
// Compaction merges the two; it runs when the recent part has grown as large as the compacted one (so
// each posting is copied a bounded number of times), or when the owner asks after a bulk load. Postings
// are only added: removed entries are skipped by the reader and dropped when the owner rebuilds.

const EMPTY = -1;
const MAX_LOAD = 0.7;
const MIN_RECENT = 1 << 16;

/** A key → value-index table with open addressing. */
class KeyTable {
  keys: Int32Array;
  values: Int32Array;
  private bits: number;
  size = 0;

  constructor(expected: number) {
    this.bits = Math.max(4, Math.ceil(Math.log2(Math.max(16, expected) / MAX_LOAD)));
    this.keys = new Int32Array(1 << this.bits).fill(EMPTY);
    this.values = new Int32Array(1 << this.bits).fill(EMPTY);
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /** The table position of `key`: holding it, or the empty one where it would go. */
  find(key: number): number {
    const mask = (1 << this.bits) - 1;
    let at = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const found = this.keys[at] ?? 0;
      if (found === key || found === EMPTY) return at;
      at = (at + 1) & mask;
    }
  }

  /** The position of `key`, inserted if new (its value then EMPTY). */
  insert(key: number): number {
    let at = this.find(key);
    if (this.keys[at] === key) return at;
    if ((this.size + 1) / this.keys.length > MAX_LOAD) {
      this.grow();
      at = this.find(key);
    }
    this.keys[at] = key;
    this.size++;
    return at;
  }

  private grow(): void {
    const { keys, values } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits).fill(EMPTY);
    this.values = new Int32Array(1 << this.bits).fill(EMPTY);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const at = this.find(keys[i] ?? 0);
      this.keys[at] = keys[i] ?? 0;
      this.values[at] = values[i] ?? 0;
    }
  }
}

export class PostingTable {
  // Compacted: per key a run [start, start + count) of slots and dates.
  private compactedKeys = new KeyTable(16);
  private runStart = new Int32Array(16);
  private runCount = new Int32Array(16);
  /** Slots and date codes of the compacted runs. */
  slots = new Int32Array(0);
  dates = new Uint16Array(0);
  // Recent: linked nodes.
  private recentKeys = new KeyTable(1024);
  nodeSlot = new Int32Array(1024);
  nodeDate = new Uint16Array(1024);
  nodeNext = new Int32Array(1024);
  private nodes = 0;

  get postingCount(): number {
    return this.slots.length + this.nodes;
  }

  get keyCount(): number {
    return this.compactedKeys.size + this.recentKeys.size;
  }

  /** Bytes held by the table's arrays (capacity, not only what is used). */
  get bytes(): number {
    return (
      this.compactedKeys.bytes +
      this.runStart.byteLength +
      this.runCount.byteLength +
      this.slots.byteLength +
      this.dates.byteLength +
      this.recentKeys.bytes +
      this.nodeSlot.byteLength +
      this.nodeDate.byteLength +
      this.nodeNext.byteLength
    );
  }

  add(key: number, slot: number, date: number): void {
    const at = this.recentKeys.insert(key);
    const head = this.recentKeys.values[at] ?? 0;
    if (head !== EMPTY && this.nodeSlot[head] === slot) return; // the same slot under the same key
    if (this.nodes === this.nodeSlot.length) {
      const size = Math.ceil(this.nodes * 1.5);
      this.nodeSlot = resized(this.nodeSlot, new Int32Array(size));
      this.nodeDate = resized(this.nodeDate, new Uint16Array(size));
      this.nodeNext = resized(this.nodeNext, new Int32Array(size));
    }
    this.nodeSlot[this.nodes] = slot;
    this.nodeDate[this.nodes] = date;
    this.nodeNext[this.nodes] = head;
    this.recentKeys.values[at] = this.nodes++;
    if (this.nodes >= MIN_RECENT && this.nodes >= this.slots.length) this.compact();
  }

  /** Where `key`'s compacted run starts (and `runLength` how long it is), or -1. */
  runOf(key: number): number {
    const at = this.compactedKeys.find(key);
    const index = this.compactedKeys.values[at] ?? 0;
    if (index === EMPTY) {
      this.runLength = 0;
      return EMPTY;
    }
    this.runLength = this.runCount[index] ?? 0;
    return this.runStart[index] ?? 0;
  }

  /** The length of the run `runOf` found last. */
  runLength = 0;

  /** The first recent node under `key`, or -1; follow `nodeNext`. */
  firstRecent(key: number): number {
    const at = this.recentKeys.find(key);
    return this.recentKeys.keys[at] === EMPTY ? EMPTY : (this.recentKeys.values[at] ?? 0);
  }

  /** Merges the recent postings into the compacted runs. */
  compact(): void {
    if (this.nodes === 0) return;
    const old = {
      keys: this.compactedKeys,
      start: this.runStart,
      count: this.runCount,
      slots: this.slots,
      dates: this.dates,
    };
    const keys = new KeyTable(old.keys.size + this.recentKeys.size);
    const count: number[] = [];
    const indexOf = (key: number) => {
      const at = keys.insert(key);
      if (keys.values[at] === EMPTY) {
        keys.values[at] = count.length;
        count.push(0);
      }
      return keys.values[at] ?? 0;
    };
    for (let i = 0; i < old.keys.keys.length; i++)
      if (old.keys.keys[i] !== EMPTY) {
        const index = indexOf(old.keys.keys[i] ?? 0);
        count[index] = (count[index] ?? 0) + (old.count[old.keys.values[i] ?? 0] ?? 0);
      }
    for (let i = 0; i < this.recentKeys.keys.length; i++) {
      if (this.recentKeys.keys[i] === EMPTY) continue;
      const index = indexOf(this.recentKeys.keys[i] ?? 0);
      for (let node = this.recentKeys.values[i] ?? EMPTY; node !== EMPTY; node = this.nodeNext[node] ?? EMPTY)
        count[index] = (count[index] ?? 0) + 1;
    }
    const start = new Int32Array(count.length);
    let total = 0;
    count.forEach((c, i) => {
      start[i] = total;
      total += c;
    });
    const slots = new Int32Array(total);
    const dates = new Uint16Array(total);
    const filled = new Int32Array(count.length);
    const put = (index: number, slot: number, date: number) => {
      const at = (start[index] ?? 0) + (filled[index] ?? 0);
      filled[index] = (filled[index] ?? 0) + 1;
      slots[at] = slot;
      dates[at] = date;
    };
    for (let i = 0; i < old.keys.keys.length; i++) {
      if (old.keys.keys[i] === EMPTY) continue;
      const index = indexOf(old.keys.keys[i] ?? 0);
      const from = old.start[old.keys.values[i] ?? 0] ?? 0;
      for (let p = from; p < from + (old.count[old.keys.values[i] ?? 0] ?? 0); p++)
        put(index, old.slots[p] ?? 0, old.dates[p] ?? 0);
    }
    for (let i = 0; i < this.recentKeys.keys.length; i++) {
      if (this.recentKeys.keys[i] === EMPTY) continue;
      const index = indexOf(this.recentKeys.keys[i] ?? 0);
      for (let node = this.recentKeys.values[i] ?? 0; node !== EMPTY; node = this.nodeNext[node] ?? 0)
        put(index, this.nodeSlot[node] ?? 0, this.nodeDate[node] ?? 0);
    }
    sortRuns(start, count, slots, dates);
    this.compactedKeys = keys;
    this.runStart = start;
    this.runCount = Int32Array.from(count);
    this.slots = slots;
    this.dates = dates;
    this.recentKeys = new KeyTable(1024);
    this.nodeSlot = new Int32Array(1024);
    this.nodeDate = new Uint16Array(1024);
    this.nodeNext = new Int32Array(1024);
    this.nodes = 0;
  }
}

/** Orders each run by date code (then slot). */
function sortRuns(start: Int32Array, count: readonly number[], slots: Int32Array, dates: Uint16Array): void {
  const SLOT = 2 ** 31;
  let packed = new Float64Array(64);
  count.forEach((length, index) => {
    if (length < 2) return;
    const from = start[index] ?? 0;
    if (packed.length < length) packed = new Float64Array(length * 2);
    for (let i = 0; i < length; i++) packed[i] = (dates[from + i] ?? 0) * SLOT + (slots[from + i] ?? 0);
    const run = packed.subarray(0, length).sort();
    for (let i = 0; i < length; i++) {
      dates[from + i] = Math.floor((run[i] ?? 0) / SLOT);
      slots[from + i] = (run[i] ?? 0) % SLOT;
    }
  });
}

/** The first position in `dates[from, to)` (ordered) whose code is at least `code`. */
export function lowerBound(dates: Uint16Array, from: number, to: number, code: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((dates[mid] ?? 0) < code) low = mid + 1;
    else high = mid;
  }
  return low;
}

function resized<T extends Int32Array | Uint16Array>(from: T, to: T): T {
  to.set(from.subarray(0, Math.min(from.length, to.length)));
  return to;
}
