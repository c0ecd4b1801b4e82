import { FLIGHT, passenger, paxlst } from '../../test/fixtures.js';
import { parsePaxlst } from '../index.js';

const only = (text: string) => {
  const result = parsePaxlst(text);
  return { result, traveller: result.messages[0]!.travellers[0]! };
};

describe('PAXLST travellers (NAD group)', () => {
  it('maps a complete passenger', () => {
    const { result, traveller } = only(
      paxlst([
        ...FLIGHT,
        'NAD+FL+++CAPONE:LISA:ALVINA',
        'ATT+2++F',
        'DTM+329:720805',
        'MEA+CT++1',
        'FTX+BAG+++2660002',
        'LOC+22+IAD',
        'LOC+178+SVO',
        'LOC+179+IAD',
        'LOC+174+USA',
        'LOC+180+:::Hartford USA',
        'NAT+2+USA',
        'RFF+AVF:65A6BB',
        'RFF+ABO:UUI34T543',
        'RFF+SEA:019F',
        'DOC+P+907316631',
        'DTM+36:251103',
        'LOC+91+USA',
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(traveller).toEqual({
      index: 1,
      segment: 10,
      role: 'passenger',
      roleCode: 'FL',
      surname: 'CAPONE',
      givenNames: 'LISA ALVINA',
      birthDate: '1972-08-05',
      sex: 'F',
      nationality: 'USA',
      countryOfResidence: 'USA',
      placeOfBirth: 'Hartford USA',
      portOfEmbarkation: 'SVO',
      portOfDisembarkation: 'IAD',
      portOfClearance: 'IAD',
      reservationRefs: ['65A6BB', 'UUI34T543'],
      seat: '019F',
      references: [
        { qualifier: 'AVF', value: '65A6BB' },
        { qualifier: 'ABO', value: 'UUI34T543' },
        { qualifier: 'SEA', value: '019F' },
      ],
      documents: [
        { segment: 24, type: 'P', number: '907316631', expiryDate: '2025-11-03', issuingState: 'USA' },
      ],
      readable: true,
      errors: [],
    });
  });

  it.each([
    ['FL', 'passenger'],
    ['FM', 'crew'],
    ['DDU', 'in-transit-passenger'],
    ['DDT', 'in-transit-crew'],
    ['COT', 'crew-other'],
  ])('maps NAD %s to %s', (code, role) => {
    const body = passenger('DOE', 'X1');
    body[0] = `NAD+${code}+++DOE:JANE`;
    expect(only(paxlst(body, { cnt: '42:1' })).traveller).toMatchObject({
      role,
      roleCode: code,
      readable: true,
    });
  });

  it('numbers travellers across the interchange and keeps an empty trailing name component out', () => {
    const { result } = only(paxlst([...passenger('A', '1'), 'NAD+FL+++JIANG:HSIUYUAN:', 'DTM+329:670603']));
    expect(result.messages[0]!.travellers.map((t) => [t.index, t.surname, t.givenNames])).toEqual([
      [1, 'A', 'JOHN PAUL'],
      [2, 'JIANG', 'HSIUYUAN'],
    ]);
  });

  it('reports an unknown role; the traveller is returned but not readable', () => {
    const body = passenger('DOE', 'X1');
    body[0] = 'NAD+ZZ+++DOE:JANE';
    const { result, traveller } = only(paxlst(body, { cnt: '42:1' }));
    expect(traveller).toMatchObject({ role: 'unknown', roleCode: 'ZZ', readable: false, surname: 'DOE' });
    expect(result.errors.map((e) => [e.segment, e.tag, e.element, e.code, e.travellerIndex])).toEqual([
      [5, 'NAD', 'NAD 1', 'unknown-qualifier', 1],
      [5, 'NAD', undefined, 'unreadable-traveller', 1],
    ]);
  });

  it('keeps readable travellers beside an unreadable one (partial acceptance)', () => {
    const { result } = only(
      paxlst([...passenger('GOOD', 'G1'), 'NAD+FL+++:NONAME', 'ATT+2++F', ...passenger('ALSO', 'G2')]),
    );
    const travellers = result.messages[0]!.travellers;
    expect(travellers.map((t) => [t.surname, t.readable])).toEqual([
      ['GOOD', true],
      ['', false],
      ['ALSO', true],
    ]);
    expect(travellers[1]!.givenNames).toBe('NONAME');
    expect(travellers[1]!.errors.map((e) => e.code)).toEqual([
      'missing-name',
      'missing-value',
      'missing-value',
      'missing-document',
      'unreadable-traveller',
    ]);
    expect(travellers[1]!.errors.at(-1)!.message).toBe(
      'traveller 2 cannot be screened: there is no surname, there is neither a date of birth nor a document',
    );
    expect(result.summary).toMatchObject({ travellers: 3, readable: 2, unreadable: 1 });
  });

  it('reports a bad birth date once, and a padded one as a warning', () => {
    const bad = passenger('DOE', 'X1');
    bad[2] = 'DTM+329:701302';
    expect(only(paxlst(bad)).traveller.errors).toEqual([
      {
        segment: 7,
        tag: 'DTM',
        element: 'DTM 1.2',
        message: 'date of birth is not a date: there is no month 13',
        severity: 'error',
        code: 'bad-date',
        travellerIndex: 1,
      },
    ]);
    const padded = passenger('DOE', 'X1');
    padded[2] = 'DTM+329: 670603';
    const { traveller } = only(paxlst(padded));
    expect(traveller.birthDate).toBe('1967-06-03');
    expect(traveller.errors).toEqual([
      expect.objectContaining({ code: 'bad-date', severity: 'warning', element: 'DTM 1.2' }),
    ]);
  });

  it('warns about missing sex, birth date and nationality, and odd qualifiers', () => {
    const { traveller } = only(
      paxlst([
        'NAD+FL+++DOE:JOHN',
        'ATT+9++M',
        'NAT+1+GBR',
        'LOC+999+XXX',
        'DTM+999:700101',
        'DOC+P+1',
        'LOC+91+GBR',
      ]),
    );
    expect(traveller.errors.map((e) => [e.tag, e.code, e.severity])).toEqual([
      ['ATT', 'unknown-qualifier', 'warning'],
      ['NAT', 'unknown-qualifier', 'warning'],
      ['LOC', 'unknown-qualifier', 'warning'],
      ['DTM', 'unknown-qualifier', 'warning'],
      ['NAD', 'missing-value', 'warning'],
      ['NAD', 'missing-value', 'warning'],
    ]);
    expect(traveller).toMatchObject({ nationality: 'GBR', readable: true });
    expect(traveller.sex).toBeUndefined();
  });

  it('reports a sex code that is not M, F, U or X', () => {
    const body = passenger('DOE', 'X1');
    body[1] = 'ATT+2++Q';
    expect(only(paxlst(body)).traveller.errors).toEqual([
      expect.objectContaining({ tag: 'ATT', element: 'ATT 3', code: 'unknown-qualifier', severity: 'error' }),
      expect.objectContaining({
        tag: 'NAD',
        code: 'missing-value',
        message: 'traveller 1 has no sex (gender)',
      }),
    ]);
  });

  it('reads a traveller with neither a document nor a birth date as unreadable', () => {
    const { traveller } = only(paxlst(['NAD+FL+++DOE:JOHN', 'ATT+2++M', 'NAT+2+GBR']));
    expect(traveller.readable).toBe(false);
    expect(traveller.errors.map((e) => e.code)).toEqual([
      'missing-value',
      'missing-document',
      'unreadable-traveller',
    ]);
  });
});
