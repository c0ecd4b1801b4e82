import fc from 'fast-check';
import {
  type Entry,
  type Row,
  TODAY,
  csvFile,
  entryArb,
  expectSame,
  fuzz,
  jsonlFile,
  layoutArb,
  printFuzzFigures,
  recordArb,
} from '../test/fuzz.js';
import { csvField } from './csv.js';
import { NATIONAL_LIST_FIELDS, type NationalListField } from './fields.js';
import { NationalListParser } from './parser.js';
import { NationalListHeaderError, type NationalListEvent } from './types.js';

// Property-based tests of the national-list parser (README.md is the format): a list written in
// either encoding, any column order, case, blanks, quoting, line ends, BOM and blank lines, reads back
// entry for entry on the right line numbers; and whatever lines arrive instead, the parser gives at
// most one record, series or reject per line, never throws but for an unusable CSV header, rejects
// with a reason naming the field and never quoting the document number, and accepts only entries in
// normal form that the registry can store.

// Runs per property: 10,000 random lines and 15,000 structure-aware, a few seconds in all.
const RUNS = { roundTrip: 5_000, junk: 10_000, mutated: 10_000 };

const HEADER = NATIONAL_LIST_FIELDS.join(',');
const FIELD_PREFIX = new RegExp(
  `^(${NATIONAL_LIST_FIELDS.join('|')})(, (${NATIONAL_LIST_FIELDS.join('|')}))*:`,
);
const PROBLEM_BOUNDARY = new RegExp(`; (?=(?:${NATIONAL_LIST_FIELDS.join('|')})[:,])`);
const ISO = /^\d{4}-\d{2}-\d{2}$/;
// Control characters: PostgreSQL refuses NUL in text, and none belongs in a stored field.
const CONTROL = /\p{Cc}/u;

const realDate = (iso: string) => ISO.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

/** What must hold of any event the parser gives for physical line `line`; the problems found. */
function problemsOf(event: NationalListEvent): string[] {
  const problems: string[] = [];
  if (event.kind === 'reject') {
    if (event.reason.trim() === '') problems.push(`line ${event.line}: a reject without a reason`);
    // Each problem of a reason starts with its field (values in it are quoted, so "; " may occur in them).
    const [first = '', ...rest] = event.reason.split(PROBLEM_BOUNDARY);
    const whole = ['not valid JSON', 'expected a JSON object', 'field ', ', but the header has '];
    if (!FIELD_PREFIX.test(first) && !whole.some((w) => first.includes(w)))
      problems.push(`line ${event.line}: a reason that names no field: ${first}`);
    for (const part of rest)
      if (!FIELD_PREFIX.test(part))
        problems.push(`line ${event.line}: a problem that names no field: ${part}`);
    return problems;
  }
  if (event.kind === 'warning') {
    if (event.message.trim() === '') problems.push(`line ${event.line}: an empty warning`);
    return problems;
  }
  const entry = event.kind === 'record' ? event.record : event.series;
  if (!/^[A-Z]{1,3}$/.test(entry.issuingState)) problems.push(`state ${entry.issuingState}`);
  if (event.kind === 'record' && !/^[A-Z0-9]{1,24}$/.test(event.record.documentNumber))
    problems.push('a number not in normal form');
  if (event.kind === 'series') {
    const { prefix, firstNumber, lastNumber } = event.series;
    if (!/^[A-Z0-9]*$/.test(prefix) || !/^\d+$/.test(firstNumber) || firstNumber.length !== lastNumber.length)
      problems.push('a series not in normal form');
    if (firstNumber > lastNumber || prefix.length + firstNumber.length > 24) problems.push('series bounds');
  }
  if (!realDate(entry.reportedOn) || entry.reportedOn > TODAY)
    problems.push(`reported on ${entry.reportedOn}`);
  if (entry.lostOn !== undefined && (!realDate(entry.lostOn) || entry.lostOn > entry.reportedOn))
    problems.push(`lost on ${entry.lostOn}`);
  const reference = entry.authorityReference;
  if (
    reference !== undefined &&
    (reference.length > 100 || reference.trim() !== reference || CONTROL.test(reference))
  )
    problems.push(`authority reference ${JSON.stringify(reference)}`);
  return problems;
}

/**
 * Every event of `lines` and the format read, or the header error; checks every event, and that no
 * line gives more than one entry or reject.
 */
function parse(
  lines: readonly string[],
  format?: 'csv' | 'jsonl',
): { events: NationalListEvent[]; format: 'csv' | 'jsonl' | undefined } | NationalListHeaderError {
  const parser = new NationalListParser({ today: TODAY, ...(format ? { format } : {}) });
  const events: NationalListEvent[] = [];
  const problems: string[] = [];
  for (const [i, line] of lines.entries()) {
    let got: readonly NationalListEvent[];
    try {
      got = parser.push(line);
    } catch (error) {
      if (error instanceof NationalListHeaderError && error.message.trim() !== '') return error;
      throw error;
    }
    if (got.filter((e) => e.kind !== 'warning').length > 1) problems.push(`line ${i + 1}: two entries`);
    for (const event of got) {
      if (event.line !== i + 1) problems.push(`an event of line ${i + 1} says line ${event.line}`);
      problems.push(...problemsOf(event));
      events.push(event);
    }
  }
  expectSame(problems, []);
  return { events, format: parser.format };
}

/** The events of a list that must parse. */
function parseList(lines: readonly string[]): NationalListEvent[] {
  const parsed = parse(lines);
  if (parsed instanceof NationalListHeaderError) throw parsed;
  return parsed.events;
}

const entriesArb = fc.array(entryArb, { minLength: 1, maxLength: 5 });
const expectedEvents = (entries: readonly Entry[], numbers: readonly number[]) =>
  entries.map((e, i) => ({ ...e.expected, line: numbers[i] }));
const entriesOf = (events: NationalListEvent[]) =>
  events
    .filter((e) => e.kind !== 'warning')
    .map((e) =>
      e.kind === 'record'
        ? { kind: e.kind, record: e.record, line: e.line }
        : e.kind === 'series'
          ? { kind: e.kind, series: e.series, line: e.line }
          : e,
    );

/** A JSON value as a field's value might be mistyped: strings mostly, else numbers, null, arrays, objects. */
const jsonScalarArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }), fc.object({ maxDepth: 1 })),
  },
);

/** A line of junk: CSV-ish, JSON-ish, or anything; never a line break inside (lines are split on them). */
const junkLineArb = fc
  .oneof(
    fc.string({
      unit: fc.constantFrom(...'ab,"\' \t;|{}[]:0129-<NLDP\u0000\u00a0\ufeff\u200bé中'),
      maxLength: 60,
    }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc
      .array(fc.tuple(fc.constantFrom(...NATIONAL_LIST_FIELDS, 'x', '__proto__'), jsonScalarArb), {
        maxLength: 10,
      })
      .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`),
    jsonScalarArb.map((v) => JSON.stringify(v)),
    fc.array(fc.string({ maxLength: 12 }), { maxLength: 12 }).map((fields) => fields.map(csvField).join(',')),
  )
  .map((line) => line.replace(/[\r\n]/g, ' '));

/** What lands in a field when an export goes wrong. */
const oddValueArb = fc.oneof(
  fc.constantFrom('', ' ', '2026-02-30', '2026-13-01', '0000-01-01', '2999-01-01', '26-01-15', '2026-1-5'),
  fc.constantFrom(
    'X1\u0000',
    'ref\u0000',
    '\u0007bell',
    'tab\there',
    'NР5012ВС',
    '\u200b',
    '-<-',
    'P',
    'stolen_blank',
  ),
  fc.constantFrom('NLD', 'D<<', 'NLDX', 'AB1', '1234567890123456789012345', 'C01000', 'C01999', '999', '000'),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 90, max: 300 }).map((n) => 'R'.repeat(n)),
);

afterAll(printFuzzFigures);

describe('national-list parser, fuzzed', () => {
  it('reads back every entry of a list written as CSV or JSON Lines, on its line', () => {
    fuzz(
      'national list: round trip',
      fc.property(entriesArb, layoutArb, fc.boolean(), (entries, layout, csv) => {
        const { text, numbers } = csv ? csvFile(entries, layout) : jsonlFile(entries, layout);
        const events = parseList(text.split('\n'));
        expectSame(entriesOf(events), expectedEvents(entries, csv ? numbers.slice(1) : numbers));
        const warnings = events.filter((e) => e.kind === 'warning');
        expect(warnings).toHaveLength(layout.columns.includes('remarks') ? 1 : 0);
      }),
      RUNS.roundTrip,
    );
  });

  it('gives at most one entry or reject per random line, each reject with a reason, after any first line', () => {
    fuzz(
      'national list: random lines',
      fc.property(
        fc.oneof(fc.constant(HEADER), junkLineArb),
        fc.array(junkLineArb, { maxLength: 8 }),
        fc.constantFrom(undefined, 'csv', 'jsonl'),
        (first, lines, format) => {
          const parsed = parse([first, ...lines], format);
          if (parsed instanceof NationalListHeaderError) return;
          // A data line with anything in it is accounted for: an entry or a reject. The first line
          // is CSV's header (when it is not blank).
          const blank = (line: string) => /^[ \t\ufeff]*$/.test(line);
          const csv = parsed.format === 'csv';
          [first, ...lines].forEach((line, i) => {
            if (blank(line) || (csv && (i === 0 || /^[\s,"\ufeff]*$/.test(line)))) return;
            expect(parsed.events.some((e) => e.line === i + 1 && e.kind !== 'warning')).toBe(true);
          });
        },
      ),
      RUNS.junk,
    );
  });

  it('rejects a line with any field garbled with a reason naming the field and never the number, or reads it whole', () => {
    fuzz(
      'national list: garbled fields',
      fc.property(
        recordArb,
        fc.array(fc.tuple(fc.constantFrom(...NATIONAL_LIST_FIELDS), oddValueArb), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        (entry, edits, csv) => {
          const row: Row = { ...entry.row };
          for (const [field, value] of edits) row[field as NationalListField] = value;
          const line = csv
            ? NATIONAL_LIST_FIELDS.map((f) => csvField(row[f] ?? '')).join(',')
            : JSON.stringify(row);
          const events = parseList(csv ? [HEADER, line] : [line]);
          const entries = events.filter((e) => e.kind !== 'warning');
          expect(entries).toHaveLength(1);
          const [event] = entries;
          // The number as written must not reach a rejects report (unless another field holds it too).
          const number = row.document_number?.trim() ?? '';
          const elsewhere = Object.entries(row).some(
            ([f, v]) => f !== 'document_number' && v?.includes(number),
          );
          const edited = edits.some(([field]) => field === 'document_number');
          if (
            event?.kind === 'reject' &&
            number.replace(/[^A-Za-z0-9]/g, '').length >= 6 &&
            !elsewhere &&
            !edited
          )
            expect(event.reason).not.toContain(number);
        },
      ),
      RUNS.mutated,
    );
  });
});
