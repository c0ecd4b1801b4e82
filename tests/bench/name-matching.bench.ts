// Name matching speed: travellers/s on one core of `WatchlistIndex.match` (@docscreen/name-matching)
// against a generated 1,000,000-person watchlist (`generateWatchlist`: names of fifteen traditions in
// their scripts, aliases, full, partial or no birth dates, documents), the bytes each listed person
// costs, and the build time; beside a baseline in the same run: a `Map` from the exact transliterated
// name to the listed persons (what exact matching costs), built and queried with the same travellers.
//
//   node --experimental-strip-types tests/bench/name-matching.bench.ts [--quick] [--json]
//
// --quick: 200,000 persons, 20,000 travellers. Needs `npx nx build name-matching`. The script re-runs
// itself with `--expose-gc --max-old-space-size=8192` (memory is measured after a full GC).
import {
  generateTravellers,
  generateWatchlist,
  transliterate,
  WatchlistIndex,
} from '@docscreen/name-matching';
import type { Traveller, WatchlistEntry } from '@docscreen/name-matching';
import { BenchWatchdog, rerunWith } from './support/watchdog.ts';

if (typeof globalThis.gc !== 'function')
  await rerunWith(import.meta.filename, [
    '--expose-gc',
    '--max-old-space-size=8192',
    '--experimental-strip-types',
    '--no-warnings',
  ]);
const collect = globalThis.gc as () => void;
const watchdog = new BenchWatchdog('name-matching');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const parameters = {
  seed: 7,
  entries: quick ? 200_000 : 1_000_000,
  travellers: quick ? 20_000 : 50_000,
  batches: 5,
};
const target = { travellersPerSecond: 5_000 };

function heapBytes(): number {
  collect();
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

const pause = () => new Promise((resolve) => setImmediate(resolve));

/** Builds with `add` from the generated list, in slices, reporting progress between them. */
async function build(add: (entry: WatchlistEntry) => void): Promise<number> {
  let seconds = 0;
  let slice: WatchlistEntry[] = [];
  const flush = () => {
    const started = performance.now();
    for (const entry of slice) add(entry);
    seconds += (performance.now() - started) / 1000;
    slice = [];
  };
  for (const entry of generateWatchlist(parameters.seed, parameters.entries)) {
    slice.push(entry);
    if (slice.length === 20_000) {
      flush();
      watchdog.progress();
      await pause();
    }
  }
  flush();
  return seconds;
}

/** Travellers/s: the median of `batches` passes over slices of the travellers (after a warm-up). */
async function perSecond(travellers: Traveller[], match: (t: Traveller) => number) {
  let found = 0;
  for (const t of travellers.slice(0, 2_000)) match(t);
  const size = Math.floor(travellers.length / parameters.batches);
  const rates: number[] = [];
  for (let b = 0; b < parameters.batches; b++) {
    const started = performance.now();
    for (let i = b * size; i < (b + 1) * size; i++) found += match(travellers[i]!);
    rates.push(size / ((performance.now() - started) / 1000));
    watchdog.progress();
    await pause();
  }
  return { perSecond: Math.round(rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!), found };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const travellers = generateTravellers(parameters.seed, parameters.travellers);

watchdog.phase(`building the index of ${parameters.entries} listed persons`, { stallSeconds: 600 });
const before = heapBytes();
let index: WatchlistIndex | undefined = new WatchlistIndex();
const buildSeconds = await build((entry) => index!.upsert(entry));
watchdog.phase('compacting the index', { stallSeconds: 600 });
const compactStarted = performance.now();
index.compact();
const compactSeconds = (performance.now() - compactStarted) / 1000;
const bytes = heapBytes() - before;
const stats = index.stats();
watchdog.phase(`matching ${parameters.travellers} travellers`);
const candidates = travellers.slice(0, 5_000).reduce((sum, t) => sum + index!.candidateCount(t), 0) / 5_000;
const matched = await perSecond(travellers, (t) => index!.match(t).length);
const alerted = travellers.filter((t) => index!.match(t, { limit: 1 }).length > 0).length;
index = undefined;

watchdog.phase('the exact-name Map baseline', { stallSeconds: 600 });
const baseBefore = heapBytes();
const key = (surname: string, given: string | undefined) =>
  `${transliterate(surname)}|${transliterate(given ?? '')}`;
let map: Map<string, string[]> | undefined = new Map();
const mapSeconds = await build((entry) => {
  for (const name of entry.names) {
    const k = key(name.surname, name.givenNames);
    const ids = map!.get(k);
    if (ids === undefined) map!.set(k, [entry.id]);
    else ids.push(entry.id);
  }
});
const mapBytes = heapBytes() - baseBefore;
const exact = await perSecond(travellers, (t) => map!.get(key(t.surname, t.givenNames))?.length ?? 0);
map = undefined;
watchdog.disarm();

const figures = {
  entries: stats.entries,
  names: stats.names,
  distinctWords: stats.distinctParts,
  postings: stats.postings,
  bytesPerEntry: round(bytes / stats.entries),
  buildSeconds: round(buildSeconds + compactSeconds),
  entriesPerSecond: Math.round(stats.entries / (buildSeconds + compactSeconds)),
  compactSeconds: round(compactSeconds),
  candidatesPerTraveller: round(candidates),
  travellersPerSecond: matched.perSecond,
  travellersWithAlert: round(alerted / travellers.length, 4),
};
const baseline = {
  bytesPerEntry: round(mapBytes / stats.entries),
  buildSeconds: round(mapSeconds),
  travellersPerSecond: exact.perSecond,
};
const result = {
  name: 'name-matching',
  parameters,
  figures,
  baseline,
  // Throughput as a share of exact matching's.
  ratio: round(figures.travellersPerSecond / baseline.travellersPerSecond, 3),
  target: `>= ${target.travellersPerSecond} travellers/s on one core against ${parameters.entries} listed persons`,
  met: figures.travellersPerSecond >= target.travellersPerSecond,
};

if (args.has('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  process.stdout.write(
    [
      `name matching: ${figures.entries} listed persons (${figures.names} names, ${figures.distinctWords} distinct words, ${figures.postings} postings), ${parameters.travellers} travellers`,
      `  ${''.padEnd(34)} ${'WatchlistIndex'.padStart(15)} ${'exact Map'.padStart(12)}`,
      `  ${'travellers/s (one core)'.padEnd(34)} ${String(figures.travellersPerSecond).padStart(15)} ${String(baseline.travellersPerSecond).padStart(12)}`,
      `  ${'bytes per listed person'.padEnd(34)} ${String(figures.bytesPerEntry).padStart(15)} ${String(baseline.bytesPerEntry).padStart(12)}`,
      `  ${'build s'.padEnd(34)} ${String(figures.buildSeconds).padStart(15)} ${String(baseline.buildSeconds).padStart(12)}`,
      `  candidates scored per traveller: ${figures.candidatesPerTraveller}; travellers with an alert: ${(figures.travellersWithAlert * 100).toFixed(1)}%`,
      `  target ${result.target}: ${result.met ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
}
