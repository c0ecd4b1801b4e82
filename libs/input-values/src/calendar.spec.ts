import {
  calendarDayProblem,
  isCalendarDate,
  readCalendarDate,
  readLocalDateTime,
  timeOfDayProblem,
} from './calendar.js';

describe('readCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31', '1999-04-30'])(
    'reads %s',
    (value) => {
      expect(readCalendarDate(value)).toEqual({ ok: true, value });
      expect(isCalendarDate(value)).toBe(true);
    },
  );

  it.each([
    ['2026-02-30', 'is not a calendar date: month 02 has no day 30'],
    ['2025-02-29', 'is not a calendar date: month 02 has no day 29 (not a leap year)'],
    ['1900-02-29', 'is not a calendar date: month 02 has no day 29 (not a leap year)'],
    ['2026-13-45', 'is not a calendar date: there is no month 13'],
    ['2026-04-31', 'is not a calendar date: month 04 has no day 31'],
    ['2026-01-00', 'is not a calendar date: month 01 has no day 00'],
    ['0000-00-00', 'is not a calendar date: there is no year 0000'],
    ['0000-01-01', 'is not a calendar date: there is no year 0000'],
  ])('refuses %s: %s', (value, reason) => {
    expect(readCalendarDate(value)).toEqual({ ok: false, reason });
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([
    '',
    '2026-1-01',
    '2026/01/01',
    '20260101',
    '2026-01-01T10:00',
    '+2026-01-01',
    '２０２６-01-01',
    '2026-0a-01',
  ])('refuses the shape of %j', (value) => {
    expect(readCalendarDate(value)).toEqual({ ok: false, reason: 'must be a date YYYY-MM-DD' });
    expect(isCalendarDate(value)).toBe(false);
  });

  it('never repeats the value in its reason (it may be a birth date)', () => {
    for (const value of ['1987-02-30', '1987-14-02', '1987-02-3x']) {
      const reading = readCalendarDate(value);
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.reason).not.toContain('1987');
    }
  });

  it('agrees with Date on every day of four centuries', () => {
    const day = new Date(Date.UTC(1900, 0, 1));
    const refused: string[] = [];
    for (let i = 0; i < 146_097; i++, day.setUTCDate(day.getUTCDate() + 1)) {
      const iso = day.toISOString().slice(0, 10);
      if (!isCalendarDate(iso)) refused.push(iso);
    }
    expect(refused).toEqual([]);
    expect(day.toISOString().slice(0, 10)).toBe('2300-01-01');
  });
});

describe('readLocalDateTime', () => {
  it.each(['2026-12-02T07:40', '2024-02-29T00:00', '2026-12-31T23:59'])('reads %s', (value) => {
    expect(readLocalDateTime(value)).toEqual({ ok: true, value });
  });

  it.each([
    ['2026-02-30T10:00', 'is not a date and time of day: month 02 has no day 30'],
    ['0000-00-00T10:00', 'is not a date and time of day: there is no year 0000'],
    ['2026-13-45T10:00', 'is not a date and time of day: there is no month 13'],
    ['2026-12-02T25:61', 'is not a date and time of day: there is no hour 25'],
    ['2026-12-02T24:00', 'is not a date and time of day: there is no hour 24'],
    ['2026-12-02T23:60', 'is not a date and time of day: there is no minute 60'],
  ])('refuses %s: %s', (value, reason) => {
    expect(readLocalDateTime(value)).toEqual({ ok: false, reason });
  });

  it.each(['2026-12-02', '2026-12-02T07:40:00', '2026-12-02 07:40', '2026-12-02T7:40', '2026-12-02T07:40Z'])(
    'refuses the shape of %j',
    (value) => {
      expect(readLocalDateTime(value)).toEqual({
        ok: false,
        reason: 'must be a local date and time YYYY-MM-DDTHH:mm',
      });
    },
  );
});

describe('calendarDayProblem and timeOfDayProblem', () => {
  it('accept what exists and name what does not', () => {
    expect(calendarDayProblem(2024, 2, 29)).toBeUndefined();
    expect(calendarDayProblem(2026, 0, 1)).toBe('there is no month 00');
    expect(timeOfDayProblem(23, 59, 59)).toBeUndefined();
    expect(timeOfDayProblem(12, 0, 60)).toBe('there is no second 60');
  });
});
