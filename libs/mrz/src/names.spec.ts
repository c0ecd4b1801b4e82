import { parseName } from './names.js';

describe('parseName', () => {
  it('splits surname and given names at << and reads < as a space', () => {
    expect(parseName('ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<')).toEqual({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      errors: [],
    });
  });

  it('keeps multi-part surnames', () => {
    expect(parseName('KOWALSKA<KWIATKOWSKA<<JOANNA<<<<<<<<<<<')).toMatchObject({
      surname: 'KOWALSKA KWIATKOWSKA',
      givenNames: 'JOANNA',
    });
  });

  it('reads a mononym as a surname without given names', () => {
    expect(parseName('MADONNA<<<<<<<<<<<<<<<<<<<<<<')).toEqual({
      surname: 'MADONNA',
      givenNames: '',
      errors: [],
    });
  });

  it('accepts an empty surname when given names are present', () => {
    expect(parseName('<<ANNA<MARIA<<<<<<<<<<<<<<<<<<')).toEqual({
      surname: '',
      givenNames: 'ANNA MARIA',
      errors: [],
    });
  });

  it('keeps a name truncated at the end of the field', () => {
    expect(parseName('CACADOR<DE<ARAUJO<<ANDRE<ESTEV')).toMatchObject({
      surname: 'CACADOR DE ARAUJO',
      givenNames: 'ANDRE ESTEV',
    });
  });

  it('collapses a stray << inside the given names', () => {
    expect(parseName('DOE<<JOHN<<PAUL<<<<<')).toMatchObject({ surname: 'DOE', givenNames: 'JOHN PAUL' });
  });

  it('reports digits in a name on the part that has them', () => {
    expect(parseName('ERIK55ON<<ANNA<MAR1A<<<<<<').errors).toEqual([
      { field: 'surname', message: 'surname ERIK55ON contains characters other than A-Z' },
      { field: 'givenNames', message: 'given names ANNA<MAR1A contain characters other than A-Z' },
    ]);
  });

  it('reports an empty name field', () => {
    expect(parseName('<<<<<<<<<<').errors).toEqual([{ field: 'surname', message: 'name field is empty' }]);
  });
});
