import { ErrorList, readDocumentNumber, readSex, readState, readText } from './fields.js';

describe('readDocumentNumber', () => {
  it('reads a 9-character number', () => {
    const errors = new ErrorList();
    expect(readDocumentNumber('L898902C3', '6', '<<<<<<<<<<<<<<<', errors)).toEqual({
      documentNumber: 'L898902C3',
      optionalRest: '<<<<<<<<<<<<<<<',
    });
    expect(errors.items).toEqual([]);
  });

  it('reads an overflow up to the first filler, the digit before it checking the whole number', () => {
    const errors = new ErrorList();
    expect(readDocumentNumber('D23145890', '<', '7349<<<<<<<<<<<', errors)).toEqual({
      documentNumber: 'D23145890734',
      optionalRest: '<<<<<<<<<<',
    });
    expect(errors.items).toEqual([]);
  });

  it('reads an overflow that fills the optional field', () => {
    const errors = new ErrorList();
    const { documentNumber } = readDocumentNumber('600001795', '<', '0152', errors);
    expect(documentNumber).toBe('600001795015');
    expect(errors.items).toEqual([]);
  });

  it('reports an empty number', () => {
    const errors = new ErrorList();
    readDocumentNumber('<<<<<<<<<', '0', null, errors);
    expect(errors.items).toEqual([{ field: 'documentNumber', message: 'document number is empty' }]);
  });

  it('ignores the optional field where the format has no overflow', () => {
    const errors = new ErrorList();
    readDocumentNumber('D23145890', '<', null, errors);
    expect(errors.items).toEqual([{ field: 'documentNumber', message: 'check digit is <, expected 7' }]);
  });
});

describe('readState', () => {
  it('trims fillers and accepts ICAO special codes', () => {
    const errors = new ErrorList();
    expect(readState('nationality', 'D<<', errors)).toBe('D');
    expect(readState('nationality', 'XXA', errors)).toBe('XXA');
    expect(errors.items).toEqual([]);
    expect(errors.specimen).toBe(false);
  });

  it('flags the specimen state instead of rejecting it', () => {
    const errors = new ErrorList();
    expect(readState('issuingState', 'UTO', errors)).toBe('UTO');
    expect(errors.items).toEqual([]);
    expect(errors.specimen).toBe(true);
  });

  it('rejects an unknown code', () => {
    const errors = new ErrorList();
    readState('issuingState', 'UT0', errors);
    expect(errors.items).toEqual([
      { field: 'issuingState', message: 'issuing state UT0 is not an ICAO 9303 state code' },
    ]);
  });
});

describe('readSex', () => {
  it.each([
    ['M', 'M'],
    ['F', 'F'],
    ['<', 'X'],
    ['X', 'X'],
  ] as const)('%s -> %s', (raw, sex) => {
    const errors = new ErrorList();
    expect(readSex(raw, errors)).toBe(sex);
    expect(errors.items).toEqual([]);
  });
});

describe('readText', () => {
  it('reads fillers as spaces and trims', () => {
    expect(readText('010195<112X<<<<')).toBe('010195 112X');
    expect(readText('<<<<<<<')).toBe('');
  });
});
