import { dateOfDays, daysOf, isIsoDate } from './dates.js';

describe('isIsoDate', () => {
  it('accepts calendar dates YYYY-MM-DD, leap days included', () => {
    for (const date of ['2024-01-01', '2024-12-31', '2024-02-29', '2000-02-29', '1999-04-30', '0001-01-01']) {
      expect(isIsoDate(date)).toBe(true);
    }
  });

  it('rejects anything else', () => {
    for (const date of [
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-01-32',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '0000-01-01',
      '2024-1-01',
      '2024/01/01',
      '20240101',
      '2024-01-01T00:00:00Z',
      '24-01-01',
      '2024-0a-01',
      '',
    ]) {
      expect(isIsoDate(date)).toBe(false);
    }
  });
});

describe('day numbers', () => {
  it('convert both ways', () => {
    expect(daysOf('1970-01-01')).toBe(0);
    expect(dateOfDays(0)).toBe('1970-01-01');
    expect(daysOf('2000-03-01')).toBe(11_017);
    expect(dateOfDays(-1)).toBe('1969-12-31');
    for (let days = -719_000; days < 2_900_000; days += 997) {
      const date = dateOfDays(days);
      expect(isIsoDate(date)).toBe(true);
      expect(daysOf(date)).toBe(days);
    }
  });

  it('agree with Date', () => {
    for (let days = 0; days < 30_000; days += 13) {
      expect(dateOfDays(days)).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10));
    }
  });
});
