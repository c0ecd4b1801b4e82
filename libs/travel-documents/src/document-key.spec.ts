import { blankSeriesKey, documentKey, normaliseDocumentRef } from './document-key.js';
import { normaliseIssuingState } from './issuing-state.js';

describe('issuing states', () => {
  it('are ICAO codes of one to three letters, fillers and blanks removed', () => {
    expect(normaliseIssuingState(' nld ')).toBe('NLD');
    expect(normaliseIssuingState('D<<')).toBe('D');
    expect(() => normaliseIssuingState('UTOPIA')).toThrow(RangeError);
    expect(() => normaliseIssuingState('')).toThrow(RangeError);
    expect(() => normaliseIssuingState('N1D')).toThrow(RangeError);
  });
});

describe('registry keys', () => {
  it('key a document as STATE:TYPE:NUMBER', () => {
    expect(documentKey({ issuingState: 'uto', documentType: 'PASSPORT', documentNumber: 'l898 902c3' })).toBe(
      'UTO:PASSPORT:L898902C3',
    );
    expect(documentKey({ issuingState: 'D<<', documentType: 'I', documentNumber: 'T22000129' })).toBe(
      'D:IDENTITY_CARD:T22000129',
    );
  });

  it('key a blank series by its bounds', () => {
    const series = {
      issuingState: 'D',
      documentType: 'P',
      prefix: 'C01',
      firstNumber: '000',
      lastNumber: '999',
    };
    expect(blankSeriesKey(series)).toBe('D:PASSPORT:C01000-C01999');
    expect(blankSeriesKey({ ...series, prefix: '' })).toBe('D:PASSPORT:000-999');
    expect(() => blankSeriesKey({ ...series, firstNumber: '10', lastNumber: '999' })).toThrow(RangeError);
    expect(() => blankSeriesKey({ ...series, firstNumber: '500', lastNumber: '499' })).toThrow(RangeError);
  });

  it('reject unknown types, bad states and empty numbers', () => {
    expect(() => documentKey({ issuingState: 'UTO', documentType: '', documentNumber: 'X1' })).toThrow(
      RangeError,
    );
    expect(() => documentKey({ issuingState: 'UTOPIA', documentType: 'P', documentNumber: 'X1' })).toThrow(
      RangeError,
    );
    expect(() => documentKey({ issuingState: 'UTO', documentType: 'P', documentNumber: '<<' })).toThrow(
      RangeError,
    );
  });

  it('come from the same normal form as the rest of the registry', () => {
    expect(
      normaliseDocumentRef({ issuingState: 'nld', documentType: 'v', documentNumber: 'xa-12 345' }),
    ).toEqual({
      issuingState: 'NLD',
      documentType: 'VISA',
      documentNumber: 'XA12345',
    });
  });
});
