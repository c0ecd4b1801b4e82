import { checkDigit } from '../check-digit.js';
import { parseTd1 } from './td1.js';

const TODAY = new Date('2025-06-15T00:00:00Z');
const SPECIMEN = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];

describe('parseTd1', () => {
  it('reads the ICAO Part 5 specimen', () => {
    expect(parseTd1(SPECIMEN, TODAY)).toEqual({
      format: 'TD1',
      specimen: true,
      fields: {
        documentCode: 'I',
        issuingState: 'UTO',
        documentNumber: 'D23145890',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        optionalData: '',
        optionalData2: '',
      },
      errors: [],
    });
  });

  it('reads both optional fields', () => {
    const result = parseTd1(
      ['IDBEL600001795<0152<<<<<<<<<<<', '1301014F2311207BEL130101987398', 'SPECIMEN<<SPECIMEN<<<<<<<<<<<<'],
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({
      documentCode: 'ID',
      optionalData: '',
      optionalData2: '13010198739',
    });
  });

  it('reads a 12-character document number from the optional field (9303 Part 11 D.2)', () => {
    const result = parseTd1(
      ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'],
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({
      documentNumber: 'D23145890734',
      optionalData: '',
      birthDate: '1934-07-12',
      expiryDate: '1995-07-12',
      sex: 'M',
    });
  });

  it('keeps optional data written after the overflow and its filler', () => {
    const line1 = 'I<UTOD23145890<7349<ABC<<<<<<<';
    const line2 = '3407127M9507122UTO<<<<<<<<<<<';
    const composite = checkDigit(
      line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29),
    );
    const result = parseTd1([line1, `${line2}${composite}`, 'STEVENSON<<PETER<<<<<<<<<<<<<<'], TODAY);
    expect(result.errors).toEqual([]);
    expect(result.fields.optionalData).toBe('ABC');
  });

  it('reports a wrong overflow check digit against the ICAO computation', () => {
    const result = parseTd1(
      ['IDBEL000590240<6016<<<<<<<<<<<', '8512017F1311048BEL851201002007', 'REINARTZ<<ULRIKE<KATIA<E<<<<<<'],
      TODAY,
    );
    expect(result.errors).toEqual([
      { field: 'documentNumber', message: 'check digit is 6, expected 1' },
      { field: 'composite', message: 'check digit is 7, expected 6' },
    ]);
    expect(result.fields.documentNumber).toBe('000590240601');
  });

  it('accepts the overflow check digit computed with the filler included (Belgian cards)', () => {
    const result = parseTd1(
      ['IDBEL000590240<6013<<<<<<<<<<<', '8512017F1311048BEL851201002007', 'REINARTZ<<ULRIKE<KATIA<E<<<<<<'],
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.fields.documentNumber).toBe('000590240601');
  });

  it('reports a filler check digit with no overflow', () => {
    const result = parseTd1(['I<UTOD23145890<<<<<<<<<<<<<<<<', SPECIMEN[1]!, SPECIMEN[2]!], TODAY);
    expect(result.errors).toContainEqual({
      field: 'documentNumber',
      message: 'check digit is <, expected 7',
    });
  });

  it('reports a document code that is not a TD1 code', () => {
    const result = parseTd1(['P<UTOD231458907<<<<<<<<<<<<<<<', SPECIMEN[1]!, SPECIMEN[2]!], TODAY);
    expect(result.errors).toEqual([
      { field: 'documentCode', message: 'document code P< is not a TD1 code: it must start with A, I, C' },
    ]);
  });

  it('reports a V in second place of the document code', () => {
    const result = parseTd1(['IVUTOD231458907<<<<<<<<<<<<<<<', SPECIMEN[1]!, SPECIMEN[2]!], TODAY);
    expect(result.errors).toEqual([
      { field: 'documentCode', message: 'document code IV: second character must not be V on a TD1' },
    ]);
  });

  it('reports the composite alone when only it is wrong (PassportEye AUT example)', () => {
    const result = parseTd1(
      ['IDAUT10000999<6<<<<<<<<<<<<<<<', '7109094F1112315AUT<<<<<<<<<<<6', 'MUSTERFRAU<<ISOLDE<<<<<<<<<<<<'],
      TODAY,
    );
    expect(result.errors).toEqual([{ field: 'composite', message: 'check digit is 6, expected 4' }]);
    expect(result.fields.documentNumber).toBe('10000999');
  });

  it('reports invalid dates and sex on their fields', () => {
    const result = parseTd1(
      ['I<UTOD231458907<<<<<<<<<<<<<<<', '7413122Z1204159UTO<<<<<<<<<<<6', SPECIMEN[2]!],
      TODAY,
    );
    expect(result.errors).toEqual([
      { field: 'birthDate', message: 'check digit is 2, expected 8' },
      { field: 'birthDate', message: '741312 is not a date: month 13 does not exist' },
      { field: 'sex', message: 'sex is Z, expected M, F or < (unspecified)' },
      { field: 'composite', message: 'check digit is 6, expected 8' },
    ]);
    expect(result.fields.birthDate).toBeNull();
    expect(result.fields.sex).toBe('X');
  });
});
