import { isInBlankSeries, normaliseBlankSeries } from './blank-series.js';

describe('blank series', () => {
  it('match numbers exactly: prefix, digit count and bounds', () => {
    const series = { prefix: 'C01', firstNumber: '100', lastNumber: '199' };
    expect(isInBlankSeries('C01100', series)).toBe(true);
    expect(isInBlankSeries('C01150', series)).toBe(true);
    expect(isInBlankSeries('c01-199', series)).toBe(true);
    expect(isInBlankSeries('C01099', series)).toBe(false);
    expect(isInBlankSeries('C01200', series)).toBe(false);
    expect(isInBlankSeries('C010150', series)).toBe(false);
    expect(isInBlankSeries('C0115A', series)).toBe(false);
    expect(isInBlankSeries('X01150', series)).toBe(false);
  });

  it('may have no prefix', () => {
    expect(isInBlankSeries('004711', { prefix: '', firstNumber: '004000', lastNumber: '004999' })).toBe(true);
    expect(isInBlankSeries('4711', { prefix: '', firstNumber: '004000', lastNumber: '004999' })).toBe(false);
  });

  it('normalise state, type and prefix and check the bounds', () => {
    const series = {
      issuingState: 'd<<',
      documentType: 'P',
      prefix: 'c-01',
      firstNumber: '000',
      lastNumber: '999',
    };
    expect(normaliseBlankSeries(series)).toEqual({
      issuingState: 'D',
      documentType: 'PASSPORT',
      prefix: 'C01',
      firstNumber: '000',
      lastNumber: '999',
    });
    expect(() => normaliseBlankSeries({ ...series, firstNumber: '10', lastNumber: '999' })).toThrow(
      RangeError,
    );
    expect(() => normaliseBlankSeries({ ...series, firstNumber: '500', lastNumber: '499' })).toThrow(
      RangeError,
    );
    expect(() => normaliseBlankSeries({ ...series, firstNumber: '', lastNumber: '' })).toThrow(RangeError);
    expect(() => normaliseBlankSeries({ ...series, firstNumber: '1A', lastNumber: '19' })).toThrow(
      RangeError,
    );
    expect(() => normaliseBlankSeries({ ...series, documentType: 'F' })).toThrow(RangeError);
  });
});
