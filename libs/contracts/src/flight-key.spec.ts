import { flightKey, isFlightKey, isIsoDate, parseFlightKey } from './flight-key.js';

describe('flight keys', () => {
  it('builds the canonical <carrier><number>/<date> form', () => {
    expect(flightKey({ carrierCode: 'LH', flightNumber: '400', departureDate: '2025-03-14' })).toBe(
      'LH400/2025-03-14',
    );
    expect(flightKey({ carrierCode: ' u2 ', flightNumber: '0012a', departureDate: '2025-07-01' })).toBe(
      'U212A/2025-07-01',
    );
    expect(flightKey('LH', '0400', '2025-03-14')).toBe('LH400/2025-03-14');
  });

  it('round-trips through parseFlightKey', () => {
    const parts = { carrierCode: '9W', flightNumber: '1234', departureDate: '2024-02-29' };
    expect(parseFlightKey(flightKey(parts))).toEqual(parts);
  });

  it.each([
    { carrierCode: 'LHX', flightNumber: '400', departureDate: '2025-03-14' },
    { carrierCode: 'LH', flightNumber: '0', departureDate: '2025-03-14' },
    { carrierCode: 'LH', flightNumber: '12345', departureDate: '2025-03-14' },
    { carrierCode: 'LH', flightNumber: '400', departureDate: '2025-02-30' },
    { carrierCode: 'LH', flightNumber: '400', departureDate: '14.03.2025' },
  ])('rejects invalid parts %o', (parts) => {
    expect(() => flightKey(parts)).toThrow(RangeError);
  });

  it('recognises canonical keys only', () => {
    expect(isFlightKey('LH400/2025-03-14')).toBe(true);
    expect(isFlightKey('LH0400/2025-03-14')).toBe(false);
    expect(isFlightKey('lh400/2025-03-14')).toBe(false);
    expect(isFlightKey('LH400/2025-13-01')).toBe(false);
    expect(() => parseFlightKey('LH400')).toThrow(RangeError);
  });

  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
  });
});
