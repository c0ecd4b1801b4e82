import { blankSeriesKey, documentKey, isInBlankSeries } from '@docscreen/travel-documents';
import { parseNationalListSync } from '../parser.js';
import type { NationalListEntry, NationalListEvent, NationalListSeries } from '../types.js';
import { CompiledFormat, NUMBER_FORMATS } from './number-formats.js';
import {
  GENERATOR_DEFAULT_TODAY,
  SyntheticNationalList,
  generateNationalList,
  sampleListed,
  sampleUnlisted,
} from './synthetic-list.js';

const TODAY = GENERATOR_DEFAULT_TODAY;

function entryKey(entry: NationalListEntry | NationalListEvent): string {
  if (entry.kind === 'record') return documentKey(entry.record);
  if (entry.kind === 'series') return blankSeriesKey(entry.series);
  throw new Error(`not an entry: ${JSON.stringify(entry)}`);
}

describe('generateNationalList', () => {
  it('is deterministic for a seed, and differs between seeds', () => {
    const options = { count: 2000, seed: 7, format: 'csv' } as const;
    const first = [...generateNationalList(options)];
    expect([...generateNationalList(options)]).toEqual(first);
    expect([...generateNationalList({ ...options, seed: 8 })]).not.toEqual(first);
    expect(first).toHaveLength(2001);
    expect(first[0]).toBe(
      'issuing_state,document_type,document_number,status,reported_on,lost_on,authority_reference,series_prefix,series_first,series_last',
    );
  });

  it('makes any line on its own, the same as in order', () => {
    const list = new SyntheticNationalList({ count: 5000, seed: 3, format: 'jsonl' });
    const lines = [...list.lines()];
    for (const index of [0, 1, 999, 2500, 4999]) expect(list.line(index)).toBe(lines[index]);
    expect(list.entry(4999).line).toBe(5000);
    expect(() => list.entry(5000)).toThrow(RangeError);
  });

  it('lists no document or series twice in 200,000 lines, which parse with no reject', () => {
    const list = new SyntheticNationalList({ count: 200_000, seed: 2026, format: 'csv' });
    const keys = new Set<string>();
    let rejects = 0;
    for (const event of parseNationalListSync(list.lines(), { today: TODAY })) {
      if (event.kind === 'reject' || event.kind === 'warning') rejects++;
      else keys.add(entryKey(event));
    }
    expect(rejects).toBe(0);
    expect(keys.size).toBe(200_000);
  });

  it.each(['csv', 'jsonl'] as const)(
    'makes %s lines that parse with no reject into exactly its entries',
    (format) => {
      const list = new SyntheticNationalList({ count: 20_000, seed: 11, format, seriesEvery: 100 });
      const events = [...parseNationalListSync(list.lines(), { today: TODAY })];
      expect(events.filter((event) => event.kind === 'reject' || event.kind === 'warning')).toEqual([]);
      expect(events).toEqual([...list.entries()]);
    },
  );

  it('parses with no reject under the real clock too', () => {
    const list = new SyntheticNationalList({ count: 20_000, seed: 5, format: 'csv' });
    expect([...parseNationalListSync(list.lines())].filter((event) => event.kind === 'reject')).toEqual([]);
  });

  it('looks like a national list: statuses, types, dates, references, series', () => {
    const count = 100_000;
    const list = new SyntheticNationalList({ count, seed: 99, format: 'csv' });
    const statuses = new Map<string, number>();
    const types = new Map<string, number>();
    const states = new Set<string>();
    let lostOn = 0;
    let references = 0;
    let quoted = 0;
    const series: NationalListSeries[] = [];
    for (const line of list.lines()) if (line.includes('"')) quoted++;
    const badDates: string[] = [];
    for (const entry of list.entries()) {
      if (entry.kind === 'series') {
        series.push(entry.series);
        continue;
      }
      const { record } = entry;
      statuses.set(record.status, (statuses.get(record.status) ?? 0) + 1);
      types.set(record.documentType, (types.get(record.documentType) ?? 0) + 1);
      states.add(record.issuingState);
      if (record.lostOn !== undefined) {
        lostOn++;
        if (record.lostOn > record.reportedOn) badDates.push(`${entry.line}: lost_on after reported_on`);
      }
      if (record.authorityReference !== undefined) references++;
      if (record.reportedOn > TODAY || record.reportedOn < '2016-01-01')
        badDates.push(`${entry.line}: reported_on`);
    }
    expect(badDates).toEqual([]);
    const share = (map: Map<string, number>, key: string) => (map.get(key) ?? 0) / count;
    expect(share(statuses, 'lost') + share(statuses, 'stolen')).toBeGreaterThan(0.85);
    expect(share(statuses, 'revoked')).toBeGreaterThan(0.03);
    expect(share(statuses, 'invalidated')).toBeGreaterThan(0.02);
    expect(share(types, 'PASSPORT')).toBeGreaterThan(0.75);
    expect(share(types, 'IDENTITY_CARD')).toBeGreaterThan(0.05);
    expect(share(types, 'VISA')).toBeGreaterThan(0.02);
    expect(states.size).toBeGreaterThanOrEqual(20);
    expect(lostOn / count).toBeGreaterThan(0.3);
    expect(references / count).toBeGreaterThan(0.5);
    expect(quoted).toBeGreaterThan(100);
    // One series in each block of 1,000 lines.
    expect(series).toHaveLength(100);
    expect([...list.seriesIndices()]).toHaveLength(100);
    const sizes = series.map((s) => Number(s.lastNumber) - Number(s.firstNumber) + 1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5000);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeGreaterThan(2000);
  });

  it('keeps to the states asked for, and can leave out series', () => {
    const list = new SyntheticNationalList({
      count: 3000,
      seed: 1,
      format: 'csv',
      states: ['NLD', 'D'],
      seriesEvery: 0,
    });
    const seen = new Set(
      [...list.entries()].map((e) => (e.kind === 'record' ? e.record.issuingState : 'series')),
    );
    expect([...seen].sort()).toEqual(['D', 'NLD']);
    expect(() => new SyntheticNationalList({ count: 1, seed: 1, format: 'csv', states: ['XXX'] })).toThrow(
      /no number format for "XXX"/,
    );
    expect(() => new SyntheticNationalList({ count: 1, seed: 1, format: 'csv', states: ['PRT'] })).toThrow(
      /set seriesEvery: 0/,
    );
    expect(
      () => new SyntheticNationalList({ count: 1_000_000, seed: 1, format: 'csv', seriesEvery: 1 }),
    ).toThrow(/raise seriesEvery/);
    expect(() => new SyntheticNationalList({ count: 1e9, seed: 1, format: 'csv' })).toThrow(/count/);
    // The largest list of all states, with the default series, fits; one more line does not.
    expect(new SyntheticNationalList({ count: 67_600_000, seed: 1, format: 'csv' }).count).toBe(67_600_000);
    expect(() => new SyntheticNationalList({ count: 67_600_001, seed: 1, format: 'csv' })).toThrow(
      'count: 67600001 exceeds the 67600000 numbers of the ITA I format',
    );
    expect(
      () => new SyntheticNationalList({ count: 1, seed: 1, format: 'csv', today: '2026-13-01' }),
    ).toThrow(/today/);
  });

  it('dates its reports in the ten years up to today', () => {
    const list = new SyntheticNationalList({ count: 5000, seed: 4, format: 'csv', today: '2020-02-29' });
    const dates = [...list.entries()].map((e) =>
      e.kind === 'record' ? e.record.reportedOn : e.series.reportedOn,
    );
    dates.sort();
    expect(dates[0]! >= '2010-02-27').toBe(true);
    expect(dates[0]! < '2010-04-01').toBe(true);
    expect(dates.at(-1)! <= '2020-02-29').toBe(true);
    expect(dates.at(-1)! > '2020-01-01').toBe(true);
  });
});

describe('samples', () => {
  const options = { count: 30_000, seed: 21, format: 'csv', seriesEvery: 100 } as const;
  const list = new SyntheticNationalList(options);
  const entries = [...list.entries()];
  const recordKeys = new Set(entries.filter((e) => e.kind === 'record').map(entryKey));
  const seriesByState = list.listedSeries();

  it('sampleListed picks listed numbers, by record or in a series', () => {
    const samples = sampleListed(options, 2000, 1);
    expect(samples).toEqual(list.sampleListed(2000, 1));
    expect(samples.some((s) => s.via === 'series')).toBe(true);
    for (const sample of samples) {
      const entry = entries[sample.line - 2]!;
      if (sample.via === 'record') {
        expect(recordKeys.has(documentKey(sample))).toBe(true);
        expect(entry).toMatchObject({ kind: 'record', record: { documentNumber: sample.documentNumber } });
      } else {
        expect(entry.kind).toBe('series');
        if (entry.kind === 'series') expect(isInBlankSeries(sample.documentNumber, entry.series)).toBe(true);
      }
    }
  });

  it('sampleUnlisted picks numbers listed under no type and in no series of their state', () => {
    const numbersByState = new Map<string, Set<string>>();
    for (const entry of entries) {
      if (entry.kind !== 'record') continue;
      const set = numbersByState.get(entry.record.issuingState) ?? new Set();
      set.add(entry.record.documentNumber);
      numbersByState.set(entry.record.issuingState, set);
    }
    const samples = sampleUnlisted(options, 2000, 3);
    expect(new Set(samples.map((s) => s.issuingState)).size).toBeGreaterThan(10);
    const listed = samples.filter(
      (sample) =>
        (numbersByState.get(sample.issuingState)?.has(sample.documentNumber) ?? false) ||
        (seriesByState.get(sample.issuingState) ?? []).some((series) =>
          isInBlankSeries(sample.documentNumber, series),
        ),
    );
    expect(listed).toEqual([]);
  });

  it('no record lies in a series of its state', () => {
    const inSeries = entries.filter(
      (entry) =>
        entry.kind === 'record' &&
        (seriesByState.get(entry.record.issuingState) ?? []).some((series) =>
          isInBlankSeries(entry.record.documentNumber, series),
        ),
    );
    expect(inSeries).toEqual([]);
    expect([...seriesByState.values()].flat()).toHaveLength(300);
  });
});

describe('NUMBER_FORMATS', () => {
  /** Whether two patterns (alphabets by position) share a number. */
  const overlap = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((alphabet, i) => [...alphabet].some((c) => (b[i] ?? '').includes(c)));
  const seriesPattern = (f: CompiledFormat) => {
    const digits = f.definition.series?.digits ?? 0;
    return [...(f.seriesPrefixAlphabets ?? []), ...Array.from({ length: digits }, () => '0123456789')];
  };

  it('has one format per state and type, disjoint within a state, records apart from series', () => {
    const compiled = NUMBER_FORMATS.map((f) => new CompiledFormat(f));
    const pairs = new Set(NUMBER_FORMATS.map((f) => `${f.issuingState}:${f.documentCode}`));
    expect(pairs.size).toBe(NUMBER_FORMATS.length);
    expect(new Set(NUMBER_FORMATS.map((f) => f.issuingState)).size).toBeGreaterThanOrEqual(20);
    for (const a of compiled) {
      if (a.seriesCapacity > 0) expect(overlap(a.recordAlphabets, seriesPattern(a))).toBe(false);
      for (const b of compiled) {
        if (a === b || a.definition.issuingState !== b.definition.issuingState) continue;
        expect(overlap(a.recordAlphabets, b.recordAlphabets)).toBe(false);
        if (b.seriesCapacity > 0) expect(overlap(a.recordAlphabets, seriesPattern(b))).toBe(false);
      }
    }
  });

  it('have room for 10 million records each', () => {
    for (const f of NUMBER_FORMATS)
      expect(new CompiledFormat(f).recordSpace).toBeGreaterThanOrEqual(10_000_000);
  });

  it('include the shapes the brief names', () => {
    const find = (state: string, code: string) => {
      const f = NUMBER_FORMATS.find((x) => x.issuingState === state && x.documentCode === code);
      if (f === undefined) throw new Error(`${state} ${code}`);
      return new CompiledFormat(f);
    };
    expect(find('NLD', 'P').recordAlphabets.every((alphabet) => !alphabet.includes('O'))).toBe(true);
    expect(find('USA', 'P').recordAlphabets).toHaveLength(9);
    expect(find('FRA', 'P').recordNumber(0)).toMatch(/^\d{2}[A-Z]{2}\d{5}$/);
    expect(find('ITA', 'P').recordNumber(123_456)).toMatch(/^[A-Z]{2}\d{7}$/);
    expect(find('ESP', 'P').recordNumber(987_654_321)).toMatch(/^[A-Z]{3}\d{6}$/);
    expect(find('D', 'P').recordNumber(55_555)).toMatch(/^[CFGHJKLMNPRTVWXYZ0-9]{9}$/);
  });
});

describe('a 10-million-line list', () => {
  it('is set up in constant memory and makes its last lines directly', () => {
    const list = new SyntheticNationalList({ count: 10_000_000, seed: 1, format: 'csv' });
    const before = process.memoryUsage().heapUsed;
    const keys = new Set<string>();
    for (let index = 9_999_000; index < 10_000_000; index++) keys.add(entryKey(list.entry(index)));
    expect(keys.size).toBe(1000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    expect(list.lineOf(9_999_999)).toBe(10_000_001);
  });
});
