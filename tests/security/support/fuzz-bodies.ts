import { createHash } from 'node:crypto';
import fc from 'fast-check';

/**
 * Bodies for the HTTP fuzz test: valid ones of every kind the gateway and the registry take (JSON
 * manifests, PAXLST, registry records and series, national lists, registrations), and the same with
 * fields dropped, retyped, emptied, stretched or filled with what breaks things (NUL, impossible
 * dates, other scripts, huge strings). All data is invented.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
export const alnum = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...UPPER, ...DIGITS), minLength: min, maxLength: max });
const letters = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...UPPER), minLength: min, maxLength: max });
const STATES = ['NLD', 'D', 'GBR', 'UTO', 'USA', 'FRA'];
const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;
export const dateArb = (from: string, to: string) =>
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
const nameArb = fc
  .string({ unit: fc.constantFrom(...UPPER, ..." -'", 'É', 'Ø', 'Ж', '李'), minLength: 1, maxLength: 30 })
  .map((s) => s.trim() || 'DOE');

/** What lands in a field when a client gets it wrong, or means harm. */
export const oddValueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    2 ** 53 + 1,
    '',
    ' ',
    '\u0000',
    'A\u0000B',
    'DOE\u0000',
    '\u0007',
    '\u200b',
    '\ufeff',
  ),
  fc.constantFrom(
    '2026-02-30',
    '0000-00-00',
    '2026-13-45',
    '2026-02-30T10:00',
    '0000-00-00T00:00',
    '2026-13-45T25:61',
    '2026-03-01T25:61',
    '+002026-01-01',
  ),
  fc.constantFrom(
    'NР5012ВС',
    'ＮＰ５０１２',
    '-<-',
    '%00',
    '../../etc/passwd',
    "' OR 1=1 --",
    '${jndi:ldap://x}',
    '<script>',
    '\ud800',
    'https://169.254.169.254/latest',
    'http://127.0.0.1/',
    'https://user:pw@example.org/',
  ),
  fc.constantFrom([], {}, [[]], [null], { $ne: 1 }, JSON.parse('{"__proto__":{"admin":true}}') as Json),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.integer({ min: 36, max: 70_000 }).map((n) => 'X'.repeat(n)),
);

/** Every path into a JSON value (arrays by index, objects by key), the root excluded. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

export interface Edit {
  at: number;
  how: 'delete' | 'set' | 'duplicate' | 'empty';
  value: Json;
}

export const editsArb: fc.Arbitrary<Edit[]> = fc.array(
  fc.record({
    at: fc.nat(),
    how: fc.constantFrom('delete', 'set', 'set', 'set', 'duplicate', 'empty'),
    value: oddValueArb,
  }),
  { minLength: 1, maxLength: 3 },
);

/** The value with the edits applied, each at one of its paths (chosen by `at`), on a deep copy. */
export function applyEdits(value: Json, edits: readonly Edit[]): Json {
  const copy = structuredClone(value);
  for (const { at, how, value: odd } of edits) {
    const paths = pathsOf(copy);
    const path = paths[at % Math.max(paths.length, 1)];
    if (!path) continue;
    const parent = path
      .slice(0, -1)
      .reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy);
    const key = path[path.length - 1] as string | number;
    const target = parent as Record<string | number, Json>;
    if (how === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete target[key];
    } else if (how === 'duplicate' && Array.isArray(parent))
      parent.splice(key as number, 0, structuredClone(parent[key as number] ?? null));
    else if (how === 'empty')
      target[key] = Array.isArray(target[key]) ? [] : typeof target[key] === 'string' ? '' : {};
    else target[key] = structuredClone(odd);
  }
  return copy;
}

const travellerArb = fc.record(
  {
    travellerRef: alnum(1, 12),
    surname: nameArb,
    givenNames: nameArb,
    birthDate: dateArb('1930-01-01', '2020-12-31'),
    sex: fc.constantFrom('M', 'F', 'X'),
    nationality: fc.constantFrom(...STATES),
    documents: fc.array(
      fc.record(
        {
          type: fc.constantFrom('P', 'I', 'V', 'AC'),
          number: alnum(5, 12),
          issuingState: fc.constantFrom(...STATES),
          expiryDate: dateArb('2027-01-01', '2035-12-31'),
        },
        { requiredKeys: ['type', 'number', 'issuingState'] },
      ),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { requiredKeys: ['surname', 'birthDate', 'sex', 'nationality', 'documents'] },
);

/** A JSON manifest of up to `maxTravellers` travellers (the interactive API takes 10). */
export const manifestArb = (carrier: string, maxTravellers: number): fc.Arbitrary<Json> =>
  fc.record(
    {
      messageRef: alnum(1, 20),
      legs: fc.array(
        fc.record({
          carrierCode: fc.constant(carrier),
          flightNumber: fc.integer({ min: 1, max: 9999 }).map(String),
          departureAirport: letters(3, 3),
          arrivalAirport: letters(3, 3),
          scheduledDepartureLocal: localTimeArb,
        }),
        { minLength: 1, maxLength: 2 },
      ),
      travellers: fc.array(travellerArb, { minLength: 1, maxLength: maxTravellers }),
    },
    { requiredKeys: ['legs', 'travellers'] },
  ) as fc.Arbitrary<Json>;

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const esc = (s: string) => s.replace(/([?:+'])/g, '?$1');

/** A UN/EDIFACT PAXLST (D02B) interchange, one or more messages, counts right. */
export const paxlstArb = (carrier: string, maxTravellers: number) =>
  fc
    .record({
      sender: alnum(1, 35),
      reference: alnum(1, 14),
      messages: fc.integer({ min: 1, max: 3 }),
      flight: fc.integer({ min: 1, max: 9999 }),
      departure: localTimeArb,
      travellers: fc.array(
        fc.record({
          surname: nameArb,
          given: nameArb,
          birth: dateArb('1930-01-01', '2020-12-31'),
          number: alnum(5, 12),
          expiry: dateArb('2027-01-01', '2035-12-31'),
        }),
        { minLength: 1, maxLength: maxTravellers },
      ),
    })
    .map(({ sender, reference, messages, flight, departure, travellers }) => {
      const out = ["UNA:+.? '", `UNB+UNOC:4+${sender}:ZZ+DOCSCREEN:ZZ+260101:1200+${reference}++APIS`];
      for (let m = 1; m <= messages; m++) {
        const body = [
          `UNH+M${m}+PAXLST:D:02B:UN:IATA`,
          'BGM+745',
          `TDT+20+${carrier}${flight}`,
          'LOC+125+AMS',
          `DTM+189:${departure.replace(/\D/g, '').slice(2)}:201`,
          'LOC+87+JFK',
          ...travellers.flatMap((t) => [
            `NAD+FL+++${esc(t.surname)}:${esc(t.given)}`,
            'ATT+2++F',
            `DTM+329:${yymmdd(t.birth)}`,
            'NAT+2+NLD',
            `DOC+P+${t.number}`,
            `DTM+36:${t.expiry.replace(/-/g, '')}:102`,
            'LOC+91+NLD',
          ]),
          `CNT+42:${travellers.length}`,
        ];
        out.push(...body, `UNT+${body.length + 1}+M${m}`);
      }
      out.push(`UNZ+${messages}+${reference}`);
      return out.map((s, i) => (i === 0 ? s : `${s}'`)).join('\n');
    });

/** A message reference of 35 characters, different for each `i`, as random as a hash. */
const reference = (i: number) =>
  `R${createHash('sha256').update(String(i)).digest('hex').slice(0, 34).toUpperCase()}`;

/** Byte-level accidents and attacks on a text body. */
export const textAccidentArb: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.constant((t: string) => t),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (t: string) => t.slice(0, Math.floor(t.length * f))),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(
        '\u0000',
        "'",
        '+',
        ':',
        '?',
        '\ufffd',
        '\u2019',
        'UNH+X+PAXLST',
        'DTM+189:00000101:102',
        'DTM+329:20260230:102',
        'NAD+FL',
      ),
    )
    .map(([f, s]) => (t: string) => {
      const i = Math.floor(t.length * f);
      return t.slice(0, i) + s + t.slice(i);
    }),
  fc
    .integer({ min: 100, max: 60_000 })
    .map((n) => (t: string) => t.replace(/NAD\+FL\+\+\+[^:']*/, `NAD+FL+++${'A'.repeat(n)}`)),
  fc
    .integer({ min: 36, max: 5_000 })
    .map((n) => (t: string) => t.replace(/UNB\+UNOC:4\+[^:]*/, `UNB+UNOC:4+${'S'.repeat(n)}`)),
  fc
    .integer({ min: 2, max: 400 })
    .map((n) => (t: string) => t.replace(/(UNH[^]*UNT[^']*')/, (m) => m.repeat(n))),
  // Many messages with long references (35 characters that do not compress): the idempotency key
  // derived from them grows with each.
  fc
    .integer({ min: 20, max: 120 })
    .map(
      (n) => (t: string) =>
        t.replace(/UNH\+M1\+[^]*?UNT\+\d+\+M1'/, (m) =>
          Array.from({ length: n }, (_, i) => m.replaceAll('+M1', `+${reference(i)}`)).join('\n'),
        ),
    ),
  fc
    .integer({ min: 2, max: 2_000 })
    .map((n) => (t: string) => t.replace(/(NAD\+FL[^']*')/, (m) => m.repeat(n))),
);

/** A record an authority reports (for `state`), valid or garbled. */
export const recordArb = (state: string): fc.Arbitrary<Json> =>
  fc.record(
    {
      issuingState: fc.constantFrom(state, state, state, 'NLD'),
      documentType: fc.constantFrom('P', 'I', 'PASSPORT', 'visa', 'AC'),
      documentNumber: alnum(5, 12),
      status: fc.constantFrom('lost', 'stolen', 'revoked', 'invalidated'),
      reportedOn: dateArb('2020-01-01', '2026-01-01'),
      lostOn: dateArb('2015-01-01', '2019-12-31'),
      authorityReference: alnum(1, 30),
    },
    { requiredKeys: ['issuingState', 'documentType', 'documentNumber', 'status', 'reportedOn'] },
  ) as fc.Arbitrary<Json>;

export const seriesArb = (state: string): fc.Arbitrary<Json> =>
  fc
    .record({
      issuingState: fc.constant(state),
      documentType: fc.constantFrom('P', 'I'),
      prefix: letters(0, 3),
      digits: fc.integer({ min: 1, max: 6 }),
      a: fc.nat(999_999),
      b: fc.nat(999_999),
      reportedOn: dateArb('2020-01-01', '2026-01-01'),
    })
    .map(({ digits, a, b, ...rest }) => {
      const [low, high] = [a, b].map((n) => String(n % 10 ** digits).padStart(digits, '0')).sort();
      return { ...rest, firstNumber: low!, lastNumber: high!, status: 'stolen_blank' };
    });

/** A national list (CSV with its header, or JSON Lines) of a few lines. */
export const nationalListArb = (state: string): fc.Arbitrary<{ text: string; csv: boolean }> =>
  fc.tuple(fc.array(recordArb(state), { minLength: 1, maxLength: 5 }), fc.boolean()).map(([records, csv]) => {
    const rows = records as Record<string, Json>[];
    if (!csv) return { text: rows.map((r) => JSON.stringify(snake(r))).join('\n'), csv };
    const header =
      'issuing_state,document_type,document_number,status,reported_on,lost_on,authority_reference';
    const line = (r: Record<string, Json>) =>
      [
        'issuingState',
        'documentType',
        'documentNumber',
        'status',
        'reportedOn',
        'lostOn',
        'authorityReference',
      ]
        .map((k) =>
          typeof r[k] === 'string' ? `"${(r[k] as string).replace(/"/g, '""')}"` : String(r[k] ?? ''),
        )
        .join(',');
    return { text: [header, ...rows.map(line)].join('\n'), csv };
  });

const snake = (r: Record<string, Json>) =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );

export const authorityArb: fc.Arbitrary<Json> = fc.record({
  code: fc
    .string({ unit: fc.constantFrom(...'abcdefghij-0123'), minLength: 1, maxLength: 20 })
    .map((s) => `fz-${s}`),
  name: nameArb,
  issuingState: letters(1, 3),
});

export const carrierArb: fc.Arbitrary<Json> = fc.record({
  iataCode: alnum(2, 2),
  name: nameArb,
  contactEmail: alnum(1, 10).map((s) => `${s.toLowerCase()}@example.org`),
});

export const webhookArb: fc.Arbitrary<Json> = fc.record({
  url: fc.constantFrom(
    'https://example.org/directives',
    'http://example.org/x',
    'https://10.0.0.1/x',
    'https://[::1]/x',
    'https://0x7f000001/x',
    'https://169.254.169.254/latest/meta-data',
    'https://user:secret@example.org/x',
    'ftp://example.org/x',
    'https://example.org:99999/x',
    'not a url',
    `https://example.org/${'a'.repeat(5000)}`,
  ),
});

export const republishArb: fc.Arbitrary<Json> = fc.record(
  { actor: nameArb, reason: nameArb },
  { requiredKeys: [] },
);

export const lookupArb = (state: string): fc.Arbitrary<Json> =>
  fc.record(
    {
      issuingState: fc.constantFrom(state, 'NLD'),
      documentNumber: alnum(1, 12),
      documentType: fc.constantFrom('P', 'I'),
    },
    { requiredKeys: ['issuingState', 'documentNumber'] },
  );

/** Dates that are well formed but no calendar has, and text limits' edges. */
const ODD_DATES = [
  '2026-02-30',
  '2023-02-29',
  '1900-02-29',
  '0000-00-00',
  '2026-13-45',
  '2026-00-10',
  '9999-12-32',
];
const ODD_TIMES = [
  '2026-02-30T10:00',
  '0000-00-00T00:00',
  '2026-13-45T25:61',
  '2026-03-01T24:00',
  '2026-03-01T23:60',
  '2023-02-29T12:00',
];
const ODD_TEXT: ((value: string) => string)[] = [
  (v) => `${v}\u0000`,
  (v) => `\u0000${v}`,
  (v) => v.replace(/^(.)/, '$1\u0000'),
  (v) => `${v}\u0001\u001f`,
  (v) => `${v}\u007f\u0085`,
  (v) => `${v}\u200b`,
  (v) => `${v}\ud800`,
  (v) => `${v}\u{1f600}`,
  (v) => v.replace(/[A-Z]/g, (c) => String.fromCodePoint((c.codePointAt(0) ?? 0x41) - 0x41 + 0xff21)),
  (v) => `${v}\r\n`,
  (v) => ` ${v} `,
];
const LENGTHS = [35, 36, 64, 65, 70, 71, 100, 101, 200, 201, 254, 255, 1000];

/**
 * One subtle change of a valid body, the kind validation must catch and a database would refuse: a
 * date (or date-time) that is well formed but impossible, a text field with NUL, control or other odd
 * characters, or one a character over a length limit. `at` picks the field, `variant` the change.
 */
export function subtleEdit(value: Json, at: number, variant: number): Json {
  const copy = structuredClone(value);
  const valueAt = (path: (string | number)[]) =>
    path.reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy);
  const leaves = pathsOf(copy).filter((path) => typeof valueAt(path) === 'string');
  const path = leaves[at % Math.max(leaves.length, 1)];
  if (!path) return copy;
  const parent = valueAt(path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  const old = parent[key] as string;
  if (/^\d{4}-\d{2}-\d{2}T/.test(old)) parent[key] = ODD_TIMES[variant % ODD_TIMES.length]!;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(old)) parent[key] = ODD_DATES[variant % ODD_DATES.length]!;
  else if (variant % 4 === 0)
    parent[key] = old.padEnd(LENGTHS[variant % LENGTHS.length]!, old.slice(-1) || 'X');
  else parent[key] = ODD_TEXT[variant % ODD_TEXT.length]!(old);
  return copy;
}

/** A valid body (a fifth), one subtly changed (two fifths), or one garbled by a few edits. */
export const validOrGarbled = (arb: fc.Arbitrary<Json>) =>
  fc
    .tuple(arb, editsArb, fc.nat(), fc.nat(), fc.nat(9))
    .map(([value, edits, at, variant, dice]) =>
      dice < 2 ? value : dice < 6 ? subtleEdit(value, at, variant) : applyEdits(value, edits),
    );
