import type { MrzFormat } from '../../src/index.js';
import type { Corpus } from './corpus.js';
import { CHEMINFO_CHECK_FIELDS, DISPUTED_BELGIAN_NOTE } from './edge-cases.js';
import {
  type ConformanceCase,
  type ExpectedFields,
  cleanText,
  referenceCheckDigit,
  statesOf,
} from './expectations.js';

export const CHEMINFO_DIR = 'mrz/cheminfo_mrz';

const UTO_NOTE =
  'cheminfo/mrz rejects the ICAO specimen state UTO (issuingState/nationality null, invalid); we accept it ' +
  'and flag the result as a specimen, so its state-code errors are not ours';
const AUTOCORRECT_NOTE =
  'cheminfo/mrz repairs OCR slips on request (autocorrect); we repair nothing, so the garbled MRZ must ' +
  'come back unusable or invalid, never valid';
const NON_ICAO_NOTE = 'not an ICAO 9303 layout (cheminfo/mrz national format): unusable input for us';
const FRENCH_ID_NOTE =
  'French national identity card (1988-2021): not ICAO 9303; read as a TD2 it is invalid with a format error';

/** Split a test file into `it('name', () => { … })` bodies. */
function testBlocks(source: string): { name: string; body: string }[] {
  const starts = [...source.matchAll(/\bit\(\s*'([^']*)',\s*\(\)\s*=>\s*\{/g)];
  return starts.map((m, i) => ({
    name: m[1] ?? '',
    body: source.slice((m.index ?? 0) + m[0].length, starts[i + 1]?.index ?? source.length),
  }));
}

function mrzLiteral(body: string, variable: string): string | string[] | undefined {
  const m = new RegExp(`const (?:${variable}) = (\\[[^\\]]*\\]|'[^']*')`).exec(body);
  if (!m?.[1]) return undefined;
  const strings = [...m[1].matchAll(/'([^']*)'/g)].map((s) => s[1] ?? '');
  return m[1].startsWith('[') ? strings : strings[0];
}

function objectLiteral(text: string): Record<string, string | null> {
  const entries = [...text.matchAll(/(\w+): (?:'([^']*)'|(null))/g)];
  return Object.fromEntries(entries.map((m) => [m[1] ?? '', m[3] ? null : (m[2] ?? '')]));
}

const FIELD_NAMES: Record<string, keyof ExpectedFields> = {
  documentCode: 'documentCode',
  issuingState: 'issuingState',
  documentNumber: 'documentNumber',
  nationality: 'nationality',
  birthDate: 'birthDate',
  expirationDate: 'expiryDate',
  lastName: 'surname',
  firstName: 'givenNames',
  optional: 'optionalData',
  optional1: 'optionalData',
  personalNumber: 'optionalData',
  optional2: 'optionalData2',
};
const SEX: Record<string, string> = { male: 'M', female: 'F', nonspecified: 'X' };

function mapFields(stated: Record<string, string | null>): ExpectedFields {
  const fields: ExpectedFields = {};
  for (const [key, value] of Object.entries(stated)) {
    if (key === 'sex' && value !== null) fields.sex = SEX[value] ?? value;
    const field = FIELD_NAMES[key];
    if (field && value !== null) fields[field] = value;
  }
  const number = stated['documentNumber'];
  const optional1 = stated['optional1'];
  if (number && number.length > 9 && optional1 != null) {
    // cheminfo keeps the overflow and its check digit in optional1; our optionalData is what follows.
    fields.optionalData = cleanText(optional1.slice(number.length - 9 + 1));
  }
  return fields;
}

/** `error: 'invalid check digit: 2. Must be 1'` after the detail it belongs to. */
function checkDigitErrors(body: string): { field: string; message: string }[] {
  const computed = Object.fromEntries(
    [...body.matchAll(/const (\w+) = computeCheckDigit\('([^']*)'\)/g)].map((m) => [m[1], m[2]]),
  );
  return [...body.matchAll(/error: ['`]invalid check digit: (\S+?)\. Must be (?:(\d)|\$\{(\w+)\})['`]/g)].map(
    (m) => {
      const before = body.slice(0, m.index);
      const details = [...before.matchAll(/field (?:===|:) '(\w+)'/g)];
      const detail = details[details.length - 1]?.[1] ?? '';
      const expected = m[2] ?? String(referenceCheckDigit(computed[m[3] ?? ''] ?? ''));
      return {
        field: CHEMINFO_CHECK_FIELDS[detail] ?? detail,
        message: `check digit is ${m[1]}, expected ${expected}`,
      };
    },
  );
}

function invalidCount(body: string): number | undefined {
  const direct = /\.filter\(\((\w+)\) => !\1\.valid\)\)\.toHaveLength\((\d+)\)/.exec(body);
  if (direct) return Number(direct[2]);
  const named = /const (\w+) = result\.details\.filter\(\((\w+)\) => !\2\.valid\);/.exec(body);
  const length = named && new RegExp(`expect\\(${named[1]}\\)\\.toHaveLength\\((\\d+)\\)`).exec(body);
  return length ? Number(length[1]) : undefined;
}

function blockCase(source: string, name: string, body: string): ConformanceCase {
  const base = { source, name };
  if (/autocorrect: true/.test(body)) {
    const garbled = mrzLiteral(body, 'falseMRZ') ?? mrzLiteral(body, 'MRZko');
    return { ...base, input: garbled, expect: { kind: 'notValid' }, note: AUTOCORRECT_NOTE };
  }
  const input = mrzLiteral(body, 'MRZ|data');
  if (input === undefined) throw new Error(`no MRZ in ${source}: ${name}`);
  if (/toThrow\(/.test(body)) return { ...base, input, expect: { kind: 'unusable' } };
  const stated = /toMatchObject\(\{\s*format: '(\w+)',\s*valid: (true|false)/.exec(body);
  // The 2018 td1.js states validity alone: its format is the file's.
  const format = stated?.[1] ?? /(td[123])\.(?:test\.ts|js)$/.exec(source)?.[1]?.toUpperCase() ?? '';
  const validText = stated?.[2] ?? /expect\(result\.valid\)\.to(?:Be|Equal)\((true|false)\)/.exec(body)?.[1];
  if (!format || !validText) throw new Error(`no format/valid in ${source}: ${name}`);
  const lines = typeof input === 'string' ? [input] : input;
  if (format === 'FRENCH_NATIONAL_ID') {
    if (lines.some((line) => /[^A-Z0-9<]/.test(line)))
      return { ...base, input, expect: { kind: 'unusable' }, note: NON_ICAO_NOTE };
    return {
      ...base,
      input,
      expect: { kind: 'parsed', valid: false, format: 'TD2', errorFieldsInclude: ['format'] },
      note: FRENCH_ID_NOTE,
    };
  }
  if (!['TD1', 'TD2', 'TD3'].includes(format))
    return { ...base, input, expect: { kind: 'unusable' }, note: NON_ICAO_NOTE };

  const specimenStates = statesOf(lines, format).filter((state) => state === 'UTO').length;
  const count = invalidCount(body);
  const ourCount = count === undefined ? (validText === 'true' ? 0 : undefined) : count - specimenStates;
  const fieldsBlock = /expect\(result\.fields\)\.to(?:StrictEqual|Equal)\(\{([\s\S]*?)\}\);/.exec(body)?.[1];
  const statedFields = fieldsBlock ? objectLiteral(fieldsBlock) : {};
  for (const m of body.matchAll(/expect\(result\.fields\.(\w+)\)\.to(?:Be|Equal)\('([^']*)'\)/g))
    statedFields[m[1] ?? ''] = m[2] ?? '';
  const fields = mapFields(statedFields);
  if (specimenStates > 0) {
    fields.issuingState = statesOf(lines, format)[0] ?? '';
    fields.nationality = statesOf(lines, format)[1] ?? '';
  }
  if (ourCount === undefined) throw new Error(`no count of invalid details in ${source}: ${name}`);
  const note =
    /BEL-BO-03003/.test(name) && validText === 'true'
      ? DISPUTED_BELGIAN_NOTE
      : specimenStates > 0
        ? UTO_NOTE
        : undefined;
  return {
    ...base,
    input,
    expect: {
      kind: 'parsed',
      valid: ourCount === 0,
      format: format as MrzFormat,
      specimen: specimenStates > 0,
      fields,
      errorCount: ourCount,
      errors: checkDigitErrors(body),
    },
    ...(note ? { note } : {}),
  };
}

function checkFileCases(source: string, text: string): ConformanceCase[] {
  const checks = [
    ...text.matchAll(/check\('([^']*)', '(\d)'\)\)\.toStrictEqual\(\{\s*valid: (true|false)/g),
  ].map((m): ConformanceCase => ({
    source,
    name: `check('${m[1]}', '${m[2]}') is ${m[3]}`,
    expect: { kind: 'checkDigit', value: m[1] ?? '', digit: Number(m[2]), matches: m[3] === 'true' },
  }));
  const computes = [...text.matchAll(/computeCheckDigit\('([^']*)'\)\)\.(not\.)?toBe\((\d)\)/g)].map(
    (m): ConformanceCase => ({
      source,
      name: `computeCheckDigit('${m[1]}') ${m[2] ? 'is not' : 'is'} ${m[3]}`,
      expect: { kind: 'checkDigit', value: m[1] ?? '', digit: Number(m[3]), matches: !m[2] },
    }),
  );
  return [...checks, ...computes];
}

function statesFileCase(source: string, text: string): ConformanceCase {
  const count = /expect\(codes\)\.toHaveLength\((\d+)\)/.exec(text)?.[1];
  const exception = /code !== '(\w+)'/.exec(text)?.[1];
  return {
    source,
    name: 'state list size and members',
    expect: {
      kind: 'stateCodes',
      ...(count ? { count: Number(count) } : {}),
      include: [...text.matchAll(/states\.([A-Z]+)\)\.toBe/g)].map((m) => m[1] ?? ''),
      ...(exception ? { notThreeLetters: [exception] } : {}),
    },
  };
}

/** The builder data the library's state list was made from: ISO table plus ICAO letter codes. */
function builderStatesCase(corpus: Corpus): ConformanceCase {
  const iso = corpus
    .read(`${CHEMINFO_DIR}/builder_states-iso3166.tsv`)
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cells) => cells.length === 5 && /^[A-Z]{3}$/.test(cells[3] ?? ''))
    .map((cells) => cells[3] ?? '');
  const icao = corpus
    .read(`${CHEMINFO_DIR}/builder_states.txt`)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.trim().split(' ').pop() ?? '');
  return {
    source: `${CHEMINFO_DIR}/builder_states*.t*`,
    name: 'ISO 3166-1 alpha-3 plus ICAO 9303 letter codes',
    expect: { kind: 'stateCodes', exact: [...iso, ...icao] },
  };
}

export function cheminfoCases(corpus: Corpus): ConformanceCase[] {
  const cases: ConformanceCase[] = [builderStatesCase(corpus)];
  for (const file of corpus.list(CHEMINFO_DIR)) {
    const source = `${CHEMINFO_DIR}/${file}`;
    if (file === 'LICENSE' || file.startsWith('builder_states')) continue;
    const text = corpus.read(source);
    if (file.endsWith('check.test.ts')) cases.push(...checkFileCases(source, text));
    else if (file.endsWith('states.test.ts')) cases.push(statesFileCase(source, text));
    else if (/\.test\.ts$|td1\.js$/.test(file)) {
      const blocks = testBlocks(text);
      if (blocks.length === 0) throw new Error(`no tests found in ${source}`);
      cases.push(...blocks.map(({ name, body }) => blockCase(source, name, body)));
    } else throw new Error(`unexpected corpus file ${source}: teach the conformance spec to read it`);
  }
  return cases;
}
