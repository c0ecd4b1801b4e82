import { RecordTable } from './record-table.js';

/** A reference of what the table should hold: `hi:lo` → metas. */
function contents(table: RecordTable): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const [hi, lo, meta] of table.entries())
    map.set(`${hi}:${lo}`, [...(map.get(`${hi}:${lo}`) ?? []), meta].sort());
  return map;
}

function metasOf(table: RecordTable, hi: number, lo: number): number[] {
  const metas: number[] = [];
  table.forNumber(hi, lo, (meta) => metas.push(meta));
  return metas.sort();
}

describe('RecordTable', () => {
  it('finds every record of a number, grows, and removes without tombstones', () => {
    const table = new RecordTable();
    const reference = new Map<string, number[]>();
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20_000; i++) {
      // Few distinct numbers, so that many records share one (several states listing one number).
      const hi = random() % 3000;
      const lo = random() % 3;
      const meta = 1 + (random() % 50);
      const key = `${hi}:${lo}`;
      const metas = reference.get(key) ?? [];
      if (table.find(hi, lo, meta, 0xffffffff) >= 0) continue;
      table.insert(hi, lo, meta);
      reference.set(key, [...metas, meta].sort());
    }
    expect(table.slotCount).toBeGreaterThan(16);
    expect(table.size).toBe([...reference.values()].reduce((n, m) => n + m.length, 0));
    expect(contents(table)).toEqual(reference);

    // Remove about half, then every lookup still sees exactly what is left.
    for (const [key, metas] of reference) {
      const [hi, lo] = key.split(':').map(Number) as [number, number];
      const keep = metas.filter((meta) => meta % 2 === 0);
      for (const meta of metas.filter((m) => m % 2 === 1))
        table.removeAt(table.find(hi, lo, meta, 0xffffffff));
      if (keep.length) reference.set(key, keep);
      else reference.delete(key);
    }
    expect(contents(table)).toEqual(reference);
    for (let hi = 0; hi < 3000; hi++) {
      for (let lo = 0; lo < 3; lo++)
        expect(metasOf(table, hi, lo)).toEqual(reference.get(`${hi}:${lo}`) ?? []);
    }
  });

  it('stays exact when runs grow longer than the cached distance can tell', () => {
    const table = new RecordTable();
    // 3,000 records of one number share one home: distances run past the 2,047 the slot can cache.
    for (let meta = 1; meta <= 3000; meta++) table.insert(42, 7, meta);
    for (let hi = 0; hi < 3000; hi++) table.insert(hi + 100, 9, 1);
    expect(metasOf(table, 42, 7)).toHaveLength(3000);
    for (let hi = 0; hi < 3000; hi++) expect(metasOf(table, hi + 100, 9)).toEqual([1]);
    for (let meta = 1; meta <= 3000; meta += 2) table.removeAt(table.find(42, 7, meta, 0xffffffff));
    expect(metasOf(table, 42, 7)).toHaveLength(1500);
    for (let hi = 0; hi < 3000; hi++) expect(metasOf(table, hi + 100, 9)).toEqual([1]);
    expect(table.size).toBe(4500);
  });

  it('sizes itself for a known number of records', () => {
    const table = RecordTable.forRecords(1000);
    const slots = table.slotCount;
    for (let i = 0; i < 1000; i++) table.insert(i, 0, 1);
    expect(table.slotCount).toBe(slots);
    expect(table.byteLength).toBe(slots * 12);
    table.insert(1000, 0, 1);
    expect(table.slotCount).toBeGreaterThan(slots);
  });
});
