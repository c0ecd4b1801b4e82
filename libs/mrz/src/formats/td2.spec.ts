import { parseTd2 } from './td2.js';

const TODAY = new Date('2025-06-15T00:00:00Z');
const SPECIMEN = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

describe('parseTd2', () => {
  it('reads the ICAO Part 6 specimen', () => {
    expect(parseTd2(SPECIMEN, TODAY)).toEqual({
      format: 'TD2',
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
      },
      errors: [],
    });
  });

  it('reads a long document number from the optional field', () => {
    // D23145890 + overflow 734, check digit 9 (as the 9303 Part 11 TD1 example), composite 2.
    const result = parseTd2(
      ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D23145890<UTO7408122F12041597349<<<2'],
      TODAY,
    );
    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({ documentNumber: 'D23145890734', optionalData: '' });
  });

  it('reports a wrong overflow check digit', () => {
    const result = parseTd2(
      ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D23145890<UTO7408122F12041597348<<<2'],
      TODAY,
    );
    expect(result.errors).toEqual([
      { field: 'documentNumber', message: 'check digit is 8, expected 9' },
      { field: 'composite', message: 'check digit is 2, expected 5' },
    ]);
  });

  it('reports each wrong check digit on its field', () => {
    const result = parseTd2([SPECIMEN[0]!, 'D231458908UTO7408123F1204158<<<<<<<4'], TODAY);
    expect(result.errors.map((e) => e.field)).toEqual([
      'documentNumber',
      'birthDate',
      'expiryDate',
      'composite',
    ]);
  });

  it('says when the MRZ looks like a pre-2021 French identity card', () => {
    const result = parseTd2(
      ['IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02', '1710GVA123451ROBERTA<<<<<<<9112311F2'],
      TODAY,
    );
    expect(result.errors[0]).toEqual({
      field: 'format',
      message:
        'this looks like a French national identity card (1988-2021 layout), which is not an ICAO 9303 TD2',
    });
  });

  it('reports a passport code on a TD2', () => {
    const result = parseTd2(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', SPECIMEN[1]!], TODAY);
    expect(result.errors).toEqual([
      { field: 'documentCode', message: 'document code P< is not a TD2 code: it must start with A, I, C' },
    ]);
  });
});
