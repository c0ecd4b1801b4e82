import { checkDigit, checkDigitError } from './check-digit.js';

describe('checkDigit', () => {
  it.each([
    ['L898902C3', 6],
    ['740812', 2],
    ['120415', 9],
    ['ZE184226B<<<<<', 1],
    ['D23145890', 7],
    ['520727', 3],
    ['', 0],
    ['<<<<<<', 0],
  ])('%s -> %i', (value, expected) => {
    expect(checkDigit(value)).toBe(expected);
  });

  it('weights letters A=10 … Z=35 like the digits they stand for', () => {
    expect(checkDigit('BCDEFGHIJ')).toBe(checkDigit('123456789'));
    expect(checkDigit('A')).toBe(0); // 10 * 7 = 70
    expect(checkDigit('Z')).toBe(5); // 35 * 7 = 245
  });

  it('computes the TD3 specimen composite', () => {
    expect(checkDigit('L898902C36' + '7408122' + '1204159ZE184226B<<<<<1')).toBe(0);
  });

  it('refuses characters outside the MRZ alphabet instead of counting them as 0', () => {
    expect(() => checkDigit('AB?')).toThrow(RangeError);
    expect(() => checkDigit('ab')).toThrow("character 'a' at position 1 is not allowed");
  });
});

describe('checkDigitError', () => {
  it('is null for a matching digit', () => {
    expect(checkDigitError('L898902C3', '6')).toBeNull();
  });

  it('names the digit found and the one expected', () => {
    expect(checkDigitError('740812', '5')).toBe('check digit is 5, expected 2');
    expect(checkDigitError('740812', '<')).toBe('check digit is <, expected 2');
  });
});
