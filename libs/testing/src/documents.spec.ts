import { parseMrz } from '@docscreen/mrz';
import { td3Mrz } from './documents.js';

// The passports the integration tests invent must be genuine ICAO 9303 zones: a wrong check digit
// here would make every "clean" traveller of those tests a hit for the wrong reason.

describe('td3Mrz', () => {
  it.each([
    [
      'a Dutch passport',
      { state: 'NLD', number: 'NW4X2K7P1', surname: 'ERIKSSON', givenNames: 'ANNA MARIA' },
    ],
    [
      'a German passport (one-letter state)',
      { state: 'D', number: 'C01X00T47', surname: 'MUSTERMANN', givenNames: 'ERIKA' },
    ],
    ['a short number', { state: 'FRA', number: '12AB345', surname: 'DE LA TOUR', givenNames: 'JEAN' }],
  ])('writes %s that parses with no error and the fields it was given', (_, o) => {
    const lines = td3Mrz({ ...o, birthDate: '1974-08-12', sex: 'F', expiryDate: '2032-04-15' });
    expect(lines.map((line) => line.length)).toEqual([44, 44]);
    const result = parseMrz(lines, { today: new Date('2026-03-01T12:00:00Z') });
    expect(result.errors).toEqual([]);
    expect(result.fields).toMatchObject({
      documentCode: 'P',
      issuingState: o.state,
      nationality: o.state,
      documentNumber: o.number,
      birthDate: '1974-08-12',
      expiryDate: '2032-04-15',
      sex: 'F',
      surname: o.surname,
      givenNames: o.givenNames,
    });
  });
});
