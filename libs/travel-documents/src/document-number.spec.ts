import { isNormalDocumentNumber, maskDocumentNumber, normaliseDocumentNumber } from './document-number.js';

describe('document numbers', () => {
  it('normalise to upper-case A-Z0-9', () => {
    expect(normaliseDocumentNumber(' l898-902 c3<<')).toBe('L898902C3');
    expect(normaliseDocumentNumber('00123')).toBe('00123');
    expect(normaliseDocumentNumber('L898902C3')).toBe('L898902C3');
    expect(normaliseDocumentNumber('<<')).toBe('');
  });

  it('give every spelling of one number the same normal form', () => {
    const spellings = ['NX-0150 42', 'nx015042', 'NX<0150<42<<', ' Nx 0150-42 '];
    expect(new Set(spellings.map(normaliseDocumentNumber))).toEqual(new Set(['NX015042']));
  });

  it('tell normal forms apart', () => {
    expect(isNormalDocumentNumber('L898902C3')).toBe(true);
    expect(isNormalDocumentNumber('l898902C3')).toBe(false);
    expect(isNormalDocumentNumber('L898 902')).toBe(false);
    expect(isNormalDocumentNumber('')).toBe(false);
  });

  it('mask all but the last three characters', () => {
    expect(maskDocumentNumber('L898902C3')).toBe('******2C3');
    expect(maskDocumentNumber('l898-902 c3')).toBe('******2C3');
    expect(maskDocumentNumber('123456')).toBe('******');
    expect(maskDocumentNumber('')).toBe('');
  });
});
