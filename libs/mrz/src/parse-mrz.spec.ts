import { MrzInputError, parseMrz } from './index.js';

const TODAY = new Date('2025-06-15T00:00:00Z');
const SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];

describe('parseMrz', () => {
  it('reads the ICAO TD3 specimen as a valid specimen', () => {
    expect(parseMrz(SPECIMEN, { today: TODAY })).toEqual({
      valid: true,
      format: 'TD3',
      specimen: true,
      fields: {
        documentCode: 'P',
        issuingState: 'UTO',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        optionalData: 'ZE184226B',
      },
      errors: [],
    });
  });

  it('reads the same MRZ given as one string', () => {
    expect(parseMrz(`${SPECIMEN[0]!}\n${SPECIMEN[1]!}\n`, { today: TODAY }).valid).toBe(true);
  });

  it('names the field whose check digit was changed', () => {
    // Birth-date check digit 2 -> 3: the birth date and the composite over it both fail.
    const result = parseMrz([SPECIMEN[0]!, SPECIMEN[1]!.replace('7408122', '7408123')], { today: TODAY });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { field: 'birthDate', message: 'check digit is 3, expected 2' },
      { field: 'composite', message: 'check digit is 0, expected 3' },
    ]);
    expect(result.fields.birthDate).toBe('1974-08-12');
  });

  it('reports an unknown state but still reads the fields', () => {
    const result = parseMrz([SPECIMEN[0]!.replace('UTO', 'ZZZ'), SPECIMEN[1]!.replace('UTO', 'XYZ')], {
      today: TODAY,
    });
    expect(result.valid).toBe(false);
    expect(result.specimen).toBe(false);
    expect(result.errors).toEqual([
      { field: 'issuingState', message: 'issuing state ZZZ is not an ICAO 9303 state code' },
      { field: 'nationality', message: 'nationality XYZ is not an ICAO 9303 state code' },
    ]);
    expect(result.fields.issuingState).toBe('ZZZ');
  });

  it('throws MrzInputError for unusable input and only for that', () => {
    expect(() => parseMrz('not an mrz')).toThrow(MrzInputError);
    expect(() => parseMrz([SPECIMEN[0]!])).toThrow(MrzInputError);
    expect(() => parseMrz([SPECIMEN[0]!, SPECIMEN[1]!.replace('<', '*')])).toThrow(MrzInputError);
  });

  it('reads birth dates relative to the given today', () => {
    const mrz = [SPECIMEN[0]!, SPECIMEN[1]!];
    expect(parseMrz(mrz, { today: new Date('1974-08-11T00:00:00Z') }).fields.birthDate).toBe('1874-08-12');
  });
});
