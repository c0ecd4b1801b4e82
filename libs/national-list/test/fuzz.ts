/**
 * Generators for the national-list property-based (fuzz) spec: entries (documents and stolen blank
 * series) as an authority might write them — any case, fillers, separators, blanks, quotes, commas,
 * other scripts in the reference — with the normal form the parser must give, and their writing as
 * a CSV file or JSON Lines; and a runner that records inputs and time per property.
 */
import fc from 'fast-check';
import { csvField } from '../src/csv.js';
import { NATIONAL_LIST_FIELDS, type NationalListField } from '../src/fields.js';
import type { NationalListRecord, NationalListSeries } from '../src/types.js';

export const TODAY = '2026-06-30';

export type Row = Partial<Record<NationalListField, string>>;

export interface Entry {
  row: Row;
  expected: { kind: 'record'; record: NationalListRecord } | { kind: 'series'; series: NationalListSeries };
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];

/** How a value is written: its case, and the blanks around it. */
const spellingArb = fc.tuple(fc.constantFrom('same', 'lower', 'mixed'), fc.constantFrom('', ' ', '\t', '  '));
type Spelling = [string, string];

function spell(value: string, [kase, blank]: Spelling): string {
  const text =
    kase === 'lower'
      ? value.toLowerCase()
      : kase === 'mixed'
        ? [...value].map((c, i) => (i % 2 ? c.toLowerCase() : c)).join('')
        : value;
  return blank + text + blank;
}

// Generators are tuples mapped once, not chains: a fuzz target runs ten thousand times.
const stateArb = fc
  .tuple(fc.constantFrom('NLD', 'D', 'GBR', 'UTO', 'FRA', 'USA', 'XK', 'RKS'), fc.boolean(), spellingArb)
  .map(([state, fill, spelling]) => ({
    written: spell(fill ? state.padEnd(3, '<') : state, spelling),
    normal: state,
  }));

const TYPES: [string, NationalListRecord['documentType']][] = [
  ['P', 'PASSPORT'],
  ['I', 'IDENTITY_CARD'],
  ['A', 'IDENTITY_CARD'],
  ['C', 'IDENTITY_CARD'],
  ['V', 'VISA'],
  ['AC', 'CREW_MEMBER_CERTIFICATE'],
  ['PASSPORT', 'PASSPORT'],
  ['residence_permit', 'RESIDENCE_PERMIT'],
  ['Other', 'OTHER'],
];
const typeArb = fc
  .tuple(fc.constantFrom(...TYPES), spellingArb)
  .map(([[code, name], spelling]) => ({ written: spell(code, spelling), normal: name }));

/** A number as printed: letters and digits, with spaces, hyphens and fillers that normalisation drops. */
const numberArb = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.string({ unit: fc.constantFrom(...LETTERS, ...DIGITS), minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '', ' ', '-', '<'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    spellingArb,
  )
  .map(([parts, spelling]) => ({
    normal: parts.map(([p]) => p).join(''),
    written: spell(parts.map(([p, sep], i) => (i < parts.length - 1 ? p + sep : p)).join(''), spelling),
  }));

const DAY = 86_400_000;
const FROM = Date.UTC(1985, 0, 1);
const dayArb = fc.integer({ min: 0, max: Math.floor((Date.parse(TODAY) - FROM) / DAY) });
const isoOf = (day: number) => new Date(FROM + day * DAY).toISOString().slice(0, 10);

/** reported_on, and lost_on (when given) not after it. */
const datesArb = fc.tuple(dayArb, fc.option(dayArb, { nil: undefined })).map(([a, b]) => {
  const reported = b === undefined ? a : Math.max(a, b);
  return { reportedOn: isoOf(reported), lostOn: b === undefined ? undefined : isoOf(Math.min(a, b)) };
});

/** The authority's reference: free text, commas and quotes included, other scripts too; no line break. */
const referenceArb = fc.option(
  fc
    .string({
      unit: fc.constantFrom(...LETTERS, ...DIGITS, ...' ,;"\'/-_#()', 'é', 'ß', 'Ø', 'Ж', '中', '\u{1f600}'),
      minLength: 1,
      maxLength: 100,
    })
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.length <= 100),
  { nil: undefined },
);

const statusArb = fc.constantFrom('lost', 'stolen', 'revoked', 'invalidated') as fc.Arbitrary<
  NationalListRecord['status']
>;

export const recordArb: fc.Arbitrary<Entry> = fc
  .record({
    state: stateArb,
    type: typeArb,
    number: numberArb,
    status: fc.tuple(statusArb, spellingArb).map(([status, spelling]) => ({
      written: spell(status, spelling),
      normal: status,
    })),
    dates: datesArb,
    reference: referenceArb,
  })
  .map(({ state, type, number, status, dates, reference }) => {
    const record: NationalListRecord = {
      issuingState: state.normal,
      documentType: type.normal,
      documentNumber: number.normal,
      status: status.normal,
      reportedOn: dates.reportedOn,
    };
    if (dates.lostOn !== undefined) record.lostOn = dates.lostOn;
    if (reference !== undefined) record.authorityReference = reference;
    const row: Row = {
      issuing_state: state.written,
      document_type: type.written,
      document_number: number.written,
      status: status.written,
      reported_on: dates.reportedOn,
    };
    if (dates.lostOn !== undefined) row.lost_on = dates.lostOn;
    if (reference !== undefined) row.authority_reference = reference;
    return { row, expected: { kind: 'record' as const, record } };
  });

export const seriesArb: fc.Arbitrary<Entry> = fc
  .record({
    state: stateArb,
    type: typeArb,
    // A prefix written inside the bounds must not end in a digit: the bounds' trailing digits are the range.
    prefix: fc.string({ unit: fc.constantFrom(...LETTERS, ...DIGITS), maxLength: 4 }),
    bounds: fc
      .tuple(
        fc.integer({ min: 1, max: 8 }),
        fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 16, maxLength: 16 }),
      )
      .map(([n, digits]) => {
        const [a, b] = [digits.slice(0, n), digits.slice(8, 8 + n)];
        return a <= b ? [a, b] : [b, a];
      }),
    inColumn: fc.boolean(),
    dates: datesArb,
    reference: referenceArb,
  })
  .filter(({ prefix, inColumn }) => inColumn || prefix === '' || /[A-Z]$/.test(prefix))
  .map(({ state, type, prefix, bounds: [first = '', last = ''], inColumn, dates, reference }) => {
    const series: NationalListSeries = {
      issuingState: state.normal,
      documentType: type.normal,
      prefix,
      firstNumber: first,
      lastNumber: last,
      status: 'stolen_blank',
      reportedOn: dates.reportedOn,
    };
    if (dates.lostOn !== undefined) series.lostOn = dates.lostOn;
    if (reference !== undefined) series.authorityReference = reference;
    const row: Row = {
      issuing_state: state.written,
      document_type: type.written,
      status: 'stolen_blank',
      reported_on: dates.reportedOn,
      ...(inColumn && prefix !== ''
        ? { series_prefix: prefix, series_first: first, series_last: last }
        : { series_first: prefix + first, series_last: prefix + last }),
    };
    if (dates.lostOn !== undefined) row.lost_on = dates.lostOn;
    if (reference !== undefined) row.authority_reference = reference;
    return { row, expected: { kind: 'series' as const, series } };
  });

export const entryArb = fc.oneof({ weight: 3, arbitrary: recordArb }, { weight: 1, arbitrary: seriesArb });

/** How a file is laid out: column order, unknown column, line ends, BOM, blank lines. */
export interface Layout {
  columns: string[];
  newline: '\n' | '\r\n';
  bom: boolean;
  /** Blank lines to put before each line (one number per line; reused cyclically). */
  blanks: number[];
}

export const layoutArb: fc.Arbitrary<Layout> = fc.record({
  columns: fc
    .tuple(
      fc.shuffledSubarray([...NATIONAL_LIST_FIELDS], { minLength: NATIONAL_LIST_FIELDS.length }),
      fc.boolean(),
    )
    .map(([columns, extra]) => (extra ? [...columns, 'remarks'] : columns)),
  newline: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  blanks: fc.array(fc.constantFrom(0, 0, 0, 1, 2), { minLength: 1, maxLength: 5 }),
});

/** The physical lines of a file of `lines` under `layout`, and the line number each one lands on. */
export function lay(lines: readonly string[], layout: Layout): { text: string; numbers: number[] } {
  const out: string[] = [];
  const numbers: number[] = [];
  lines.forEach((line, i) => {
    const blanks = layout.blanks[i % layout.blanks.length] ?? 0;
    for (let b = 0; b < blanks; b++) out.push(b % 2 ? ' \t' : '');
    out.push(line);
    numbers.push(out.length);
  });
  return { text: (layout.bom ? '\ufeff' : '') + out.join(layout.newline) + layout.newline, numbers };
}

/** A CSV national list: the header (names in any case, blanks around), then one line per entry. */
export function csvFile(entries: readonly Entry[], layout: Layout) {
  const header = layout.columns.map((c, i) => (i % 3 === 1 ? ` ${c.toUpperCase()} ` : c)).join(',');
  const lines = entries.map((e) =>
    layout.columns
      .map((c) => csvField(e.row[c as NationalListField] ?? (c === 'remarks' ? 'n/a' : '')))
      .join(','),
  );
  return lay([header, ...lines], layout);
}

/** The same entries as JSON Lines (keys in the layout's order; absent fields left out or null). */
export function jsonlFile(entries: readonly Entry[], layout: Layout) {
  const lines = entries.map((e, i) =>
    JSON.stringify(
      Object.fromEntries(
        layout.columns.flatMap((c): [string, string | null][] => {
          const value = e.row[c as NationalListField];
          if (c === 'remarks') return [[c, 'n/a']];
          if (value !== undefined) return [[c, value]];
          return i % 2 ? [[c, null]] : [];
        }),
      ),
    ),
  );
  return lay(lines, layout);
}

const figures: { target: string; inputs: number; ms: number; cpuMs: number }[] = [];

/** Runs a property over `numRuns` inputs (fast-check prints seed and counterexample on failure). */
export function fuzz<Ts extends [unknown, ...unknown[]]>(
  target: string,
  property: fc.IProperty<Ts>,
  numRuns: number,
): void {
  const start = performance.now();
  const cpu = process.cpuUsage();
  fc.assert(property, { numRuns });
  const used = process.cpuUsage(cpu);
  figures.push({
    target,
    inputs: numRuns,
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
  });
}

/** The figures of this spec file, one line per property, for the test log (call in afterAll). */
export function printFuzzFigures(): void {
  const lines = figures.map(
    // CPU time beside wall time: on a busy machine only the first says what the target costs.
    (f) =>
      `fuzz ${f.target}: ${f.inputs.toLocaleString('en')} inputs in ${(f.ms / 1000).toFixed(2)} s (${(f.cpuMs / 1000).toFixed(2)} s CPU)`,
  );
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

/** `toEqual`, compared as JSON first: Jest's deep equality costs more than the parser. */
export function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}
