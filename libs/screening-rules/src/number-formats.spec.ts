import {
  DEFAULT_NUMBER_FORMATS,
  NumberFormatTableError,
  formatsFor,
  matchesFormat,
  parseNumberFormatTable,
} from './number-formats.js';

const ENTRY = {
  issuingState: 'NLD',
  documentType: 'PASSPORT',
  pattern: '^[A-NP-Z0-9]{9}$',
  description: '9 characters',
};
const table = (...formats: unknown[]) => ({ version: '2026.1', formats });

describe('parseNumberFormatTable', () => {
  it('reads a valid import', () => {
    expect(parseNumberFormatTable(table(ENTRY, { ...ENTRY, since: '2014-03-09' }))).toEqual({
      version: '2026.1',
      formats: [ENTRY, { ...ENTRY, since: '2014-03-09' }],
    });
  });

  it('accepts its own default table', () => {
    expect(parseNumberFormatTable(JSON.parse(JSON.stringify(DEFAULT_NUMBER_FORMATS)))).toEqual(
      DEFAULT_NUMBER_FORMATS,
    );
  });

  it.each([
    ['a table that is no object', [], 'table: an object { version, formats } is expected'],
    ['a missing version', { formats: [] }, 'version: a non-empty string is required'],
    ['formats that are no array', { version: '1', formats: {} }, 'formats: an array is expected'],
    ['an entry that is no object', table(ENTRY, 'NLD'), 'formats[1]: an object is expected'],
    [
      'a missing issuing state',
      table({ ...ENTRY, issuingState: undefined }),
      'formats[0].issuingState: a non-empty string is required',
    ],
    [
      'a lower-case issuing state',
      table({ ...ENTRY, issuingState: 'nld' }),
      'formats[0].issuingState: an ICAO 9303 code',
    ],
    [
      'an unknown document type',
      table({ ...ENTRY, documentType: 'P' }),
      'formats[0].documentType: expected one of PASSPORT',
    ],
    [
      'a pattern without anchors',
      table(ENTRY, { ...ENTRY, pattern: '[0-9]{9}' }),
      'formats[1].pattern: the pattern must be anchored',
    ],
    [
      'an escaped closing anchor',
      table({ ...ENTRY, pattern: '^[0-9]{9}\\$' }),
      'formats[0].pattern: the pattern must be anchored',
    ],
    [
      'a pattern that does not compile',
      table({ ...ENTRY, pattern: '^[0-9$' }),
      'formats[0].pattern: not a valid regular expression',
    ],
    [
      'an empty description',
      table({ ...ENTRY, description: ' ' }),
      'formats[0].description: a non-empty string is required',
    ],
    [
      'a since that is no date',
      table({ ...ENTRY, since: '2014-02-30' }),
      'formats[0].since: a calendar date',
    ],
    ['an unknown field', table({ ...ENTRY, regex: 'x' }), 'formats[0].regex: unknown field'],
  ])('rejects %s, naming entry and field', (_name, json, message) => {
    expect(() => parseNumberFormatTable(json)).toThrow(NumberFormatTableError);
    expect(() => parseNumberFormatTable(json)).toThrow(message);
  });
});

describe('formatsFor and matchesFormat', () => {
  it('finds German formats under D and DEU alike', () => {
    expect(formatsFor(DEFAULT_NUMBER_FORMATS, 'DEU', 'PASSPORT')).toHaveLength(1);
    expect(formatsFor(DEFAULT_NUMBER_FORMATS, 'D', 'PASSPORT')).toHaveLength(1);
  });

  it('leaves out formats introduced after the issue date', () => {
    const imported = parseNumberFormatTable(table({ ...ENTRY, since: '2014-03-09' }));
    expect(formatsFor(imported, 'NLD', 'PASSPORT', '2014-03-08')).toEqual([]);
    expect(formatsFor(imported, 'NLD', 'PASSPORT', '2014-03-09')).toHaveLength(1);
    expect(formatsFor(imported, 'NLD', 'PASSPORT')).toHaveLength(1);
  });

  it('matches the whole number even across an alternation', () => {
    const [format] = parseNumberFormatTable(table({ ...ENTRY, pattern: '^A|B$' })).formats;
    expect(matchesFormat(format!, 'A')).toBe(true);
    expect(matchesFormat(format!, 'AX')).toBe(false);
  });

  it.each([
    ['UTO', 'PASSPORT', 'L898902C3'],
    ['UTO', 'IDENTITY_CARD', 'D23145890'],
    ['D', 'PASSPORT', 'C01X00T47'],
  ] as const)('fits the %s %s specimen number', (state, type, number) => {
    const formats = formatsFor(DEFAULT_NUMBER_FORMATS, state, type);
    expect(formats.some((format) => matchesFormat(format, number))).toBe(true);
  });
});
