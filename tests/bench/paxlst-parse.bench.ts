// PAXLST parsing: messages/s and travellers/s of `parsePaxlst` (@docscreen/edifact) on (a) the largest
// PAXLST file of the shared conformance corpus and (b) a generated 1,000-traveller D05B manifest,
// beside a baseline in the same run that does the same I/O with no parsing: read the same file,
// decode it, and split it on the segment terminator.
//
//   node --experimental-strip-types tests/bench/paxlst-parse.bench.ts [--quick] [--json]
//
// Needs `npx nx build edifact` (it imports the built package). The corpus comes from CONFORMANCE_DIR,
// by default ../shared/conformance beside the repository.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The benchmark measures the domain library itself, which the type:testing boundary rule does not
// foresee; the lead may rather widen that rule for tests/bench.
import { decodeEdifact, parsePaxlst } from '@docscreen/edifact';
import { BenchWatchdog } from './support/watchdog.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const CORPUS = path.resolve(
  process.env['CONFORMANCE_DIR'] ?? path.join(ROOT, '../shared/conformance'),
  'paxlst/gtas',
);
const parameters = {
  generatedTravellers: 1000,
  /** Each measurement runs this long in all, split into `batches` (each at least `minRounds` rounds). */
  secondsPerMeasurement: quick ? 1 : 5,
  batches: 5,
  minRounds: 3,
};

/** A D05B passenger list with `count` passengers, one segment per line, its counts right. */
function generatedManifest(count: number): string {
  const body = [
    'BGM+745',
    'NAD+MS+++BENCH AIR OPERATIONS',
    'COM+44 20 7946 0000:TE',
    'TDT+20+QB123+++QB',
    'LOC+125+FRA',
    'DTM+189:2612050900:201',
    'LOC+87+JFK',
    'DTM+232:2612051130:201',
  ];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(6, '0');
    body.push(
      `NAD+FL+++BENCH${n}:LOAD:TEST`,
      `ATT+2++${i % 2 ? 'F' : 'M'}`,
      `DTM+329:${String(50 + (i % 50)).padStart(2, '0')}0${1 + (i % 9)}1${i % 10}`,
      'LOC+178+FRA',
      'LOC+179+JFK',
      'NAT+2+UTO',
      `RFF+AVF:B${n}`,
      `DOC+P:110:111+X${n}`,
      'DTM+36:310101',
      'LOC+91+UTO',
    );
  }
  body.push(`CNT+42:${count}`);
  const message = ['UNH+BENCH1+PAXLST:D:05B:UN:IATA', ...body];
  message.push(`UNT+${message.length + 1}+BENCH1`);
  return [
    "UNA:+.? '",
    'UNB+UNOA:4+BENCHAIR:ZZ+DOCSCREEN:ZZ+261205:0800+BENCH1++APIS',
    ...message,
    'UNZ+1+BENCH1',
  ]
    .map((s, i) => (i === 0 ? s : `${s}'`))
    .join('\n');
}

function largestCorpusFile(): string {
  const files = [
    ...readdirSync(CORPUS).map((f) => path.join(CORPUS, f)),
    ...readdirSync(path.join(CORPUS, 'inline')).map((f) => path.join(CORPUS, 'inline', f)),
  ].filter((f) => /\.(txt|edi)$/.test(f) && !f.endsWith('LICENSE.txt'));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest)
    throw new Error(`no PAXLST file in ${CORPUS}: set CONFORMANCE_DIR to the shared conformance folder`);
  return largest;
}

/**
 * Runs `work` repeatedly for the configured time, in `batches` equal batches, and returns the median
 * batch's rounds per second: on a shared machine one batch can lose its core to another process.
 */
function measure(work: () => void): number {
  // Warm-up until the JIT has settled: a fifth of the measuring time, and at least 20 rounds.
  const warmUntil = performance.now() + (parameters.secondsPerMeasurement * 1000) / 5;
  for (let i = 0; i < 20 || performance.now() < warmUntil; i++) work();
  const rates: number[] = [];
  for (let b = 0; b < parameters.batches; b++) {
    let rounds = 0;
    const started = performance.now();
    let elapsed = 0;
    while (
      elapsed < (parameters.secondsPerMeasurement * 1000) / parameters.batches ||
      rounds < parameters.minRounds
    ) {
      work();
      rounds++;
      elapsed = performance.now() - started;
    }
    rates.push(rounds / (elapsed / 1000));
  }
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0;
}

interface Input {
  label: string;
  file: string;
}

function bench(input: Input) {
  const text = decodeEdifact(readFileSync(input.file));
  const once = parsePaxlst(text);
  const messages = once.summary.messages;
  const travellers = once.summary.travellers;
  if (messages === 0 || travellers === 0) throw new Error(`${input.file}: nothing read, nothing to measure`);
  const terminator = once.separators.terminator;
  let sink = 0; // keeps the work observable so that it is not optimised away
  const parse = measure(() => {
    sink += parsePaxlst(decodeEdifact(readFileSync(input.file))).summary.travellers;
  });
  const split = measure(() => {
    sink += decodeEdifact(readFileSync(input.file)).split(terminator).length;
  });
  if (sink === 0) throw new Error('unreachable');
  const figures = {
    bytes: statSync(input.file).size,
    messages,
    travellers,
    messagesPerSecond: Math.round(parse * messages),
    travellersPerSecond: Math.round(parse * travellers),
  };
  const baseline = {
    messagesPerSecond: Math.round(split * messages),
    travellersPerSecond: Math.round(split * travellers),
  };
  return { figures, baseline, ratio: Number((parse / split).toFixed(3)) };
}

// Synchronous work: each file is a phase (run.mjs keeps the clock).
const watchdog = new BenchWatchdog('paxlst-parse');
const dir = mkdtempSync(path.join(tmpdir(), 'paxlst-bench-'));
watchdog.cleanup(() => rmSync(dir, { recursive: true, force: true }));
try {
  const generated = path.join(dir, 'generated-1000.edi');
  writeFileSync(generated, generatedManifest(parameters.generatedTravellers));
  const corpusFile = largestCorpusFile();
  watchdog.phase('parsing the conformance file');
  const conformance = bench({ label: 'conformance', file: corpusFile });
  watchdog.phase('parsing the generated manifest');
  const synthetic = bench({ label: 'generated', file: generated });
  watchdog.disarm();
  const result = {
    name: 'paxlst-parse',
    parameters: { ...parameters, conformanceFile: path.relative(path.dirname(CORPUS), corpusFile) },
    figures: { conformance: conformance.figures, generated: synthetic.figures },
    baseline: { conformance: conformance.baseline, generated: synthetic.baseline },
    // Parsing throughput as a share of what reading and splitting alone reach, on the 1,000-traveller manifest.
    ratio: synthetic.ratio,
    // Issue 5 sets no target for parsing: its figures are reported beside the baseline, not judged.
    target: null,
    met: null,
  };
  if (args.has('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const row = (label: string, f: { messagesPerSecond: number; travellersPerSecond: number }) =>
      `  ${label.padEnd(34)} ${String(f.messagesPerSecond).padStart(12)} ${String(f.travellersPerSecond).padStart(14)}`;
    process.stdout.write(
      [
        `paxlst parse: (a) ${result.parameters.conformanceFile} (${conformance.figures.bytes} bytes, ${conformance.figures.travellers} travellers), (b) generated (${synthetic.figures.bytes} bytes, ${synthetic.figures.travellers} travellers)`,
        `                                      messages/s   travellers/s`,
        row('(a) parsePaxlst', conformance.figures),
        row('(a) baseline: read + split only', conformance.baseline),
        row('(b) parsePaxlst', synthetic.figures),
        row('(b) baseline: read + split only', synthetic.baseline),
        `  ratio parse/baseline: (a) ${conformance.ratio}, (b) ${synthetic.ratio}`,
        '',
      ].join('\n'),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
