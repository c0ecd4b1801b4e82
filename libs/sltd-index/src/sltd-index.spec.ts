import { SltdIndex } from './sltd-index.js';
import type { ListedSeries } from './types.js';

const passport = (issuingState: string, documentNumber: string, status: 'lost' | 'stolen' = 'stolen') => ({
  issuingState,
  documentType: 'P',
  documentNumber,
  status,
});

describe('SltdIndex records', () => {
  it('finds a listed document under every spelling of its number', () => {
    const index = new SltdIndex();
    index.upsert(passport('NLD', 'XA-12 345<<'));
    for (const spelling of ['XA12345', 'xa12345', 'XA-12345', ' XA 12 345 ', 'XA12345<<<']) {
      expect(index.lookup('NLD', spelling)).toEqual([
        {
          kind: 'record',
          issuingState: 'NLD',
          documentType: 'PASSPORT',
          documentNumber: 'XA12345',
          status: 'stolen',
        },
      ]);
    }
    expect(index.lookup('nld', 'XA12345', 'P')).toHaveLength(1);
    expect(index.lookup('NLD', 'XA1234')).toEqual([]);
    expect(index.lookup('NLD', 'XA123450')).toEqual([]);
    expect(index.lookup('NLD', '0XA12345')).toEqual([]);
  });

  it('misses after a withdrawal, and finds a document listed again', () => {
    const index = new SltdIndex();
    index.upsert(passport('D', 'C01X00T47'));
    expect(
      index.withdraw({ issuingState: 'D<<', documentType: 'PASSPORT', documentNumber: 'c01x00t47' }),
    ).toBe(true);
    expect(index.lookup('D', 'C01X00T47')).toEqual([]);
    expect(index.size).toBe(0);
    expect(index.withdraw({ issuingState: 'D', documentType: 'P', documentNumber: 'C01X00T47' })).toBe(false);
    expect(index.upsert(passport('D', 'C01X00T47', 'lost'))).toBe('added');
    expect(index.lookup('D', 'C01X00T47')).toMatchObject([{ status: 'lost' }]);
  });

  it('updates the status of a listed document in place', () => {
    const index = new SltdIndex();
    expect(index.upsert(passport('UTO', 'L898902C3', 'lost'))).toBe('added');
    expect(index.upsert(passport('UTO', 'L898902C3', 'lost'))).toBe('unchanged');
    expect(index.upsert(passport('UTO', 'l898 902 c3', 'stolen'))).toBe('updated');
    expect(index.size).toBe(1);
    expect(index.lookup('UTO', 'L898902C3')).toMatchObject([{ status: 'stolen' }]);
  });

  it('keeps the same number of two states apart, and tells each about the other', () => {
    const index = new SltdIndex();
    index.upsert(passport('NLD', 'AB1234567'));
    index.upsert({ ...passport('BEL', 'AB1234567'), documentType: 'I' });
    index.upsert(passport('FRA', 'AB1234567'));
    expect(index.lookup('NLD', 'AB1234567')).toMatchObject([{ issuingState: 'NLD' }]);
    expect(index.lookup('DEU', 'AB1234567')).toEqual([]);
    expect(index.listedElsewhere('NLD', 'AB1234567')).toEqual(['BEL', 'FRA']);
    expect(index.listedElsewhere('DEU', 'ab-1234567')).toEqual(['BEL', 'FRA', 'NLD']);
    expect(index.listedElsewhere('NLD', 'AB1234568')).toEqual([]);
    index.withdraw({ issuingState: 'BEL', documentType: 'I', documentNumber: 'AB1234567' });
    expect(index.listedElsewhere('NLD', 'AB1234567')).toEqual(['FRA']);
  });

  it('filters on the document type only when one is given', () => {
    const index = new SltdIndex();
    index.upsert(passport('ESP', 'PAA000123', 'lost'));
    index.upsert({ ...passport('ESP', 'PAA000123', 'stolen'), documentType: 'IDENTITY_CARD' });
    expect(index.size).toBe(2);
    expect(
      index
        .lookup('ESP', 'PAA000123')
        .map((hit) => hit.documentType)
        .sort(),
    ).toEqual(['IDENTITY_CARD', 'PASSPORT']);
    expect(index.lookup('ESP', 'PAA000123', 'P')).toMatchObject([
      { documentType: 'PASSPORT', status: 'lost' },
    ]);
    expect(index.lookup('ESP', 'PAA000123', 'I')).toMatchObject([
      { documentType: 'IDENTITY_CARD', status: 'stolen' },
    ]);
    expect(index.lookup('ESP', 'PAA000123', 'V')).toEqual([]);
    expect(() => index.lookup('ESP', 'PAA000123', 'F')).toThrow(RangeError);
  });

  it('handles numbers longer than twelve characters exactly', () => {
    const index = new SltdIndex();
    index.upsert(passport('XXA', 'ABCDEFGHIJKLMNOP'));
    index.upsert(passport('XXB', 'ABCDEFGHIJKLMNOP'));
    expect(index.lookup('XXA', 'abcd-efgh-ijkl-mnop')).toHaveLength(1);
    expect(index.lookup('XXA', 'ABCDEFGHIJKLMNO')).toEqual([]);
    expect(index.lookup('XXA', 'ABCDEFGHIJKL')).toEqual([]);
    expect(index.listedElsewhere('XXA', 'ABCDEFGHIJKLMNOP')).toEqual(['XXB']);
    expect(index.stats().longNumbers).toBe(1);
    index.withdraw({ issuingState: 'XXA', documentType: 'P', documentNumber: 'ABCDEFGHIJKLMNOP' });
    expect(index.stats().longNumbers).toBe(1);
    index.withdraw({ issuingState: 'XXB', documentType: 'P', documentNumber: 'ABCDEFGHIJKLMNOP' });
    expect(index.stats().longNumbers).toBe(0);
    expect(index.lookup('XXB', 'ABCDEFGHIJKLMNOP')).toEqual([]);
  });

  it('grows beyond its initial capacity without losing anything', () => {
    const index = SltdIndex.withCapacity(100);
    const slots = index.stats().slots;
    for (let i = 0; i < 5000; i++) index.upsert(passport(i % 2 ? 'GBR' : 'IRL', String(i).padStart(9, '0')));
    expect(index.stats().slots).toBeGreaterThan(slots);
    expect(index.size).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      expect(index.lookup(i % 2 ? 'GBR' : 'IRL', String(i).padStart(9, '0'))).toHaveLength(1);
      expect(index.lookup(i % 2 ? 'IRL' : 'GBR', String(i).padStart(9, '0'))).toHaveLength(0);
    }
    expect(index.stats().loadFactor).toBeLessThanOrEqual(0.8);
    expect(index.bytesUsed / index.size).toBeLessThanOrEqual(24);
  });

  it('refuses invalid input rather than guessing', () => {
    const index = new SltdIndex();
    expect(() => index.upsert(passport('UTOPIA', 'X1'))).toThrow(RangeError);
    expect(() => index.upsert(passport('UTO', '<<'))).toThrow(RangeError);
    expect(() => index.upsert({ ...passport('UTO', 'X1'), status: 'found' as 'lost' })).toThrow(RangeError);
    expect(() => index.upsert({ ...passport('UTO', 'X1'), documentType: 'F' })).toThrow(RangeError);
    expect(() => index.lookup('UTO', ' - ')).toThrow(RangeError);
    expect(() => index.lookup('U1O', 'X1')).toThrow(RangeError);
    expect(index.size).toBe(0);
  });
});

describe('SltdIndex blank series', () => {
  const series: ListedSeries = {
    issuingState: 'D',
    documentType: 'P',
    prefix: 'C01',
    firstNumber: '100',
    lastNumber: '199',
    status: 'stolen_blank',
  };

  it('hits from the first to the last number and nowhere else', () => {
    const index = new SltdIndex();
    expect(index.upsertSeries(series)).toBe('added');
    expect(index.lookup('D', 'C01100')).toEqual([
      {
        kind: 'blank-series',
        issuingState: 'D',
        documentType: 'PASSPORT',
        prefix: 'C01',
        firstNumber: '100',
        lastNumber: '199',
        status: 'stolen_blank',
      },
    ]);
    expect(index.lookup('D', 'c01-150')).toHaveLength(1);
    expect(index.lookup('D<<', 'C01199')).toHaveLength(1);
    expect(index.lookup('D', 'C01099')).toEqual([]); // one before
    expect(index.lookup('D', 'C01200')).toEqual([]); // one after
    expect(index.lookup('D', 'C010150')).toEqual([]); // one digit more
    expect(index.lookup('D', 'C0115')).toEqual([]); // one digit less
    expect(index.lookup('D', 'C02150')).toEqual([]); // another prefix
    expect(index.lookup('D', 'X01150')).toEqual([]);
    expect(index.lookup('D', 'C0115A')).toEqual([]);
    expect(index.lookup('NLD', 'C01150')).toEqual([]); // another state
    expect(index.lookup('D', 'C01150', 'P')).toHaveLength(1);
    expect(index.lookup('D', 'C01150', 'I')).toEqual([]); // another type
  });

  it('reports a record and a series that both match', () => {
    const index = new SltdIndex();
    index.upsertSeries(series);
    index.upsert(passport('D', 'C01150', 'lost'));
    expect(
      index
        .lookup('D', 'C01150')
        .map((hit) => hit.kind)
        .sort(),
    ).toEqual(['blank-series', 'record']);
  });

  it('matches series without a prefix, or with digits in the prefix, by digit count', () => {
    const index = new SltdIndex();
    index.upsertSeries({ ...series, prefix: '', firstNumber: '004000', lastNumber: '004999' });
    index.upsertSeries({ ...series, prefix: 'AB12', firstNumber: '00', lastNumber: '50' });
    expect(index.lookup('D', '004711')).toHaveLength(1);
    expect(index.lookup('D', '4711')).toEqual([]);
    expect(index.lookup('D', 'AB1250')).toHaveLength(1);
    expect(index.lookup('D', 'AB1251')).toEqual([]);
    expect(index.seriesCount).toBe(2);
  });

  it('updates and withdraws a series by its state, type, prefix and bounds', () => {
    const index = new SltdIndex();
    index.upsertSeries(series);
    expect(index.upsertSeries({ ...series, status: 'invalidated' })).toBe('updated');
    expect(index.lookup('D', 'C01150')).toMatchObject([{ status: 'invalidated' }]);
    expect(index.withdrawSeries({ ...series, lastNumber: '198' })).toBe(false);
    expect(index.withdrawSeries({ ...series, prefix: 'c-01' })).toBe(true);
    expect(index.lookup('D', 'C01150')).toEqual([]);
    expect(index.seriesCount).toBe(0);
    expect(() => index.upsertSeries({ ...series, firstNumber: '10' })).toThrow(RangeError);
  });
});
