import type { MrzFormat } from '../../src/index.js';
import type { Corpus } from './corpus.js';
import { cleanText, type ConformanceCase, type ExpectedFields } from './expectations.js';

export const ICAO_SPECIMENS_FILE = 'mrz/icao9303_specimens.json';

interface Specimen {
  id: string;
  mrz: string[];
  expected: Record<string, string | null>;
  independent_check: { format: string; checks: Record<string, boolean>; all_check_digits_valid: boolean };
}

/** The corpus' independent checker names its checks so; these are our error fields. */
export const CHECK_FIELDS: Record<string, string> = {
  docnum: 'documentNumber',
  dob: 'birthDate',
  expiry: 'expiryDate',
  optional: 'optionalData',
  composite: 'composite',
};

export function formatOf(name: string): MrzFormat {
  const format = name.replace('-', '');
  if (!['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'].includes(format)) throw new Error(`unknown format ${name}`);
  return format as MrzFormat;
}

const FIELD_KEYS: Record<string, keyof ExpectedFields> = {
  document_code: 'documentCode',
  issuing_state: 'issuingState',
  surname: 'surname',
  given_names: 'givenNames',
  document_number: 'documentNumber',
  nationality: 'nationality',
  date_of_birth: 'birthDate',
  sex: 'sex',
  date_of_expiry: 'expiryDate',
  optional_data_2: 'optionalData2',
};

/** `optional_data`, `optional_data_1`, `optional_data(personal_number)`, `optional_data(raw …)`. */
function optionalKey(key: string): boolean {
  return /^optional_data(?:_1)?(?:\(.*\))?$/.test(key);
}

/** Check digits the specimen lists beside a field: value they check -> key of the digit. */
const CHECK_DIGIT_OF: Record<string, string> = {
  document_number: 'document_number_cd',
  date_of_birth: 'dob_cd',
  date_of_expiry: 'expiry_cd',
};

export function icaoSpecimenCases(corpus: Corpus): ConformanceCase[] {
  const { specimens } = JSON.parse(corpus.read(ICAO_SPECIMENS_FILE)) as { specimens: Specimen[] };
  return specimens.flatMap((specimen) => {
    const fields: ExpectedFields = {};
    let optional: string | undefined;
    for (const [key, value] of Object.entries(specimen.expected)) {
      if (value === null) continue;
      const field = FIELD_KEYS[key];
      if (field) fields[field] = field === 'optionalData2' ? cleanText(value) : value;
      else if (optionalKey(key)) {
        optional = value;
        fields.optionalData = cleanText(value);
      }
    }
    const failed = Object.entries(specimen.independent_check.checks)
      .filter(([, ok]) => !ok)
      .map(([check]) => CHECK_FIELDS[check] ?? check);
    const states = [specimen.expected['issuing_state'], specimen.expected['nationality']];
    const parsed: ConformanceCase = {
      source: ICAO_SPECIMENS_FILE,
      name: specimen.id,
      input: specimen.mrz,
      expect: {
        kind: 'parsed',
        valid: failed.length === 0,
        format: formatOf(specimen.independent_check.format),
        ...(states.some((s) => s !== undefined) ? { specimen: states.includes('UTO') } : {}),
        fields,
        errorFields: failed,
      },
    };
    const digits: ConformanceCase[] = Object.entries(CHECK_DIGIT_OF).flatMap(([valueKey, digitKey]) => {
      const value = specimen.expected[valueKey];
      const digit = specimen.expected[digitKey];
      if (value == null || digit == null) return [];
      return [checkDigitCase(specimen.id, `${valueKey} ${value}`, value, digit)];
    });
    const optionalDigit = specimen.expected['optional_cd'];
    if (optional !== undefined && optionalDigit != null) {
      digits.push(checkDigitCase(specimen.id, `optional data ${optional}`, optional, optionalDigit));
    }
    return [parsed, ...digits];
  });
}

function checkDigitCase(id: string, what: string, value: string, digit: string): ConformanceCase {
  // "9 (located at pos 19 inside optional data; pos 15 is '<')": the digit comes first.
  return {
    source: ICAO_SPECIMENS_FILE,
    name: `${id} check digit of ${what}`,
    expect: { kind: 'checkDigit', value, digit: Number(digit.charAt(0)), matches: true },
  };
}
