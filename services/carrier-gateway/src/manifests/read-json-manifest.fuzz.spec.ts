import { HttpException } from '@nestjs/common';
import fc from 'fast-check';
import { readJsonManifest } from './read-json-manifest.js';
import type { IncomingManifest } from './submission.js';

// Property-based tests of the JSON manifest reader: a valid manifest reads back traveller for
// traveller; and whatever body arrives instead — random bytes, broken JSON, any JSON value, a valid
// manifest with fields dropped, retyped, emptied, stretched or filled with NUL and impossible dates —
// the reader either returns every traveller accepted or rejected with a reason, or refuses the whole
// message with 400 (every problem with its path and message) or 413. Nothing else escapes: anything
// else would be a 500.

// Runs per property: 10,000 random bodies and 9,000 structure-aware, a few seconds in all.
const RUNS = { roundTrip: 3_000, junk: 10_000, mutated: 6_000 };
const MAX_TRAVELLERS = 20;

const figures: string[] = [];
function fuzz<Ts extends [unknown, ...unknown[]]>(target: string, property: fc.IProperty<Ts>, runs: number) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  fc.assert(property, { numRuns: runs });
  const used = process.cpuUsage(cpu);
  // CPU time beside wall time: on a busy machine only the first says what the target costs.
  figures.push(
    `fuzz ${target}: ${runs.toLocaleString('en')} inputs in ${((performance.now() - start) / 1000).toFixed(2)} s ` +
      `(${((used.user + used.system) / 1e6).toFixed(2)} s CPU)`,
  );
}
afterAll(() => process.stdout.write(`${figures.join('\n')}\n`));

const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
const alnum = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...UPPER, ...DIGITS), minLength: min, maxLength: max });
const STATES = ['NLD', 'D', 'GBR', 'UTO', 'USA', 'FRA', 'JPN', 'BRA'];
const pad = (n: number) => String(n).padStart(2, '0');

const DAY = 86_400_000;
const dateArb = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY })
    .map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const localTimeArb = fc
  .tuple(
    dateArb('2026-01-01', '2027-12-31'),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([date, h, m]) => `${date}T${pad(h)}:${pad(m)}`);

/** A name as passports print it in Latin or other scripts: letters, spaces, hyphens, apostrophes. */
const nameArb = fc
  .string({
    unit: fc.constantFrom(...UPPER, ..."aeiou -'", 'É', 'ß', 'Ø', 'Ж', 'Ω', '李', 'ﬁ'),
    minLength: 1,
    maxLength: 40,
  })
  .map((s) => s.trim())
  .filter((s) => s !== '');

const legArb = fc.record(
  {
    carrierCode: alnum(2, 2),
    flightNumber: fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('', 'A', 'Z'))
      .map(([n, suffix]) => `${n}${suffix}`),
    departureAirport: fc.string({ unit: fc.constantFrom(...UPPER), minLength: 3, maxLength: 3 }),
    arrivalAirport: fc.string({ unit: fc.constantFrom(...UPPER), minLength: 3, maxLength: 3 }),
    scheduledDepartureLocal: localTimeArb,
    scheduledArrivalLocal: localTimeArb,
  },
  {
    requiredKeys: [
      'carrierCode',
      'flightNumber',
      'departureAirport',
      'arrivalAirport',
      'scheduledDepartureLocal',
    ],
  },
);

const documentArb = fc.record(
  {
    type: fc.constantFrom('P', 'I', 'V', 'AC', 'C', 'IP', 'F', 'M', 'A'),
    number: alnum(1, 15),
    issuingState: fc.constantFrom(...STATES),
    expiryDate: dateArb('2027-01-01', '2035-12-31'),
    issueDate: dateArb('2015-01-01', '2025-12-31'),
  },
  { requiredKeys: ['type', 'number', 'issuingState'] },
);

const travellerArb = fc.record(
  {
    travellerRef: alnum(1, 12),
    role: fc.constantFrom('passenger', 'crew', 'in-transit-passenger', 'in-transit-crew'),
    surname: nameArb,
    givenNames: nameArb,
    birthDate: dateArb('1930-01-01', '2020-12-31'),
    sex: fc.constantFrom('M', 'F', 'X'),
    nationality: fc.constantFrom(...STATES),
    countryOfResidence: fc.constantFrom(...STATES),
    reservationRef: alnum(1, 12),
    documents: fc.array(documentArb, { minLength: 1, maxLength: 3 }),
    portOfEmbarkation: fc.string({ unit: fc.constantFrom(...UPPER), minLength: 3, maxLength: 3 }),
    portOfDisembarkation: fc.string({ unit: fc.constantFrom(...UPPER), minLength: 3, maxLength: 3 }),
  },
  { requiredKeys: ['surname', 'birthDate', 'sex', 'nationality', 'documents'] },
);

const manifestArb = fc.record(
  {
    messageRef: alnum(1, 35),
    legs: fc.array(legArb, { minLength: 1, maxLength: 3 }),
    travellers: fc.array(travellerArb, { minLength: 1, maxLength: 5 }),
  },
  { requiredKeys: ['legs', 'travellers'] },
);

/** JSON with keys sorted, so that two readings compare whatever order their keys came in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** The body, read; or the refusal, checked: 400 with every problem placed and explained, or 413. */
function read(body: Buffer): IncomingManifest | HttpException {
  try {
    return readJsonManifest(body, 'application/json', MAX_TRAVELLERS);
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const status = error.getStatus();
    const response = error.getResponse() as { message?: unknown; problems?: unknown };
    expect([400, 413]).toContain(status);
    expect(typeof response.message === 'string' && response.message.trim() !== '').toBe(true);
    if (status === 400) {
      const problems = response.problems as { path: unknown; message: unknown }[];
      expect(Array.isArray(problems) && problems.length > 0).toBe(true);
      for (const p of problems) {
        if (typeof p.path !== 'string' || typeof p.message !== 'string' || p.message.trim() === '')
          expect(p).toEqual({ path: expect.any(String), message: expect.stringMatching(/\S/) });
      }
    }
    return error;
  }
}

/** What holds of a manifest that was read: every traveller accepted or rejected with a reason. */
function expectAccountedFor(manifest: IncomingManifest, sent: number): void {
  expect(manifest.manifest.travellers.length + manifest.rejected.length).toBe(sent);
  expect(manifest.manifest.travellers.length).toBeGreaterThan(0);
  for (const rejected of manifest.rejected) expect(rejected.reason.trim()).not.toBe('');
  for (const defect of manifest.defects) expect(defect.message.trim()).not.toBe('');
}

/** What lands in a field when a carrier's system gets it wrong. */
const oddValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e308, '', ' ', '\u0000', 'A\u0000B', '\u200b', '\ufeff', '<script>'),
  fc.constantFrom(
    '2026-02-30',
    '0000-00-00',
    '2026-13-45',
    '2026-02-30T10:00',
    '0000-00-00T00:00',
    '2026-13-45T25:61',
  ),
  fc.constantFrom(
    '2026-03-01T25:61',
    '1999-12-31T23:59:60',
    '+002026-01-01',
    '2026-1-1',
    'NР5012ВС',
    'ＮＰ５０',
  ),
  fc.constantFrom([], {}, [[]], { type: 'P' }, ['P'], [null]),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  // Over every field's limit (35, 44, 64, 70 characters), without costing a megabyte a run.
  fc.integer({ min: 36, max: 2_000 }).map((n) => 'X'.repeat(n)),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value (arrays by index, objects by key), the root excluded. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

type Edit = { at: number; how: 'delete' | 'set' | 'duplicate' | 'empty'; value: unknown };
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  how: fc.constantFrom('delete', 'set', 'set', 'set', 'duplicate', 'empty'),
  value: oddValueArb,
});

/** Applies an edit at one of the manifest's paths (chosen by `at`) to a deep copy. */
function edit(manifest: Json, { at, how, value }: Edit): Json {
  const copy = structuredClone(manifest);
  const paths = pathsOf(copy);
  const path = paths[at % paths.length];
  if (!path) return copy;
  const parent = path
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy) as
    Json[] | Record<string, Json>;
  const key = path.at(-1)!;
  const target = parent as Record<string | number, Json>;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete target[key];
  } else if (how === 'duplicate' && Array.isArray(parent))
    parent.splice(key as number, 0, structuredClone(parent[key as number]!));
  else if (how === 'empty')
    target[key] = Array.isArray(target[key]) ? [] : typeof target[key] === 'string' ? '' : {};
  else target[key] = value as Json;
  return copy;
}

/** Bytes of a JSON text after a byte-level accident: cut short, a byte changed, invalid UTF-8, a BOM. */
const byteAccidentArb = fc.oneof(
  fc.constant((b: Buffer) => b),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((f) => (b: Buffer) => b.subarray(0, Math.floor(b.length * f))),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 }))
    .map(([f, byte]) => (b: Buffer) => {
      const copy = Buffer.from(b);
      if (copy.length > 0) copy[Math.floor(f * (copy.length - 1))] = byte;
      return copy;
    }),
  fc.constantFrom(
    (b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
    (b: Buffer) => Buffer.concat([b, Buffer.from([0xc3])]),
    (b: Buffer) => Buffer.from(b.toString('utf8').replace(/"[A-Z]/, '"\u0000')),
  ),
);

describe('readJsonManifest, fuzzed', () => {
  it('reads back every traveller of a valid manifest, with the defaults filled in', () => {
    fuzz(
      'JSON manifest: round trip',
      fc.property(manifestArb, (manifest) => {
        const result = read(Buffer.from(JSON.stringify(manifest)));
        if (result instanceof HttpException)
          throw new Error(`refused: ${JSON.stringify(result.getResponse())}`);
        expect(result.rejected).toEqual([]);
        expect(result.defects).toEqual([]);
        const expected = manifest.travellers.map((t, i) => ({
          role: 'passenger',
          givenNames: '',
          ...t,
          travellerRef: t.travellerRef ?? String(i + 1),
        }));
        const got = result.manifest.travellers;
        if (canonical(got) !== canonical(expected)) expect(got).toEqual(expected);
        if (canonical(result.manifest.legs) !== canonical(manifest.legs))
          expect(result.manifest.legs).toEqual(manifest.legs);
        expect(result.messageKey).toBe(
          manifest.messageRef === undefined ? undefined : `json:${manifest.messageRef}`,
        );
      }),
      RUNS.roundTrip,
    );
  });

  it('refuses any random body with 400 or 413 and a reason, or accounts for every traveller', () => {
    fuzz(
      'JSON manifest: random bodies',
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
          fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
          fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s)),
          fc.anything({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'undefined')),
          fc.integer({ min: 1, max: 5_000 }).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))),
        ),
        (body) => {
          const result = read(body);
          if (!(result instanceof HttpException)) {
            const sent = (JSON.parse(body.toString('utf8')) as { travellers: unknown[] }).travellers.length;
            expectAccountedFor(result, sent);
          }
        },
      ),
      RUNS.junk,
    );
  });

  it('refuses a garbled manifest with 400 or 413 and every problem placed, or accounts for every traveller', () => {
    fuzz(
      'JSON manifest: garbled manifests',
      fc.property(
        manifestArb,
        fc.array(editArb, { minLength: 1, maxLength: 4 }),
        byteAccidentArb,
        fc.integer({ min: 0, max: 3 }),
        (manifest, edits, accident, copies) => {
          let json = edits.reduce((m, e) => edit(m, e), manifest as unknown as Json);
          // Now and then a message with more travellers than allowed: 413 naming the count.
          if (
            copies === 3 &&
            json &&
            typeof json === 'object' &&
            !Array.isArray(json) &&
            Array.isArray(json['travellers'])
          )
            json = {
              ...json,
              travellers: Array.from(
                { length: MAX_TRAVELLERS + 1 },
                () => (json as { travellers: Json[] }).travellers[0] ?? null,
              ),
            };
          const body = accident(Buffer.from(JSON.stringify(json)));
          const result = read(body);
          if (!(result instanceof HttpException)) {
            const sent = (JSON.parse(body.toString('utf8')) as { travellers: unknown[] }).travellers.length;
            expectAccountedFor(result, sent);
          }
        },
      ),
      RUNS.mutated,
    );
  });
});
