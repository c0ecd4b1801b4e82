// Speed of the national-list parser and generator on one core, on a synthetic list held in memory
// (so the figures leave out disk reads):
//
//   npx nx build national-list && node libs/national-list/bench/speed.ts [lines] [--json]
//
// Each figure is the median of 5 runs, in lines per second of this process's CPU time (user +
// system), which a busy shared machine disturbs less than wall-clock time. `push` feeds lines to
// `NationalListParser` directly; `sync generator` and `async generator` go through
// `parseNationalListSync` and `parseNationalList`; the `64 KiB chunks` figures decode 64 KiB UTF-8
// chunks as an import reading a file stream would, with `linesOf` into `parseNationalList` (an await
// per line) or with `parseNationalListChunks` (an await per chunk).
import {
  NationalListParser,
  SyntheticNationalList,
  linesOf,
  parseNationalList,
  parseNationalListChunks,
  parseNationalListSync,
  type NationalListFormat,
} from '../dist/index.js';

const args = process.argv.slice(2);
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const json = args.includes('--json');
const RUNS = 5;
const TODAY = '2026-01-01';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function rate(run: () => number | Promise<number>): Promise<number> {
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    const lines = await run();
    const used = process.cpuUsage(start);
    const seconds = (used.user + used.system) / 1e6;
    rates.push(lines / seconds);
  }
  return median(rates);
}

const figures: Record<string, number> = {};

for (const format of ['csv', 'jsonl'] as NationalListFormat[]) {
  const list = new SyntheticNationalList({ count, seed: 42, format, today: TODAY });
  figures[`generate ${format}, lines/s`] = await rate(() => {
    let characters = 0;
    let lines = 0;
    for (const line of list.lines()) {
      characters += line.length;
      lines++;
    }
    if (characters === 0) throw new Error('nothing generated');
    return lines;
  });
  // The text as a file would hold it; lines split from it are flat strings, as a decoder makes them.
  const text = `${[...list.lines()].join('\n')}\n`;
  const bytes = Buffer.from(text);
  const lines = text.slice(0, -1).split('\n');

  const check = (records: number, rejects: number) => {
    if (rejects !== 0 || records !== count)
      throw new Error(`${format}: ${records} entries, ${rejects} rejects`);
  };
  figures[`parse ${format}, push, lines/s`] = await rate(() => {
    const parser = new NationalListParser({ format, today: TODAY });
    let entries = 0;
    let rejects = 0;
    for (const line of lines) {
      for (const event of parser.push(line)) {
        if (event.kind === 'reject') rejects++;
        else if (event.kind !== 'warning') entries++;
      }
    }
    check(entries, rejects);
    return lines.length;
  });
  figures[`parse ${format}, sync generator, lines/s`] = await rate(() => {
    let entries = 0;
    let rejects = 0;
    for (const event of parseNationalListSync(lines, { today: TODAY })) {
      if (event.kind === 'reject') rejects++;
      else if (event.kind !== 'warning') entries++;
    }
    check(entries, rejects);
    return lines.length;
  });
  figures[`parse ${format}, async generator, lines/s`] = await rate(async () => {
    let entries = 0;
    let rejects = 0;
    for await (const event of parseNationalList(lines, { today: TODAY })) {
      if (event.kind === 'reject') rejects++;
      else if (event.kind !== 'warning') entries++;
    }
    check(entries, rejects);
    return lines.length;
  });
  figures[`parse ${format}, 64 KiB chunks via linesOf, lines/s`] = await rate(async () => {
    function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += 65_536)
        yield bytes.subarray(offset, offset + 65_536);
    }
    let entries = 0;
    let rejects = 0;
    for await (const event of parseNationalList(linesOf(chunks()), { today: TODAY })) {
      if (event.kind === 'reject') rejects++;
      else if (event.kind !== 'warning') entries++;
    }
    check(entries, rejects);
    return lines.length;
  });
  figures[`parse ${format}, 64 KiB chunks via parseNationalListChunks, lines/s`] = await rate(async () => {
    function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += 65_536)
        yield bytes.subarray(offset, offset + 65_536);
    }
    let entries = 0;
    let rejects = 0;
    for await (const batch of parseNationalListChunks(chunks(), { today: TODAY })) {
      for (const event of batch) {
        if (event.kind === 'reject') rejects++;
        else if (event.kind !== 'warning') entries++;
      }
    }
    check(entries, rejects);
    return lines.length;
  });
}

if (json)
  process.stdout.write(`${JSON.stringify({ name: 'national-list', parameters: { count }, figures })}\n`);
else {
  process.stdout.write(
    `national-list speed, ${count.toLocaleString('en')} data lines, median of ${RUNS} runs\n`,
  );
  for (const [name, value] of Object.entries(figures)) {
    process.stdout.write(`  ${name.padEnd(60)} ${Math.round(value).toLocaleString('en').padStart(12)}\n`);
  }
}
