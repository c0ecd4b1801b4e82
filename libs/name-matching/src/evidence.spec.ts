import { MATCHING_PARAMETERS_V1 as P } from './matching-parameters.js';
import {
  compareBirthDates,
  compareDocuments,
  compareSex,
  documentToken,
  formatBirthDate,
  parseBirthDate,
} from './evidence.js';

describe('birth dates', () => {
  it('reads full, year-month and year-only dates, unknown parts as 00 or XX', () => {
    expect(formatBirthDate(parseBirthDate('1980-05-17'))).toBe('1980-05-17');
    expect(formatBirthDate(parseBirthDate('1980-05'))).toBe('1980-05');
    expect(formatBirthDate(parseBirthDate('1980'))).toBe('1980');
    expect(formatBirthDate(parseBirthDate('1980-00-00'))).toBe('1980');
    expect(formatBirthDate(parseBirthDate('1980-05-XX'))).toBe('1980-05');
    expect(parseBirthDate(undefined)).toBe(0);
  });

  it('refuses what is not a date', () => {
    for (const bad of ['80-05-17', '1980-13-01', '1981-02-29', '17.05.1980'])
      expect(() => parseBirthDate(bad)).toThrow(RangeError);
  });

  const verdict = (listed: string | undefined, traveller: string | undefined) =>
    compareBirthDates(parseBirthDate(listed), parseBirthDate(traveller), P);

  it('says how the dates agree, as precisely as the less precise allows', () => {
    expect(verdict('1980-05-17', '1980-05-17')).toMatchObject({
      verdict: 'exact',
      adjustment: P.birthDate.exact,
    });
    expect(verdict('1980-05', '1980-05-17').verdict).toBe('same-year-month');
    expect(verdict('1980', '1980-05-17').verdict).toBe('same-year');
    expect(verdict('1980-05-03', '1980-03-05').verdict).toBe('transposed');
    expect(verdict('1980-05-03', '1980-05-04').verdict).toBe('day-differs');
    expect(verdict('1980-05-03', '1980-06-03').verdict).toBe('month-differs');
    expect(verdict('1980-05-03', '1981-05-03').verdict).toBe('contradicts');
    expect(verdict(undefined, '1980-05-17')).toMatchObject({
      verdict: 'unknown',
      adjustment: P.birthDate.unknown,
    });
  });

  it('allows ± N years where the list gives only the year, each year costing, and no further', () => {
    const tolerance = P.birthDate.yearTolerance;
    expect(verdict('1980', `${1980 + tolerance}-01-01`)).toMatchObject({
      verdict: 'within-years',
      yearsApart: tolerance,
      adjustment: -P.birthDate.perYearApart * tolerance,
    });
    expect(verdict('1980', `${1980 - tolerance - 1}-12-31`).verdict).toBe('contradicts');
  });
});

describe('sex and documents', () => {
  it('counts a different sex against, an unspecified one not at all', () => {
    expect(compareSex('M', 'F', P)).toEqual({ verdict: 'different', adjustment: P.sex.different });
    expect(compareSex('M', 'X', P).verdict).toBe('unknown');
    expect(compareSex(undefined, 'F', P).verdict).toBe('unknown');
  });

  it('finds a listed document under any spelling of its number, the state agreeing where both give one', () => {
    const listed = [documentToken({ number: 'NP5012BC', issuingState: 'NLD' })];
    expect(
      compareDocuments(listed, [documentToken({ number: 'np 5012-bc', issuingState: 'NLD' })], P).verdict,
    ).toBe('same');
    expect(compareDocuments(listed, [documentToken({ number: 'NP5012BC' })], P).verdict).toBe('same');
    expect(
      compareDocuments(listed, [documentToken({ number: 'NP5012BC', issuingState: 'D' })], P).verdict,
    ).toBe('none');
    expect(
      compareDocuments(listed, [documentToken({ number: 'P5012BC', issuingState: 'NLD' })], P).verdict,
    ).toBe('none');
  });
});
