import { centuryOf, interchangeYear, readDate } from './dates.js';

describe('readDate', () => {
  it.each([
    ['700602', '', 'birth', '1970-06-02'],
    ['700602', '101', 'birth', '1970-06-02'],
    ['19700602', '102', 'birth', '1970-06-02'],
    ['2001192300', '201', 'flight', '2020-01-19T23:00'],
    ['0807101500', '201', 'flight', '2008-07-10T15:00'],
    ['2001192300', '', 'flight', '2020-01-19T23:00'],
    ['200119230059', '202', 'flight', '2020-01-19T23:00'],
    ['202001192300', '203', 'flight', '2020-01-19T23:00'],
    ['202001192300', '', 'flight', '2020-01-19T23:00'],
    ['20200119230059', '204', 'flight', '2020-01-19T23:00'],
    ['240229', '', 'expiry', '2024-02-29'],
  ] as const)('reads %s (format %s, %s)', (value, format, kind, iso) => {
    expect(readDate(value, format, kind, 2020)).toEqual({ ok: true, iso });
  });

  it('rejects impossible dates and times', () => {
    expect(readDate('502010', '', 'birth', 2002)).toEqual({
      ok: false,
      reason: 'is not a date: there is no month 20',
    });
    expect(readDate('230229', '', 'expiry', 2020)).toEqual({
      ok: false,
      reason: 'is not a date: month 02 has no day 29 (not a leap year)',
    });
    expect(readDate('2001192460', '201', 'flight', 2020)).toEqual({
      ok: false,
      reason: 'is not a time of day: there is no hour 24',
    });
  });

  // Found by parse-paxlst.fuzz.spec.ts: DTM+329:00000101 was read as the birth date 0000-01-01, and a
  // flight as departing in year 0, which PostgreSQL refuses to store.
  it('rejects year 0000', () => {
    expect(readDate('00000101', '', 'birth', 2020)).toEqual({
      ok: false,
      reason: 'is not a date: there is no year 0000',
    });
    expect(readDate('000001010000', '203', 'flight', 2020).ok).toBe(false);
    expect(readDate('00010101', '102', 'birth', 2020)).toEqual({ ok: true, iso: '0001-01-01' });
  });

  it('never repeats the value in a reason (a birth date must not reach a receipt)', () => {
    for (const [value, format] of [
      ['870230', ''],
      ['19871402', '102'],
      ['1987020', ''],
      ['8702', '101'],
      ['870101', '102'],
    ] as const) {
      const reading = readDate(value, format, 'birth', 2026);
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.reason).not.toMatch(/87|1987/);
    }
  });

  it('reads a two-digit expiry year only where one century puts it near the reference year', () => {
    expect(readDate('310101', '', 'expiry', 2026)).toEqual({ ok: true, iso: '2031-01-01' });
    expect(readDate('560101', '', 'expiry', 2026)).toEqual({ ok: true, iso: '2056-01-01' });
    expect(readDate('060101', '', 'expiry', 2026)).toEqual({ ok: true, iso: '2006-01-01' });
    expect(readDate('990101', '', 'expiry', 2026)).toEqual({
      ok: false,
      reason:
        'cannot be placed: no century puts the two-digit year 99 of an expiry date within 20 years ' +
        'before and 30 after 2026; send the year with its century (format 102)',
    });
    expect(readDate('570101', '', 'expiry', 2026).ok).toBe(false);
    expect(readDate('050101', '', 'expiry', 2026).ok).toBe(false);
    // With its century, any expiry is read as written.
    expect(readDate('19990101', '102', 'expiry', 2026)).toEqual({ ok: true, iso: '1999-01-01' });
  });

  it('reads the same 99 as a birth year (1999): birth dates are never after the reference year', () => {
    expect(readDate('990101', '', 'birth', 2026)).toEqual({ ok: true, iso: '1999-01-01' });
    expect(readDate('260101', '', 'birth', 2026)).toEqual({ ok: true, iso: '2026-01-01' });
    expect(readDate('270101', '', 'birth', 2026)).toEqual({ ok: true, iso: '1927-01-01' });
  });

  it('rejects a value that does not fit its format, and unknown formats', () => {
    expect(readDate('70060', '', 'birth', 2020)).toEqual({
      ok: false,
      reason: 'is not a date: 5 characters (6, 8, 10, 12 or 14 digits expected)',
    });
    expect(readDate('700602', '102', 'birth', 2020)).toEqual({
      ok: false,
      reason: 'does not match format 102 (CCYYMMDD): 8 digits expected',
    });
    expect(readDate(' 70060', '', 'birth', 2020).ok).toBe(false);
    expect(readDate('700602', '999', 'birth', 2020)).toEqual({
      ok: false,
      reason: 'is in date format 999, which is not supported (101, 102, 201, 202, 203, 204)',
    });
  });
});

describe('centuryOf', () => {
  it('never puts a birth or issue date after the reference year', () => {
    expect(centuryOf(1, 'birth', 2020)).toBe(2001);
    expect(centuryOf(20, 'birth', 2020)).toBe(2020);
    expect(centuryOf(21, 'birth', 2020)).toBe(1921);
    expect(centuryOf(97, 'issue', 2020)).toBe(1997);
  });

  it('puts expiry dates within 20 years before and 30 after, or nowhere', () => {
    expect(centuryOf(44, 'expiry', 2014)).toBe(2044);
    expect(centuryOf(95, 'expiry', 2002)).toBe(1995);
    expect(centuryOf(82, 'expiry', 2002)).toBe(1982);
    expect(centuryOf(81, 'expiry', 2002)).toBeUndefined();
    expect(centuryOf(61, 'expiry', 2014)).toBeUndefined();
    expect(centuryOf(99, 'expiry', 2026)).toBeUndefined();
  });

  it('puts flight dates within 50 years either side', () => {
    expect(centuryOf(30, 'flight', 2095)).toBe(2130);
    expect(centuryOf(2, 'flight', 2002)).toBe(2002);
    expect(centuryOf(52, 'flight', 2002)).toBe(1952);
  });
});

describe('interchangeYear', () => {
  it('reads UNB dates with the 1970 pivot, and 8-digit dates as they are', () => {
    expect(interchangeYear('200130')).toBe(2020);
    expect(interchangeYear('991231')).toBe(1999);
    expect(interchangeYear('20200130')).toBe(2020);
    expect(interchangeYear('2001')).toBeUndefined();
  });

  // Found by parse-paxlst.fuzz.spec.ts: UNB+…+00500101 put the birth date 990101 in year -1 ("0-01-01-01").
  it('takes no four-digit year before 1970 as the preparation year', () => {
    expect(interchangeYear('19700101')).toBe(1970);
    expect(interchangeYear('19691231')).toBeUndefined();
    expect(interchangeYear('00500101')).toBeUndefined();
  });
});
