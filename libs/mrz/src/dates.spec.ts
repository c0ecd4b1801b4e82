import { parseBirthDate, parseExpiryDate } from './dates.js';

const TODAY = new Date('2025-06-15T12:00:00Z');

describe('parseBirthDate', () => {
  it('reads a past year in the current century', () => {
    expect(parseBirthDate('050101', TODAY)).toEqual({ iso: '2005-01-01' });
  });

  it('never returns a date in the future', () => {
    expect(parseBirthDate('740812', TODAY)).toEqual({ iso: '1974-08-12' });
    expect(parseBirthDate('250616', TODAY)).toEqual({ iso: '1925-06-16' });
    expect(parseBirthDate('250615', TODAY)).toEqual({ iso: '2025-06-15' });
  });

  it('defaults today to now', () => {
    const iso = parseBirthDate('991231').iso;
    expect(iso).toBe('1999-12-31');
  });

  it('reports impossible months and days', () => {
    expect(parseBirthDate('741312', TODAY)).toEqual({
      iso: null,
      error: '741312 is not a date: month 13 does not exist',
    });
    expect(parseBirthDate('740001', TODAY).error).toBe('740001 is not a date: month 00 does not exist');
    expect(parseBirthDate('740431', TODAY).error).toBe(
      '740431 is not a date: day 31 does not exist in month 04',
    );
    expect(parseBirthDate('740100', TODAY).error).toBe(
      '740100 is not a date: day 00 does not exist in month 01',
    );
  });

  it('checks 29 February against the inferred century', () => {
    expect(parseBirthDate('000229', TODAY)).toEqual({ iso: '2000-02-29' });
    expect(parseBirthDate('960229', TODAY)).toEqual({ iso: '1996-02-29' });
    expect(parseBirthDate('970229', TODAY)).toEqual({
      iso: null,
      error: '970229 is not a date: 1997 is not a leap year',
    });
  });

  it('reports non-digits', () => {
    expect(parseBirthDate('74O8I2', TODAY)).toEqual({
      iso: null,
      error: '74O8I2 is not a date (YYMMDD digits expected)',
    });
  });

  it('accepts a date written as unknown with fillers, without an error', () => {
    expect(parseBirthDate('<<<<<<', TODAY)).toEqual({ iso: null });
    expect(parseBirthDate('74<<<<', TODAY)).toEqual({ iso: null });
    expect(parseBirthDate('7408<<', TODAY)).toEqual({ iso: null });
    expect(parseBirthDate('7<0812', TODAY).error).toBe('7<0812 is not a date (YYMMDD digits expected)');
  });
});

describe('parseExpiryDate', () => {
  it('reads expiries in the current century', () => {
    expect(parseExpiryDate('120415', TODAY)).toEqual({ iso: '2012-04-15' });
    expect(parseExpiryDate('341231', TODAY)).toEqual({ iso: '2034-12-31' });
    expect(parseExpiryDate('740101', TODAY)).toEqual({ iso: '2074-01-01' });
  });

  it('goes to the previous century when the current one is 50 years ahead or more', () => {
    expect(parseExpiryDate('750101', TODAY)).toEqual({ iso: '1975-01-01' });
    expect(parseExpiryDate('961210', TODAY)).toEqual({ iso: '1996-12-10' });
  });

  it('moves to the next century late in this one', () => {
    expect(parseExpiryDate('050101', new Date('2095-01-01T00:00:00Z'))).toEqual({ iso: '2105-01-01' });
  });

  it('reports invalid dates', () => {
    expect(parseExpiryDate('121315', TODAY).error).toBe('121315 is not a date: month 13 does not exist');
  });
});
