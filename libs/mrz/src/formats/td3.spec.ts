import { parseTd3 } from './td3.js';

const TODAY = new Date('2025-06-15T00:00:00Z');
const LINE1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';

describe('parseTd3', () => {
  it('reads the ICAO Part 4 specimen', () => {
    const result = parseTd3([LINE1, 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'], TODAY);
    expect(result.errors).toEqual([]);
    expect(result.specimen).toBe(true);
    expect(result.fields).toEqual({
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
    });
  });

  it('reads a document number shorter than 9 characters', () => {
    const result = parseTd3([LINE1, 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'], TODAY);
    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({
      documentNumber: 'L898902C',
      birthDate: '1969-08-06',
      expiryDate: '1994-06-23',
    });
  });

  it('reports a wrong personal-number check digit and the composite', () => {
    const result = parseTd3([LINE1, 'L898902C36UTO7408122F1204159ZE184226B<<<<<20'], TODAY);
    expect(result.errors).toEqual([
      { field: 'optionalData', message: 'check digit is 2, expected 1' },
      { field: 'composite', message: 'check digit is 0, expected 1' },
    ]);
  });

  it.each(['<', '0'])('accepts %s as the check digit of empty optional data', (digit) => {
    // Germany's specimen writes <; the composite is the same either way as both are worth 0.
    const line2 = `C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<${digit}0`;
    const result = parseTd3(['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', line2], TODAY);
    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({
      issuingState: 'D',
      nationality: 'D',
      optionalData: '',
      surname: 'MUSTERMANN',
    });
  });

  it('reports any other check digit on empty optional data', () => {
    const line2 = 'C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<10';
    const result = parseTd3(['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', line2], TODAY);
    expect(result.errors).toEqual([
      { field: 'optionalData', message: 'check digit is 1, expected < or 0 for empty optional data' },
      { field: 'composite', message: 'check digit is 0, expected 1' },
    ]);
  });

  it('reports a non-passport document code', () => {
    const result = parseTd3(
      ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
      TODAY,
    );
    expect(result.errors).toEqual([
      { field: 'documentCode', message: 'document code I< is not a TD3 code: it must start with P' },
    ]);
  });

  it('does not take a filler in the check-digit slot for an overflow', () => {
    const result = parseTd3([LINE1, 'L898902C3<UTO7408122F1204159ZE184226B<<<<<10'], TODAY);
    expect(result.errors).toContainEqual({
      field: 'documentNumber',
      message: 'check digit is <, expected 6',
    });
    expect(result.fields.documentNumber).toBe('L898902C3');
  });
});
