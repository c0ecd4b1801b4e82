// SLTD index: bytes per record, build time and lookups/s of `SltdIndex` (@docscreen/sltd-index) at 1M
// and 10M realistic records (per-state number formats, some 12-character and a few longer numbers, a
// few blank series), snapshot size and load time, and a projection to 100M from the layout; beside a
// baseline in the same run: a JavaScript `Map` from `STATE:NUMBER` strings to the status.
//
//   node --experimental-strip-types tests/bench/index.bench.ts [--quick] [--json]
//
// --quick: 1M records only (under a minute). Needs `npx nx build sltd-index`. The script re-runs itself
// with `--expose-gc --max-old-space-size=8192` (memory is measured after a full GC; 10M strings in a
// Map need more than the default heap), so no flags are needed to start it.
import { SltdIndex } from '@docscreen/sltd-index';
import { normaliseDocumentNumber } from '@docscreen/travel-documents';
import type { DocumentStatusName } from '@docscreen/travel-documents';
import { generate, random, type Inputs } from './support/listed-documents.ts';
import { BenchWatchdog, rerunWith } from './support/watchdog.ts';

if (typeof globalThis.gc !== 'function')
  await rerunWith(import.meta.filename, [
    '--expose-gc',
    '--max-old-space-size=8192',
    '--experimental-strip-types',
    '--no-warnings',
  ]);
const collect = globalThis.gc as () => void; // run again above with --expose-gc when missing
// Synchronous work: each step is a phase (run.mjs keeps the clock, so a step that never ends is caught).
const watchdog = new BenchWatchdog('index');

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const parameters = {
  scales: quick ? [1_000_000] : [1_000_000, 10_000_000],
  queries: 1_000_000,
  batches: 5,
  blankSeries: 60,
  projectedRecords: 100_000_000,
};

/** `count` queries of listed documents (some inside a blank series), and `count` of unlisted ones. */
function queries(inputs: Inputs, count: number) {
  const hits: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0)
      hits.push(['D', `C${7000 + (i % parameters.blankSeries)}${String(i % 1000).padStart(3, '0')}`]);
    else {
      const at = Math.floor(random() * inputs.numbers.length);
      hits.push([inputs.states[at]!, inputs.numbers[at]!]);
    }
  }
  const fresh = generate(count);
  const misses = fresh.numbers.map((number, i): [string, string] => [fresh.states[i]!, number]);
  return { hits, misses };
}

// --- measuring -----------------------------------------------------------------------------------

function heapBytes(): number {
  collect();
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

function seconds(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

/** Lookups per second: the median of `batches` passes, each over a different slice of `list`. */
function lookupsPerSecond(list: [string, string][], lookup: (state: string, number: string) => boolean) {
  let found = 0;
  for (let i = 0; i < Math.min(100_000, list.length); i++) lookup(list[i]![0], list[i]![1]); // warm-up
  const slice = Math.floor(list.length / parameters.batches);
  const rates: number[] = [];
  for (let b = 0; b < parameters.batches; b++) {
    const started = performance.now();
    for (let i = b * slice; i < (b + 1) * slice; i++) if (lookup(list[i]![0], list[i]![1])) found++;
    rates.push(slice / ((performance.now() - started) / 1000));
  }
  return { perSecond: Math.round(rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!), found };
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Lists every input, and the blank series `D:PASSPORT:C7000000-C7000999` … in `index`. */
function fill(index: SltdIndex, inputs: Inputs): void {
  const { states, types, numbers, statuses } = inputs;
  for (let i = 0; i < numbers.length; i++) {
    index.upsert({
      issuingState: states[i]!,
      documentType: types[i]!,
      documentNumber: numbers[i]!,
      status: statuses[i]!,
    });
  }
  for (let s = 0; s < parameters.blankSeries; s++) {
    const series = { prefix: `C${7000 + s}`, firstNumber: '000', lastNumber: '999' };
    index.upsertSeries({ issuingState: 'D', documentType: 'P', ...series, status: 'stolen_blank' });
  }
}

function benchIndex(inputs: Inputs, query: ReturnType<typeof queries>) {
  const n = inputs.numbers.length;
  const before = heapBytes();
  let index = new SltdIndex();
  watchdog.phase(`index build, ${n} records`);
  const build = seconds(() => fill(index, inputs));
  const measured = heapBytes() - before;
  const stats = index.stats();
  watchdog.phase(`index lookups, ${n} records`);
  const hits = lookupsPerSecond(query.hits, (state, number) => index.lookup(state, number).length > 0);
  // Every listed document (and every number inside a listed series) must be found: no false negatives.
  const falseNegatives = query.hits.filter(
    ([state, number]) => index.lookup(state, number).length === 0,
  ).length;
  const misses = lookupsPerSecond(query.misses, (state, number) => index.lookup(state, number).length > 0);
  watchdog.phase(`index snapshot, ${n} records`);
  let snapshot: Uint8Array = new Uint8Array();
  const snapshotSeconds = seconds(() => (snapshot = index.snapshot({ offsets: { '0': String(n) } })));
  index = new SltdIndex(); // let the original go before loading the copy
  const loadSeconds = seconds(() => (index = SltdIndex.fromSnapshot(snapshot)));
  const loadedHits = lookupsPerSecond(
    query.hits.slice(0, 100_000),
    (s, number) => index.lookup(s, number).length > 0,
  );
  if (loadedHits.found !== 100_000)
    throw new Error(`snapshot lost records: ${loadedHits.found} of 100000 hit`);
  index = new SltdIndex(); // let the loaded copy go too
  // Sized up front, as a rebuild that knows the record count (from the topic's offsets) would be.
  watchdog.phase(`sized index build, ${n} records`);
  let sized = SltdIndex.withCapacity(n);
  const sizedBuild = seconds(() => fill(sized, inputs));
  const sizedStats = sized.stats();
  sized = new SltdIndex();
  return {
    records: stats.records,
    longNumbers: stats.longNumbers,
    blankSeries: stats.series,
    slots: stats.slots,
    loadFactor: round(stats.loadFactor, 3),
    bytesPerRecord: round(measured / stats.records),
    bytesUsedPerRecord: round(stats.bytesUsed / stats.records),
    buildSeconds: round(build),
    recordsPerSecond: Math.round(n / build),
    hitLookupsPerSecond: hits.perSecond,
    missLookupsPerSecond: misses.perSecond,
    missQueriesThatHit: misses.found,
    falseNegatives,
    snapshotBytes: snapshot.length,
    snapshotSeconds: round(snapshotSeconds, 3),
    snapshotLoadSeconds: round(loadSeconds, 3),
    sized: {
      slots: sizedStats.slots,
      loadFactor: round(sizedStats.loadFactor, 3),
      bytesUsedPerRecord: round(sizedStats.bytesUsed / sizedStats.records),
      buildSeconds: round(sizedBuild),
    },
  };
}

function benchMap(inputs: Inputs, query: ReturnType<typeof queries>) {
  const n = inputs.numbers.length;
  const before = heapBytes();
  let map = new Map<string, DocumentStatusName>();
  watchdog.phase(`Map baseline, ${n} records`);
  const build = seconds(() => {
    for (let i = 0; i < n; i++) {
      map.set(`${inputs.states[i]!}:${normaliseDocumentNumber(inputs.numbers[i]!)}`, inputs.statuses[i]!);
    }
  });
  const measured = heapBytes() - before;
  const get = (state: string, number: string) =>
    map.get(`${state}:${normaliseDocumentNumber(number)}`) !== undefined;
  const hits = lookupsPerSecond(query.hits, get);
  const misses = lookupsPerSecond(query.misses, get);
  const records = map.size;
  map = new Map();
  return {
    records,
    bytesPerRecord: round(measured / records),
    buildSeconds: round(build),
    recordsPerSecond: Math.round(n / build),
    hitLookupsPerSecond: hits.perSecond,
    missLookupsPerSecond: misses.perSecond,
  };
}

/** The record table for `records` records from the layout: 12 bytes a slot, grown ×1.5 at 0.8 load. */
function projection(records: number, sideBytesPerRecord: number) {
  let slots = 16; // RecordTable: a new table has 16 slots and grows to ⌈1.5×⌉ past 0.8 load
  while (records > slots * 0.8) slots = Math.ceil(slots * 1.5);
  const sized = Math.ceil(records / 0.8) + 1;
  const gib = (bytes: number) => round(bytes / 2 ** 30);
  return {
    records,
    grown: {
      slots,
      bytesPerRecord: round((slots * 12) / records + sideBytesPerRecord),
      gib: gib(slots * 12 + records * sideBytesPerRecord),
    },
    sized: {
      slots: sized,
      bytesPerRecord: round((sized * 12) / records + sideBytesPerRecord),
      gib: gib(sized * 12 + records * sideBytesPerRecord),
    },
    peakWhileGrowingGib: gib((slots + slots / 1.5) * 12),
  };
}

const figures: Record<string, ReturnType<typeof benchIndex>> = {};
const baseline: Record<string, ReturnType<typeof benchMap>> = {};
for (const scale of parameters.scales) {
  const label = `${scale / 1_000_000}M`;
  watchdog.phase(`generating ${label} records`);
  const inputs = generate(scale);
  const query = queries(inputs, parameters.queries);
  figures[label] = benchIndex(inputs, query);
  baseline[label] = benchMap(inputs, query);
}
watchdog.disarm();
const largest = `${parameters.scales.at(-1)! / 1_000_000}M`;
const last = figures[largest]!;
const sideBytes = Math.max(0, last.bytesUsedPerRecord - (last.slots * 12) / last.records);
const target = { bytesPerRecord: 24, lookupsPerSecond: 1_000_000, falseNegatives: 0 };
const result = {
  name: 'index',
  parameters,
  figures: { ...figures, projection: projection(parameters.projectedRecords, sideBytes) },
  baseline,
  // Memory per record of the index as a share of the Map's, at the largest scale measured.
  ratio: round(last.bytesPerRecord / baseline[largest]!.bytesPerRecord, 3),
  target: `<= ${target.bytesPerRecord} bytes per record, >= ${target.lookupsPerSecond} lookups/s on one core (listed and not), no false negatives, at every scale`,
  met: Object.values(figures).every(
    (f) =>
      f.bytesPerRecord <= target.bytesPerRecord &&
      Math.min(f.hitLookupsPerSecond, f.missLookupsPerSecond) >= target.lookupsPerSecond &&
      f.falseNegatives === target.falseNegatives,
  ),
};

if (args.has('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  type Figures = ReturnType<typeof benchIndex>;
  type Baseline = ReturnType<typeof benchMap>;
  const rows: [string, (f: Figures) => unknown, (b: Baseline) => unknown][] = [
    ['bytes/record (heap+external Δ)', (f) => f.bytesPerRecord, (b) => b.bytesPerRecord],
    ['bytes/record (bytesUsed)', (f) => f.bytesUsedPerRecord, () => ''],
    ['build s (from empty)', (f) => f.buildSeconds, (b) => b.buildSeconds],
    ['build s (withCapacity)', (f) => f.sized.buildSeconds, () => ''],
    ['lookups/s, listed', (f) => f.hitLookupsPerSecond, (b) => b.hitLookupsPerSecond],
    ['lookups/s, not listed', (f) => f.missLookupsPerSecond, (b) => b.missLookupsPerSecond],
    ['snapshot MB', (f) => round(f.snapshotBytes / 1e6, 1), () => ''],
    ['snapshot write s / load s', (f) => `${f.snapshotSeconds} / ${f.snapshotLoadSeconds}`, () => ''],
  ];
  const lines = [`sltd index, baseline Map<'STATE:NUMBER', status>`];
  for (const [label, f] of Object.entries(figures)) {
    lines.push(
      `  ${label}: ${f.records} records (${f.longNumbers} long numbers, ${f.blankSeries} blank series), ${f.slots} slots, load ${f.loadFactor}`,
      `  ${''.padEnd(32)} ${'SltdIndex'.padStart(14)} ${'Map'.padStart(12)}`,
      ...rows.map(
        ([name, ours, theirs]) =>
          `  ${name.padEnd(32)} ${String(ours(f)).padStart(14)} ${String(theirs(baseline[label]!)).padStart(12)}`,
      ),
    );
  }
  const p = result.figures.projection;
  lines.push(
    `  projection ${p.records / 1e6}M: from empty ${p.grown.bytesPerRecord} B/record (${p.grown.gib} GiB, ${p.peakWhileGrowingGib} GiB while growing), sized up front ${p.sized.bytesPerRecord} B/record (${p.sized.gib} GiB)`,
    `  ratio index/Map bytes per record at ${largest}: ${result.ratio}`,
    `  false negatives: ${Object.values(figures)
      .map((f) => f.falseNegatives)
      .join(' / ')}`,
    `  target: ${result.target} — ${result.met ? 'met' : 'not met'}`,
    '',
  );
  process.stdout.write(lines.join('\n'));
}
