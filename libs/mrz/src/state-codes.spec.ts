import { ICAO_STATE_CODES, SPECIMEN_STATE_CODE, isIcaoStateCode } from './state-codes.js';

describe('ICAO_STATE_CODES', () => {
  it('holds the 249 ISO 3166-1 codes and the 28 ICAO 9303 special codes', () => {
    expect(ICAO_STATE_CODES.size).toBe(277);
  });

  it.each(['DEU', 'CHE', 'USA', 'D', 'GBN', 'EUE', 'UNO', 'XXA', 'XXX', 'RKS', 'XOM', 'XPO', 'ANT'])(
    'knows %s',
    (code) => {
      expect(isIcaoStateCode(code)).toBe(true);
    },
  );

  it.each(['UTO', 'ZZZ', 'DE', 'D<<', 'deu', ''])('does not know %p', (code) => {
    expect(isIcaoStateCode(code)).toBe(false);
  });

  it('keeps the specimen state out of the list', () => {
    expect(SPECIMEN_STATE_CODE).toBe('UTO');
    expect(ICAO_STATE_CODES.has(SPECIMEN_STATE_CODE)).toBe(false);
  });

  it('holds 3-letter codes only, but for Germany', () => {
    const odd = [...ICAO_STATE_CODES].filter((code) => !/^[A-Z]{3}$/.test(code));
    expect(odd).toEqual(['D']);
  });
});
