import { addMonths, birthDateRange, completedYears, isCalendarDate } from './calendar-dates.js';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-11', 3, '2026-06-11'],
    ['2020-01-01', 126, '2030-07-01'],
    ['2026-03-15', -3, '2025-12-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['1974-08-12', { earliest: '1974-08-12', latest: '1974-08-12', precision: 'day' }],
    ['1974-02', { earliest: '1974-02-01', latest: '1974-02-28', precision: 'month' }],
    ['1976-02-00', { earliest: '1976-02-01', latest: '1976-02-29', precision: 'month' }],
    ['1974', { earliest: '1974-01-01', latest: '1974-12-31', precision: 'year' }],
    ['1974-00-00', { earliest: '1974-01-01', latest: '1974-12-31', precision: 'year' }],
    ['1974-02-30', undefined],
    ['1974-00-12', undefined],
    ['', undefined],
    ['12.08.1974', undefined],
  ])('birth date %j stands for %j', (value, expected) => {
    expect(birthDateRange(value)).toEqual(expected);
  });

  it.each([
    ['2000-03-10', '2026-03-09', 25],
    ['2000-03-10', '2026-03-10', 26],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s, on %s aged %i', (birth, on, age) => {
    expect(completedYears(birth, on)).toBe(age);
  });
});
