import { PostingTable, lowerBound } from './posting-table.js';

function read(table: PostingTable, key: number): [number, number][] {
  const found: [number, number][] = [];
  const start = table.runOf(key);
  for (let at = start; at !== -1 && at < start + table.runLength; at++)
    found.push([table.slots[at]!, table.dates[at]!]);
  for (let node = table.firstRecent(key); node !== -1; node = table.nodeNext[node]!)
    found.push([table.nodeSlot[node]!, table.nodeDate[node]!]);
  return found.sort((a, b) => a[0] - b[0]);
}

describe('PostingTable', () => {
  it('keeps every posting through compaction, each key’s run ordered by date code', () => {
    const table = new PostingTable();
    const expected = new Map<number, [number, number][]>();
    for (let slot = 0; slot < 200_000; slot++) {
      const key = (slot * 7919) % 1013;
      const date = (slot * 31) % 500;
      table.add(key, slot, date);
      expected.set(key, [...(expected.get(key) ?? []), [slot, date]]);
    }
    table.compact();
    expect(table.postingCount).toBe(200_000);
    for (const [key, postings] of expected) {
      expect(read(table, key)).toEqual(postings.sort((a, b) => a[0] - b[0]));
      const start = table.runOf(key);
      const dates = Array.from(table.dates.subarray(start, start + table.runLength));
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
    }
    expect(read(table, 5000)).toEqual([]);
  });

  it('does not file a slot twice in a row under one key', () => {
    const table = new PostingTable();
    table.add(1, 7, 0);
    table.add(1, 7, 0);
    expect(table.postingCount).toBe(1);
  });

  it('finds where a date code starts in an ordered run', () => {
    const dates = Uint16Array.from([0, 0, 3, 5, 5, 9]);
    expect(lowerBound(dates, 0, 6, 5)).toBe(3);
    expect(lowerBound(dates, 0, 6, 10)).toBe(6);
    expect(lowerBound(dates, 2, 6, 0)).toBe(2);
  });
});
