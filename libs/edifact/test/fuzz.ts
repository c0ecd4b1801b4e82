/**
 * Generators for the property-based (fuzz) specs of the reader and the PAXLST mapper: separators a
 * UNA may declare, interchanges written from a model (so a spec knows what reading them must give),
 * and mutations of such text that real traffic shows — wrapped lines, telex control bytes, redefined
 * or mismatched separators, lost release characters, wrong counts, Unicode where ASCII was due.
 */
import fc from 'fast-check';
import type { DefectCode, EdifactError, Separators } from '../src/index.js';

/** Every defect code, so a spec can check that each reported defect carries a known one. */
export const DEFECT_CODES: ReadonlySet<DefectCode> = new Set<DefectCode>([
  'not-edifact',
  'leading-text-ignored',
  'trailing-text-ignored',
  'control-characters',
  'typographic-terminator',
  'unexpected-character',
  'bad-service-string',
  'separators-inferred',
  'bad-segment-tag',
  'space-in-tag',
  'empty-segment',
  'unterminated-segment',
  'missing-segment',
  'unexpected-segment',
  'reference-mismatch',
  'count-mismatch',
  'not-paxlst',
  'unsupported-version',
  'malformed-element',
  'unknown-qualifier',
  'missing-value',
  'bad-date',
  'incomplete-leg',
  'missing-name',
  'missing-document',
  'missing-document-type',
  'missing-document-number',
  'missing-issuing-state',
  'unreadable-traveller',
]);

/** What every defect must carry for a carrier to act on it; '' when it does. */
export function defectProblem(error: EdifactError, segmentTags: ReadonlyMap<number, string>): string {
  if (!DEFECT_CODES.has(error.code)) return `unknown code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== 'string' || error.message.trim() === '') return `no message (${error.code})`;
  if (error.severity !== 'error' && error.severity !== 'warning') return `severity ${error.severity}`;
  if (error.segment === 0) return error.tag === '' ? '' : `segment 0 with tag ${error.tag}`;
  const tag = segmentTags.get(error.segment);
  if (tag === undefined) return `segment ${error.segment} does not exist (${error.code})`;
  if (tag !== error.tag) return `segment ${error.segment} is ${tag}, not ${error.tag}`;
  return '';
}

/** The characters ISO 9735 level A allows as service characters: printable ASCII, no letter or digit. */
export const SERVICE_CHARACTERS = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

/** Separators a UNA may declare: four distinct service characters, a decimal mark, a repetition slot. */
export const separatorsArb: fc.Arbitrary<Separators> = fc
  .tuple(
    fc.shuffledSubarray(SERVICE_CHARACTERS, { minLength: 4, maxLength: 4 }),
    fc.constantFrom('.', ','),
    fc.constantFrom(' ', '*', '^'),
  )
  .map(([[component = ':', element = '+', release = '?', terminator = "'"], decimal, repetition]) => ({
    component,
    element,
    decimal,
    release,
    repetition,
    terminator,
  }));

/** The defaults, or (mostly) any other usable set: carriers do redefine them. */
export const someSeparatorsArb: fc.Arbitrary<Separators> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constant({
      component: ':',
      element: '+',
      decimal: '.',
      release: '?',
      repetition: ' ',
      terminator: "'",
    }),
  },
  { weight: 3, arbitrary: separatorsArb },
);

export const unaOf = (s: Separators): string =>
  `UNA${s.component}${s.element}${s.decimal}${s.release}${s.repetition}${s.terminator}`;

/**
 * One character of data: mostly what PAXLST carries, often a service character (so that releasing
 * is exercised), sometimes Latin-1, other scripts, astral characters or typographic apostrophes.
 * Never a control character, a line break or U+FFFD: the reader drops or flags those by design.
 * One pick from a weighted pool: generating characters one arbitrary at a time costs more than
 * reading them.
 */
const DATA_POOL: readonly string[] = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.repeat(3),
  ...SERVICE_CHARACTERS,
  ...'  \t\u2019\u2018',
  ...'ÀÉÑÖØßàéñöøÿ¡¿§°µ\u00a0',
  ...'ĞŁŒŠŽΑΒΓΔЖЗИКЛ中文字あア한\u0301\u200b\u2010\uff21',
  '\u{1f600}',
  '\u{1f44d}\u{1f3fd}',
  '\u{10348}',
];
export const dataCharArb: fc.Arbitrary<string> = fc.constantFrom(...DATA_POOL);

export const dataArb = (maxLength = 12) => fc.string({ unit: dataCharArb, maxLength });

/** A segment tag other than the service segments that open or close an interchange. */
export const tagArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  )
  .map((t) => t.join(''))
  .filter((t) => !['UNA', 'UNB', 'UNZ'].includes(t));

export interface ModelSegment {
  tag: string;
  /** Elements after the tag, each its components, as the reader must give them back. */
  elements: string[][];
}

export const segmentArb: fc.Arbitrary<ModelSegment> = fc.record({
  tag: tagArb,
  elements: fc.array(fc.array(dataArb(), { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
});

const escapers = new Map<string, RegExp>();

/** Data with every service character of `s` (and ’ ‘, which may end a segment) released. */
export function escape(value: string, s: Separators): string {
  const key = s.component + s.element + s.release + s.terminator;
  let pattern = escapers.get(key);
  if (!pattern) {
    const chars = [s.component, s.element, s.release, s.terminator, '\u2019', '\u2018'];
    pattern = new RegExp(`[${chars.map((c) => `\\${c}`).join('')}]`, 'g');
    escapers.set(key, pattern);
  }
  return value.replace(pattern, (c) => s.release + c);
}

export function writeSegment(segment: ModelSegment, s: Separators): string {
  let out = segment.tag;
  for (const element of segment.elements) {
    out += s.element;
    for (let i = 0; i < element.length; i++) out += (i > 0 ? s.component : '') + escape(element[i] ?? '', s);
  }
  return out + s.terminator;
}

/**
 * `expect(actual).toEqual(expected)`, but compared as JSON first: Jest's deep equality costs more
 * than the reader itself, and a fuzz target runs ten thousand times.
 */
export function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

/** Line breaks carriers put between segments: none, LF or CRLF. */
export const betweenArb = fc.constantFrom('', '\n', '\r\n');

/** The UNB this module writes: syntax UNOY (UTF-8), so other scripts are expected, not flagged. */
export const unbSegment = (syntax = 'UNOY'): ModelSegment => ({
  tag: 'UNB',
  elements: [[syntax, '4'], ['SENDER', 'ZZ'], ['RECEIVER', 'ZZ'], ['200130', '0300'], ['IC1']],
});

export const unzSegment: ModelSegment = { tag: 'UNZ', elements: [['1'], ['IC1']] };

/** UNA, UNB, the body, UNZ, with `between` after each segment. */
export function writeInterchange(
  body: readonly ModelSegment[],
  s: Separators,
  between = '',
  syntax = 'UNOY',
): string {
  return (
    unaOf(s) +
    between +
    [unbSegment(syntax), ...body, unzSegment].map((segment) => writeSegment(segment, s) + between).join('')
  );
}

/** A mutation of text: where it applies is chosen from `at` (a fraction of the length). */
export type Mutation = (text: string) => string;

const at = (text: string, fraction: number) => Math.floor(fraction * (text.length + 1));
const splice = (text: string, index: number, remove: number, insert: string) =>
  text.slice(0, index) + insert + text.slice(index + remove);

/** Characters that break things when they land in the wrong place. */
const NASTY = [
  ...SERVICE_CHARACTERS,
  '\r\n',
  '\n',
  '\u0000',
  '\u0001',
  '\u0002',
  '\u0003',
  '\u001a',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2019',
  '\u2018',
  '\ufeff',
  '\ufffd',
  '\ud83d',
  '\ude00',
  '\u200b',
  'UNA',
  'UNB',
  'UNH',
  'UNT',
  'UNZ',
  "UNA:+.? '",
  'UNA*+.? $',
  'NAD+FL',
  'DOC+P',
  'DTM+329:',
  'CNT+42:',
  'UNS+D',
  'PDT+P/',
];

/** Structure-aware edits of a valid interchange, each as real traffic might garble it. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  // a nasty character or token inserted, a character deleted or replaced
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...NASTY)).map(
    ([f, s]): Mutation =>
      (t) =>
        splice(t, at(t, f), 0, s),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 20 })).map(
    ([f, n]): Mutation =>
      (t) =>
        splice(t, at(t, f), n, ''),
  ),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), dataCharArb).map(
    ([f, c]): Mutation =>
      (t) =>
        splice(t, at(t, f), 1, c),
  ),
  // cut short (a truncated upload), or sent twice
  fc.double({ min: 0, max: 1, noNaN: true }).map(
    (f): Mutation =>
      (t) =>
        t.slice(0, at(t, f)),
  ),
  fc.constant((t: string) => t + t),
  // a stretch duplicated (a segment sent twice, a count now wrong), or moved
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 }))
    .map(([f, n]): Mutation => (t) => {
      const i = at(t, f);
      return splice(t, i, 0, t.slice(i, i + n));
    }),
  // one separator swapped for another throughout (UNA now lies), or every release character lost
  fc.tuple(fc.constantFrom(...SERVICE_CHARACTERS), fc.constantFrom(...SERVICE_CHARACTERS)).map(
    ([a, b]): Mutation =>
      (t) =>
        t.slice(0, 9) + t.slice(9).replaceAll(a, b),
  ),
  // wrapped at a fixed width, as mail and telex gateways do
  fc.integer({ min: 1, max: 80 }).map(
    (width): Mutation =>
      (t) =>
        t.match(new RegExp(`[^]{1,${width}}`, 'g'))?.join('\r\n') ?? t,
  ),
  // a digit run (a count, a date, a length) replaced by a huge, zero or negative number
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(
        '0',
        '-1',
        '99999999999999999999',
        '1e9',
        '00',
        '00000101',
        '00500101',
        '000001010000',
        '20260230',
      ),
    )
    .map(([f, n]): Mutation => (t) => {
      const digits = /\d+/g;
      digits.lastIndex = at(t, f);
      const m = digits.exec(t) ?? /\d+/.exec(t);
      return m ? splice(t, m.index, m[0].length, n) : t;
    }),
  // one very long element (a field thousands of characters long)
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 100, max: 5000 }), dataCharArb).map(
    ([f, n, c]): Mutation =>
      (t) =>
        splice(t, at(t, f), 0, c.repeat(n)),
  ),
  // upper/lower case flipped (UNOA senders writing lower case)
  fc.constant((t: string) => t.toLowerCase()),
);

/** One to five mutations in a row. */
export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 5 });

export const applyAll = (text: string, mutations: readonly Mutation[]) =>
  mutations.reduce((t, m) => m(t), text);

const START = ['', '', 'UNA', "UNA:+.? '", 'UNB+', 'UNB', 'UNH+', "UNA:+.?*'UNB+UNOA:4+"];

/**
 * Random text — any code points, bytes read as Windows-1252, EDIFACT-ish tokens, graphemes — most of
 * it after something that makes the reader start (a bare UNA, UNB or UNH), so the tokeniser sees it.
 */
export const junkArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...START),
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom(...NASTY, 'A', 'Z', '1', ' '), maxLength: 120 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder('windows-1252').decode(b)),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
    ),
  )
  .map(([start, rest]) => start + rest);

const figures: { target: string; inputs: number; ms: number; cpuMs: number }[] = [];

/**
 * Runs a property over `numRuns` generated inputs (fast-check prints the seed and the shrunk
 * counterexample when it fails) and keeps how long it took for {@link printFuzzFigures}.
 */
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

/** The figures of this spec file, one line per target, for the test log (call in afterAll). */
export function printFuzzFigures(): void {
  const lines = figures.map(
    // CPU time beside wall time: on a busy machine only the first says what the target costs.
    (f) =>
      `fuzz ${f.target}: ${f.inputs.toLocaleString('en')} inputs in ${(f.ms / 1000).toFixed(2)} s (${(f.cpuMs / 1000).toFixed(2)} s CPU)`,
  );
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}
