import type { Corpus } from './corpus.js';
import { type ConformanceCase, type Expectation, referenceCheckDigit, statesOf } from './expectations.js';
import { CHECK_FIELDS, formatOf } from './icao-specimens.js';

export const EDGE_CASES_FILE = 'mrz/invalid_and_edge_cases.json';

/**
 * The one case the libraries disagree on: Belgian card BEL-BO-03003 writes a long-number check digit
 * that only holds with the filler at position 15 included, where ICAO (and BEL-BO-11005) leave it
 * out. We accept either (libs/mrz/src/formats/fields.ts, ADR 0004), so the corpus' valid:true holds.
 */
export const DISPUTED_BELGIAN_NOTE =
  'disputed: check digit 3 holds only with the filler included (ICAO leaves it out); we accept either';

interface EdgeCase {
  src: string;
  test: string;
  mrz: string[];
  expected: string;
  independent_check?: { format: string; checks: Record<string, boolean> };
}

/** cheminfo/mrz names check-digit details after the field they check. */
export const CHEMINFO_CHECK_FIELDS: Record<string, string> = {
  documentNumberCheckDigit: 'documentNumber',
  birthDateCheckDigit: 'birthDate',
  expirationDateCheckDigit: 'expiryDate',
  personalNumberCheckDigit: 'optionalData',
  compositeCheckDigit: 'composite',
};

/**
 * "… personalNumberCheckDigit {…,error:"invalid check digit: 2. Must be 1"}" and the form whose
 * expected digit is written as `${computeCheckDigit("000590240601")}` [=1 …].
 */
function statedCheckDigitErrors(text: string): { field: string; message: string }[] {
  const pattern =
    /(\w+CheckDigit)\b[^;]*?invalid check digit: (\S+?)\. Must be (?:(\d)|\$\{computeCheckDigit\("([^"]*)"\)\}`\s*\[=(\d))/g;
  return [...text.matchAll(pattern)].map((m) => {
    const [, detail = '', found = '', digit, computedOver, statedDigit] = m;
    let expected = digit ?? statedDigit ?? '';
    if (computedOver !== undefined && String(referenceCheckDigit(computedOver)) !== statedDigit) {
      expected = `corpus says ${statedDigit} but computeCheckDigit gives ${referenceCheckDigit(computedOver)}`;
    }
    return {
      field: CHEMINFO_CHECK_FIELDS[detail] ?? detail,
      message: `check digit is ${found}, expected ${expected}`,
    };
  });
}

function expectationOf(entry: EdgeCase): Pick<ConformanceCase, 'expect' | 'note' | 'input'> {
  const first = entry.mrz[0] ?? '';
  if (entry.expected.startsWith('throws')) return { input: entry.mrz, expect: { kind: 'unusable' } };
  if (/^MRZ\(\[.*\]\)$/.test(first)) {
    throw new Error('PassportEye MRZ([...]) entries are expanded by the caller');
  }
  if (entry.independent_check === undefined) {
    if (entry.mrz.some((line) => /[^A-Z0-9<]/.test(line))) {
      return {
        input: entry.mrz,
        expect: { kind: 'unusable' },
        note:
          'cheminfo/mrz parses this as a (non-ICAO) French identity card and reports it invalid; a character ' +
          'outside the MRZ alphabet makes it unusable input for us, which is stricter than invalid',
      };
    }
    throw new Error(`no rule for edge case ${entry.test}`);
  }
  const failed = Object.entries(entry.independent_check.checks)
    .filter(([, ok]) => !ok)
    .map(([check]) => CHECK_FIELDS[check] ?? check);
  const statedValid = /^valid:(true|false)/.exec(entry.expected)?.[1];
  const valid = failed.length === 0;
  const expect: Expectation = {
    kind: 'parsed',
    valid,
    format: formatOf(entry.independent_check.format),
    errorFields: failed,
    errors: statedCheckDigitErrors(entry.expected),
  };
  expect.specimen = statesOf(entry.mrz, entry.independent_check.format).includes('UTO');
  const disagrees = statedValid !== undefined && (statedValid === 'true') !== valid;
  if (/INCLUDED/.test(entry.expected)) {
    return { input: entry.mrz, expect, note: DISPUTED_BELGIAN_NOTE };
  }
  return {
    input: entry.mrz,
    expect,
    ...(disagrees
      ? {
          note:
            'cheminfo/mrz rejects the ICAO specimen state UTO; we accept it and flag the result as a specimen, ' +
            'so only the check digits decide validity',
        }
      : {}),
  };
}

export function edgeCases(corpus: Corpus): ConformanceCase[] {
  const entries = JSON.parse(corpus.read(EDGE_CASES_FILE)) as EdgeCase[];
  return entries.flatMap((entry): ConformanceCase[] => {
    const name = `${entry.src.split('@')[0] ?? entry.src}: ${entry.test}`;
    const check = /^check\("([^"]*)","(\d)"\)$/.exec(entry.mrz[0] ?? '');
    if (check) {
      const [, value = '', digit = ''] = check;
      const mustBe = /Must be (\d)/.exec(entry.expected)?.[1];
      const cases: ConformanceCase[] = [
        {
          source: EDGE_CASES_FILE,
          name,
          expect: { kind: 'checkDigit', value, digit: Number(digit), matches: false },
        },
      ];
      if (mustBe !== undefined) {
        cases.push({
          source: EDGE_CASES_FILE,
          name: `${name} (must be ${mustBe})`,
          expect: { kind: 'checkDigit', value, digit: Number(mustBe), matches: true },
        });
      }
      return cases;
    }
    if (entry.mrz.every((line) => /^MRZ\(\[.*\]\)$/.test(line))) {
      // Each "MRZ([…])" is a PassportEye call on degenerate input: "mrz_type is None".
      return entry.mrz.map((call) => ({
        source: EDGE_CASES_FILE,
        name: `${name}: ${call}`,
        input: JSON.parse(call.slice(4, -1)) as unknown,
        expect: { kind: 'unusable' },
      }));
    }
    return [{ source: EDGE_CASES_FILE, name, ...expectationOf(entry) }];
  });
}
