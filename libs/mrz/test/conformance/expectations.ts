import type { MrzFormat, MrzResult } from '../../src/index.js';

/**
 * Fields as the corpus states them, in our vocabulary. Dates stay YYMMDD as the corpus writes them
 * (compared with the ISO date less its century); an array lists accepted alternatives.
 */
export type ExpectedFields = Partial<
  Record<
    | 'documentCode'
    | 'issuingState'
    | 'documentNumber'
    | 'nationality'
    | 'birthDate'
    | 'sex'
    | 'expiryDate'
    | 'surname'
    | 'givenNames'
    | 'optionalData'
    | 'optionalData2',
    string | readonly string[]
  >
>;

export type Expectation =
  /** No MRZ at all: the subject must signal unusable input. */
  | { kind: 'unusable' }
  /** Garbled input (OCR slips) the subject must not accept: unusable or valid:false. */
  | { kind: 'notValid' }
  | {
      kind: 'parsed';
      valid: boolean;
      format?: MrzFormat;
      specimen?: boolean;
      fields?: ExpectedFields;
      /** Exact set of fields that carry errors. */
      errorFields?: readonly string[];
      /** Fields that must be among those with errors. */
      errorFieldsInclude?: readonly string[];
      /** Errors that must be present, message included. */
      errors?: readonly { field: string; message: string }[];
      errorCount?: number;
    }
  | { kind: 'checkDigit'; value: string; digit: number; matches: boolean }
  | { kind: 'checkDigitSame'; a: string; b: string }
  | { kind: 'checkDigitRejects'; value: string }
  | {
      kind: 'stateCodes';
      exact?: readonly string[];
      count?: number;
      include?: readonly string[];
      /** The only codes that are not 3 letters long. */
      notThreeLetters?: readonly string[];
    };

export interface ConformanceCase {
  /** Corpus file, relative to the corpus folder. */
  source: string;
  /** The test, doctest or entry the case comes from. */
  name: string;
  input?: unknown;
  expect: Expectation;
  /** Where we knowingly differ from what the file's own library asserts, and why. */
  note?: string;
}

/** What is judged: our library, or another one through an adapter. */
export interface Subject {
  parseMrz(input: string | readonly string[], options: { today: Date }): MrzResult;
  checkDigit(value: string): number;
  isUnusable(error: unknown): boolean;
  stateCodes: ReadonlySet<string>;
}

/** Fixed so that 2-digit years resolve the same way every year the suite runs. */
export const CONFORMANCE_TODAY = new Date('2025-01-01T00:00:00Z');

/** Independent 7-3-1 check digit, so that expectations the corpus computes are not ours. */
export function referenceCheckDigit(value: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  [...value].forEach((char, i) => {
    const v = char === '<' ? 0 : /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    sum += v * (weights[i % 3] ?? 0);
  });
  return sum % 10;
}

/** Fillers read as spaces and trimmed, as our fields carry optional data. */
export function cleanText(raw: string): string {
  return raw.replace(/</g, ' ').trim();
}

/** Issuing state and nationality as written in the MRZ lines of a format. */
export function statesOf(lines: readonly string[], format: string): [string, string] {
  const [first = '', second = ''] = lines;
  const nationality = format === 'TD1' ? second.slice(15, 18) : second.slice(10, 13);
  return [first.slice(2, 5), nationality];
}

export function trimFillers(raw: string): string {
  return raw.replace(/<+$/, '');
}

function compareField(name: string, expected: string | readonly string[], actual: unknown): string | null {
  let shown = actual;
  if ((name === 'birthDate' || name === 'expiryDate') && typeof actual === 'string') {
    shown = actual.slice(2).replace(/-/g, '');
  }
  const accepted: readonly string[] = typeof expected === 'string' ? [expected] : expected;
  return accepted.includes(shown as string)
    ? null
    : `field ${name}: expected ${accepted.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(actual)}`;
}

function evaluateParsed(expectation: Extract<Expectation, { kind: 'parsed' }>, result: MrzResult): string[] {
  const problems: string[] = [];
  const errorFields: string[] = [...new Set(result.errors.map((e) => e.field))].sort();
  const described = JSON.stringify(result.errors);
  if (result.valid !== expectation.valid)
    problems.push(`valid: expected ${expectation.valid}, got ${result.valid} ${described}`);
  if (expectation.format && result.format !== expectation.format) {
    problems.push(`format: expected ${expectation.format}, got ${result.format}`);
  }
  if (expectation.specimen !== undefined && result.specimen !== expectation.specimen) {
    problems.push(`specimen: expected ${expectation.specimen}, got ${result.specimen}`);
  }
  for (const [name, expected] of Object.entries(expectation.fields ?? {})) {
    const problem = compareField(name, expected, (result.fields as unknown as Record<string, unknown>)[name]);
    if (problem) problems.push(problem);
  }
  if (expectation.errorFields) {
    const wanted = [...new Set(expectation.errorFields)].sort();
    if (wanted.join() !== errorFields.join())
      problems.push(`error fields: expected [${wanted}], got ${described}`);
  }
  for (const field of expectation.errorFieldsInclude ?? []) {
    if (!errorFields.includes(field)) problems.push(`error on ${field} expected, got ${described}`);
  }
  for (const error of expectation.errors ?? []) {
    if (!result.errors.some((e) => e.field === error.field && e.message === error.message)) {
      problems.push(`error ${JSON.stringify(error)} expected, got ${described}`);
    }
  }
  if (expectation.errorCount !== undefined && result.errors.length !== expectation.errorCount) {
    problems.push(`error count: expected ${expectation.errorCount}, got ${described}`);
  }
  return problems;
}

function evaluateStateCodes(
  e: Extract<Expectation, { kind: 'stateCodes' }>,
  codes: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (e.exact) {
    const missing = e.exact.filter((code) => !codes.has(code));
    const extra = [...codes].filter((code) => !e.exact?.includes(code));
    if (missing.length > 0 || extra.length > 0)
      problems.push(`missing [${missing}], not in the corpus [${extra}]`);
  }
  if (e.count !== undefined && codes.size !== e.count)
    problems.push(`${codes.size} codes, expected ${e.count}`);
  const absent = (e.include ?? []).filter((code) => !codes.has(code));
  if (absent.length > 0) problems.push(`missing [${absent}]`);
  if (e.notThreeLetters) {
    const odd = [...codes].filter((code) => code.length !== 3).sort();
    if (odd.join() !== [...e.notThreeLetters].sort().join()) problems.push(`codes not 3 long: [${odd}]`);
  }
  return problems;
}

function attempt<T>(run: () => T): { value: T } | { error: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

/** Empty when the subject does what the case expects, otherwise what went wrong. */
export function evaluate(c: ConformanceCase, subject: Subject): string[] {
  const e = c.expect;
  switch (e.kind) {
    case 'checkDigit': {
      const got = attempt(() => subject.checkDigit(e.value));
      if ('error' in got) return [`checkDigit(${e.value}) threw ${String(got.error)}`];
      return (got.value === e.digit) === e.matches
        ? []
        : [`checkDigit(${e.value}) is ${got.value}, expected ${e.matches ? '' : 'not '}${e.digit}`];
    }
    case 'checkDigitSame': {
      const got = attempt(() => [subject.checkDigit(e.a), subject.checkDigit(e.b)]);
      if ('error' in got) return [`checkDigit threw ${String(got.error)}`];
      return got.value[0] === got.value[1] ? [] : [`checkDigit(${e.a}) != checkDigit(${e.b}): ${got.value}`];
    }
    case 'checkDigitRejects': {
      const got = attempt(() => subject.checkDigit(e.value));
      return 'error' in got
        ? []
        : [`checkDigit(${JSON.stringify(e.value)}) returned ${got.value} instead of refusing`];
    }
    case 'stateCodes':
      return evaluateStateCodes(e, subject.stateCodes);
    default: {
      const got = attempt(() =>
        subject.parseMrz(c.input as string | readonly string[], { today: CONFORMANCE_TODAY }),
      );
      if ('error' in got) {
        const unusable = subject.isUnusable(got.error);
        if ((e.kind === 'unusable' || e.kind === 'notValid') && unusable) return [];
        return [`threw ${unusable ? 'unusable input' : 'unexpectedly'}: ${String(got.error)}`];
      }
      if (e.kind === 'unusable') return [`expected unusable input, got a result (valid: ${got.value.valid})`];
      if (e.kind === 'notValid') return got.value.valid ? ['expected not valid, got valid: true'] : [];
      return evaluateParsed(e, got.value);
    }
  }
}
