import { parseMrv } from './mrv.js';

const TODAY = new Date('2025-06-15T00:00:00Z');

describe('parseMrv', () => {
  it('reads the ICAO Part 7 MRV-A specimen, which has no composite check digit', () => {
    const result = parseMrv(
      ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
      'MRVA',
      TODAY,
    );
    expect(result).toEqual({
      format: 'MRVA',
      specimen: true,
      fields: {
        documentCode: 'V',
        issuingState: 'UTO',
        documentNumber: 'L8988901C',
        nationality: 'XXX',
        birthDate: '1940-09-07',
        sex: 'F',
        expiryDate: '1996-12-10',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        optionalData: '6ZE184226B',
      },
      errors: [],
    });
  });

  it('reads the ICAO Part 7 MRV-B specimen', () => {
    const result = parseMrv(
      ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
      'MRVB',
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      optionalData: '',
    });
  });

  it('reads a US visa (PassportEye example) with a two-letter code', () => {
    const result = parseMrv(
      ['VIUSATRAVELER<<HAPPYPERSON<<<<<<<<<<<<<<<<<<', '555123ABC6GBR6502056F04122361FLNDDDAM5803085'],
      'MRVA',
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.specimen).toBe(false);
    expect(result.fields).toMatchObject({
      documentCode: 'VI',
      issuingState: 'USA',
      nationality: 'GBR',
      birthDate: '1965-02-05',
      expiryDate: '2004-12-23',
      optionalData: '1FLNDDDAM5803085',
    });
  });

  it('reports wrong check digits on their fields', () => {
    const result = parseMrv(
      ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C5XXX4009079F9612108<<<<<<<<'],
      'MRVB',
      TODAY,
    );
    expect(result.errors).toEqual([
      { field: 'documentNumber', message: 'check digit is 5, expected 4' },
      { field: 'birthDate', message: 'check digit is 9, expected 8' },
      { field: 'expiryDate', message: 'check digit is 8, expected 9' },
    ]);
  });
});
