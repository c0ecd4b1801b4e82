import type { MrzFormat } from '../../src/index.js';
import type { Corpus } from './corpus.js';
import {
  type ConformanceCase,
  type Expectation,
  type ExpectedFields,
  cleanText,
  trimFillers,
} from './expectations.js';

export const PASSPORTEYE_DIR = 'mrz/passporteye';

const FIELDS: Record<string, [keyof ExpectedFields, (raw: string) => string]> = {
  type: ['documentCode', trimFillers],
  country: ['issuingState', trimFillers],
  number: ['documentNumber', trimFillers],
  date_of_birth: ['birthDate', (raw) => raw],
  expiration_date: ['expiryDate', (raw) => raw],
  nationality: ['nationality', trimFillers],
  sex: ['sex', (raw) => (raw === '<' ? 'X' : raw)],
  names: ['givenNames', (raw) => raw],
  surname: ['surname', (raw) => raw],
  optional1: ['optionalData', cleanText],
  optional2: ['optionalData2', cleanText],
  personal_number: ['optionalData', cleanText],
};
const CHECKED_BY: Record<string, string> = {
  check_number: 'number',
  check_date_of_birth: 'date_of_birth',
  check_expiration_date: 'expiration_date',
  check_personal_number: 'personal_number',
};
const FLAGS: Record<string, string> = {
  valid_number: 'documentNumber',
  valid_date_of_birth: 'birthDate',
  valid_expiration_date: 'expiryDate',
  valid_composite: 'composite',
  valid_personal_number: 'optionalData',
};
const DIGIT_ORDER = ['documentNumber', 'birthDate', 'expiryDate', 'composite', 'optionalData'];

const GUESS_NOTE =
  'PassportEye guesses a type from the line count alone; input of no MRZ layout is unusable for us';
const OCR_NOTE =
  'PassportEye cleans OCR output (spaces, stray lines, O/0); we take MRZ text only, so this is unusable';
const EMPTY_DIGIT_NOTE =
  'PassportEye returns no digit for an empty string; the 7-3-1 sum of nothing is 0 for us';

/** Assertions a doctest or test function makes about one parsed MRZ. */
class Statements {
  values: Record<string, string[]> = {};
  valid: boolean | undefined;
  format: MrzFormat | undefined;
  flags: Record<string, boolean> = {};

  add(term: string): void {
    const t = term
      .trim()
      .replace(/\b(?:m|mrz)\['(\w+)'\]/g, 'm.$1')
      .replace(/\bmrz\b/g, 'm');
    let m: RegExpExecArray | null;
    if ((m = /^(not )?m\.valid$/.exec(t))) this.valid = !m[1];
    else if ((m = /^m\.valid_score (==|<|>=) (\d+)$/.exec(t))) this.valid = m[1] === '<' ? false : true;
    else if ((m = /^m\.mrz_type == '(\w+)'$/.exec(t))) this.format = m[1] as MrzFormat;
    else if ((m = /^m\.valid_check_digits == \[(.*)\]$/.exec(t))) {
      (m[1] ?? '')
        .split(',')
        .forEach((flag, i) => (this.flags[DIGIT_ORDER[i] ?? ''] = flag.trim() === 'True'));
    } else if ((m = /^(not )?m\.(valid_\w+)$/.exec(t)) && FLAGS[m[2] ?? ''])
      this.flags[FLAGS[m[2] ?? ''] ?? ''] = !m[1];
    else if ((m = /^m\.(\w+) == '([^']*)'$/.exec(t))) this.values[m[1] ?? ''] = [m[2] ?? ''];
    else if ((m = /^m\.(\w+) in \[(.*)\]$/.exec(t)))
      this.values[m[1] ?? ''] = [...(m[2] ?? '').matchAll(/'([^']*)'/g)].map((s) => s[1] ?? '');
    else if (t !== 'm is not None') throw new Error(`unread PassportEye assertion: ${term}`);
  }

  cases(source: string, name: string, input: unknown): ConformanceCase[] {
    const fields: ExpectedFields = {};
    const digits: ConformanceCase[] = [];
    for (const [attr, values] of Object.entries(this.values)) {
      const field = FIELDS[attr];
      if (field) fields[field[0]] = values.map(field[1]);
      const checked = CHECKED_BY[attr];
      // Only an unambiguous value (not an OCR alternative) can be checked against a digit.
      const checkedValues = checked ? this.values[checked] : undefined;
      const value = checkedValues?.length === 1 ? checkedValues[0] : undefined;
      if (value !== undefined && /^\d$/.test(values[0] ?? '')) {
        digits.push({
          source,
          name: `${name}: ${attr} of ${value}`,
          expect: { kind: 'checkDigit', value, digit: Number(values[0]), matches: true },
        });
      }
    }
    const flagged = Object.entries(this.flags);
    const expect: Expectation = {
      kind: 'parsed',
      valid: this.valid ?? flagged.every(([, ok]) => ok),
      ...(this.format ? { format: this.format } : {}),
      fields,
    };
    const states = [...(this.values['country'] ?? []), ...(this.values['nationality'] ?? [])];
    if (states.length > 0) expect.specimen = states.includes('UTO');
    if (flagged.length > 0) expect.errorFields = flagged.filter(([, ok]) => !ok).map(([field]) => field);
    return [{ source, name, input, expect }, ...digits];
  }
}

/** Python literals of the doctests: strings, 'c'*n, ints, and flat lists of them. */
function pyValue(text: string): unknown {
  const t = text.trim();
  if (t.startsWith('[')) {
    const inner = t.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map(pyValue);
  }
  const repeat = /^'([^']*)'\*(\d+)$/.exec(t);
  if (repeat) return (repeat[1] ?? '').repeat(Number(repeat[2]));
  // The doctests sit in a docstring: '\\n' in the file is a newline once Python has read it twice.
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/\\\\n|\\n/g, '\n');
  if (/^\d+$/.test(t)) return Number(t);
  throw new Error(`unread Python literal ${text}`);
}

function doctestCases(source: string, text: string): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const lines = text.split('\n').map((line) => line.trim());
  let current: { statements: Statements; input: unknown; name: string } | undefined;
  const flush = (): void => {
    if (current) cases.push(...current.statements.cases(source, current.name, current.input));
    current = undefined;
  };
  lines.forEach((line, index) => {
    if (!line.startsWith('>>> ')) {
      if (line === '' || line.startsWith('#')) flush();
      return;
    }
    const code = line.slice(4).replace(/\s+#[^']*$/, '');
    const output = lines[index + 1] ?? '';
    const name = `doctest line ${index + 1}: ${code.slice(0, 70)}`;
    let m: RegExpExecArray | null;
    if ((m = /^m = MRZ\((\[.*\])\)(?:\.to_dict\(\))?$/.exec(code))) {
      flush();
      current = { statements: new Statements(), input: pyValue(m[1] ?? ''), name };
    } else if ((m = /^m = MRZ\.from_ocr\((.*)\)$/.exec(code))) {
      flush();
      cases.push({ source, name, input: pyValue(m[1] ?? ''), expect: { kind: 'unusable' }, note: OCR_NOTE });
    } else if ((m = /^assert MRZ\((\[.*\])\)\.mrz_type is None$/.exec(code))) {
      cases.push({ source, name, input: pyValue(m[1] ?? ''), expect: { kind: 'unusable' } });
    } else if ((m = /^MRZ\._guess_type\((.*)\)(?: is None)?$/.exec(code))) {
      cases.push({
        source,
        name: `${name} -> ${output}`,
        input: pyValue(m[1] ?? ''),
        expect: { kind: 'unusable' },
        note: GUESS_NOTE,
      });
    } else if ((m = /^MRZOCRCleaner\.apply\((.*)\)$/.exec(code))) {
      cases.push({ source, name, input: pyValue(m[1] ?? ''), expect: { kind: 'unusable' }, note: OCR_NOTE });
    } else if (
      (m = /^assert MRZCheckDigit\.compute\('([^']*)'\) == MRZCheckDigit\.compute\('([^']*)'\)$/.exec(code))
    ) {
      cases.push({ source, name, expect: { kind: 'checkDigitSame', a: m[1] ?? '', b: m[2] ?? '' } });
    } else if ((m = /^assert MRZCheckDigit\.compute\('([^']*)'\) == '(\d?)'$/.exec(code))) {
      const [, value = '', digit = ''] = m;
      if (digit !== '')
        cases.push({
          source,
          name,
          expect: { kind: 'checkDigit', value, digit: Number(digit), matches: true },
        });
      else if (value === '')
        cases.push({
          source,
          name,
          expect: { kind: 'checkDigit', value, digit: 0, matches: true },
          note: EMPTY_DIGIT_NOTE,
        });
      else cases.push({ source, name, expect: { kind: 'checkDigitRejects', value } });
    } else if (code.startsWith('assert ') && current) {
      code
        .slice(7)
        .split(' and ')
        .forEach((term) => current?.statements.add(term));
    } else if (!/^(?:m = |assert |MRZ|MRZOCRCleaner|MRZCheckDigit)/.test(code) || /^m = /.test(code)) {
      throw new Error(`unread doctest in ${source}: ${code}`);
    }
  });
  flush();
  return cases;
}

/**
 * tests/mrz_test.py asserts the fields PassportEye reads from photos of the ICAO TD3 and TD2
 * specimens; the photos are not in the corpus, so the assertions run against the specimen text.
 */
function imageTestCases(
  source: string,
  text: string,
  specimens: Record<string, string[]>,
): ConformanceCase[] {
  const functions = [...text.matchAll(/def (assert_\w+)\(mrz\):\n([\s\S]*?)(?=\n\S|\n*$)/g)];
  return functions.flatMap(([, name = '', body = '']) => {
    const statements = new Statements();
    for (const line of body.split('\n')) {
      const assertion = /^\s*assert (.*?)\s*(?:#.*)?$/.exec(line)?.[1];
      if (assertion) statements.add(assertion);
    }
    const input = specimens[statements.format ?? ''];
    if (!input) throw new Error(`no specimen for ${name} (${statements.format})`);
    // A photo may read below 100 (valid_score >= 62); the exact specimen text passes every check.
    statements.valid = true;
    return statements.cases(source, name, input);
  });
}

export function passportEyeCases(corpus: Corpus, specimens: Record<string, string[]>): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const file of corpus.list(PASSPORTEYE_DIR)) {
    const source = `${PASSPORTEYE_DIR}/${file}`;
    if (file === 'LICENSE') continue;
    const text = corpus.read(source);
    if (file === 'tests_mrz_test.py') cases.push(...imageTestCases(source, text, specimens));
    else if (file.endsWith('.py')) cases.push(...doctestCases(source, text));
    else throw new Error(`unexpected corpus file ${source}: teach the conformance spec to read it`);
  }
  return cases;
}
