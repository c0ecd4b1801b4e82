import { LONG, PACKED_LENGTH, numberHash, packHalf, unpackNumber } from './number-code.js';

const pack = (number: string) => [packHalf(number, 0), packHalf(number, 6)] as const;

describe('number codes', () => {
  it('pack up to twelve characters losslessly, leading zeros included', () => {
    for (const number of [
      '0',
      '00',
      '0123',
      '123',
      'L898902C3',
      'ZZZZZZZZZZZZ',
      '000000000000',
      'A',
      'AB12345678CD',
    ]) {
      const [hi, lo] = pack(number);
      expect(unpackNumber(hi, lo)).toBe(number);
    }
    expect(pack('0123')).not.toEqual(pack('123'));
    expect(pack('A')).not.toEqual(pack('A0'));
  });

  it('never produce the long-number marker, and fit 32 bits', () => {
    const [hi, lo] = pack('Z'.repeat(PACKED_LENGTH));
    expect(hi).toBe(37 ** 6 - 1);
    expect(lo).toBeLessThan(LONG);
    expect(hi).toBeLessThan(2 ** 32);
  });

  it('hash consecutive numbers to well spread values', () => {
    const buckets = new Array<number>(64).fill(0);
    for (let i = 0; i < 64_000; i++) {
      const [hi, lo] = pack(`X${String(i).padStart(8, '0')}`);
      const bucket = Math.floor((numberHash(hi, lo) * 64) / 2 ** 32);
      buckets[bucket] = buckets[bucket]! + 1;
    }
    // 1,000 expected per bucket; a poor hash piles consecutive numbers into few buckets.
    expect(Math.min(...buckets)).toBeGreaterThan(850);
    expect(Math.max(...buckets)).toBeLessThan(1150);
  });
});
