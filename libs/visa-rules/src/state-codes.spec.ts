import { ISO_ALPHA2_TO_ALPHA3, icaoFromIsoAlpha2, icaoFromIsoAlpha3, icaoStateCode } from './state-codes.js';

describe('state codes', () => {
  it('lists the 249 ISO 3166-1 codes, each alpha-3 once', () => {
    const alpha3 = Object.values(ISO_ALPHA2_TO_ALPHA3);
    expect(alpha3).toHaveLength(249);
    expect(new Set(alpha3).size).toBe(249);
    for (const [alpha2, code] of Object.entries(ISO_ALPHA2_TO_ALPHA3)) {
      expect(alpha2).toMatch(/^[A-Z]{2}$/);
      expect(code).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('maps ISO codes to ICAO 9303 codes: D for Germany, RKS for Kosovo', () => {
    expect(icaoFromIsoAlpha3('DEU')).toBe('D');
    expect(icaoFromIsoAlpha3('xkx')).toBe('RKS');
    expect(icaoFromIsoAlpha3('FRA')).toBe('FRA');
    expect(icaoFromIsoAlpha2('DE')).toBe('D');
    expect(icaoFromIsoAlpha2('XK')).toBe('RKS');
    expect(icaoFromIsoAlpha2('gb')).toBe('GBR');
    expect(icaoFromIsoAlpha2('HK')).toBe('HKG');
  });

  it('knows nothing of unassigned codes', () => {
    expect(icaoFromIsoAlpha3('ABC')).toBeUndefined();
    expect(icaoFromIsoAlpha3('D')).toBeUndefined();
    expect(icaoFromIsoAlpha2('ZZ')).toBeUndefined();
    expect(icaoFromIsoAlpha2('')).toBeUndefined();
  });

  it('accepts ICAO codes and ISO alpha-3 alike as state codes', () => {
    expect(icaoStateCode('D')).toBe('D');
    expect(icaoStateCode('DEU')).toBe('D');
    expect(icaoStateCode('XXB')).toBe('XXB');
    expect(icaoStateCode('RKS')).toBe('RKS');
    expect(icaoStateCode('UTO')).toBeUndefined();
  });
});
