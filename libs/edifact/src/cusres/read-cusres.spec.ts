import { type CusresReading, type ReadCusresResult, readCusres } from './read-cusres.js';
import { type CusresResponse, writeCusres } from './write-cusres.js';
import { RESPONSE } from './__fixtures__/response.js';

function readOk(text: string): CusresReading {
  const result: ReadCusresResult = readCusres(text);
  if (!result.ok) throw new Error(`expected a readable CUSRES: ${JSON.stringify(result.errors)}`);
  return result;
}

const errorsOf = (text: string) => {
  const result = readCusres(text);
  return result.ok ? [] : result.errors.filter((e) => e.severity === 'error').map((e) => [e.tag, e.code]);
};

/** A hand-written response, as another border system might send it (one segment a line). */
function cusres(travellerLines: string[], { unt, unz }: { unt?: number; unz?: string } = {}): string {
  const message = [
    'UNH+1+CUSRES:D:05B:UN:IATA',
    'BGM+962',
    'RFF+TN:0000100',
    'RFF+AF:CA339',
    'DTM+189:2001191620:201',
    'DTM+232:2001192035:201',
    'LOC+125+ICN',
    'LOC+87+CAN',
    ...travellerLines,
  ];
  message.push(`UNT+${unt ?? message.length + 1}+1`);
  return ['UNB+UNOA:4+NIAC+CA+200119:1600+1234++IAPI', ...message, unz ?? 'UNZ+1+1234']
    .map((s) => `${s}'`)
    .join('\n');
}

describe('readCusres', () => {
  it.each([
    ['board', '0Z'],
    ['do-not-board', '1Z'],
    ['contact-authority', '2Z'],
  ] as const)('reads back a %s directive (%s) as written', (directive, code) => {
    const reading = readOk(
      writeCusres({ ...RESPONSE, travellers: [{ travellerRef: 'P9', directive, reason: `WHY ${code}` }] }),
    );
    expect(reading.travellers).toEqual([
      { travellerRef: 'P9', directive, code, reason: `WHY ${code}`, segment: 11 },
    ]);
  });

  it('reads back the envelope, references and flight', () => {
    const { travellers, warnings, ...rest } = readOk(writeCusres(RESPONSE));
    expect(warnings).toEqual([]);
    expect(rest).toEqual({
      ok: true,
      sender: 'DOCSCREEN',
      recipient: 'LA',
      interchangeRef: 'R000123',
      messageRef: 'M1',
      queryInterchangeRef: 'Q000777',
      queryMessageRef: 'TN0042',
      preparedAt: '2020-01-19T21:05',
      flight: {
        carrierCode: 'LA',
        flightNumber: '532',
        departureAirport: 'SCL',
        arrivalAirport: 'JFK',
        scheduledDepartureLocal: '2020-01-19T23:00',
        scheduledArrivalLocal: '2020-01-20T07:40',
      },
      messageStatus: [],
    });
    expect(travellers.map((t) => [t.travellerRef, t.reservationRef, t.directive, t.reason])).toEqual([
      ['P1', 'MWZRDQ', 'board', 'OK TO BOARD'],
      ['P2', undefined, 'do-not-board', 'DOCUMENT REPORTED STOLEN'],
      ['P3', undefined, 'contact-authority', undefined],
    ]);
  });

  it.each([
    "a question? and a 'quote'",
    'A+B:C',
    '???',
    "trailing separators +:'",
    'Passagier Müller, Łódź',
    'x'.repeat(1200),
  ])('round-trips the reason %j through escaping', (reason) => {
    const written = writeCusres({
      ...RESPONSE,
      travellers: [{ travellerRef: 'P1', directive: 'board', reason }],
    });
    expect(readOk(written).travellers[0]!.reason).toBe(reason);
  });

  it('writes UNT and UNZ counts that a re-read checks and finds right', () => {
    for (const count of [0, 1, 5, 40]) {
      const travellers: CusresResponse['travellers'] = Array.from({ length: count }, (_, i) => ({
        travellerRef: `P${i}`,
        directive: 'do-not-board',
        reason: 'R',
      }));
      const reading = readCusres(writeCusres({ ...RESPONSE, travellers }));
      expect(reading).toMatchObject({ ok: true, warnings: [] });
      expect((reading as CusresReading).travellers).toHaveLength(count);
    }
  });

  it('reads a hand-written response from another border system', () => {
    const reading = readOk(
      cusres([
        'ERP+2',
        'RFF+AVF:MXRLBK',
        'RFF+ABO:4711',
        'ERC+1Z',
        'FTX+AAP+++NO BOARD, if there is a question, please contact the authority.',
      ]),
    );
    expect(reading).toMatchObject({
      sender: 'NIAC',
      recipient: 'CA',
      interchangeRef: '1234',
      messageRef: '1',
    });
    expect(reading.flight).toMatchObject({ carrierCode: 'CA', flightNumber: '339', departureAirport: 'ICN' });
    expect(reading.travellers).toEqual([
      {
        travellerRef: '4711',
        reservationRef: 'MXRLBK',
        directive: 'do-not-board',
        code: '1Z',
        reason: 'NO BOARD, if there is a question, please contact the authority.',
        segment: 10,
      },
    ]);
  });

  it.each(['4Z', '9X', ''])('reads an unknown ERC code %j as contact-authority, keeping the code', (code) => {
    const reading = readOk(cusres(['ERP+2', 'RFF+ABO:1', `ERC+${code}`]));
    expect(reading.travellers[0]).toMatchObject({ directive: 'contact-authority', code });
  });

  it('takes the most restrictive of several codes for one traveller', () => {
    const reading = readOk(cusres(['ERP+2', 'RFF+ABO:1', 'ERC+0Z', 'ERC+1Z', 'ERC+2Z']));
    expect(reading.travellers[0]).toMatchObject({ directive: 'do-not-board', code: '1Z' });
  });

  it('keeps a message-level status (ERP 1) apart from the travellers', () => {
    const reading = readOk(cusres(['ERP+1', 'ERC+1', 'FTX+AAP+++SYSTEM UNAVAILABLE']));
    expect(reading.travellers).toEqual([]);
    expect(reading.messageStatus).toEqual([{ code: '1', reason: 'SYSTEM UNAVAILABLE', segment: 10 }]);
  });

  it.each([
    [
      'a wrong UNT segment count',
      cusres(['ERP+2', 'RFF+ABO:1', 'ERC+0Z'], { unt: 99 }),
      [['UNT', 'count-mismatch']],
    ],
    [
      'a wrong UNZ message count',
      cusres(['ERP+2', 'RFF+ABO:1', 'ERC+0Z'], { unz: 'UNZ+2+1234' }),
      [['UNZ', 'count-mismatch']],
    ],
    ['a UNZ reference other than UNB’s', cusres([], { unz: 'UNZ+1+9999' }), [['UNZ', 'reference-mismatch']]],
    [
      'a traveller group without RFF ABO',
      cusres(['ERP+2', 'RFF+AVF:X', 'ERC+0Z']),
      [['ERP', 'missing-value']],
    ],
    [
      'a traveller group without ERC',
      cusres(['ERP+2', 'RFF+ABO:1', 'FTX+AAP+++NO CODE']),
      [['ERP', 'missing-segment']],
    ],
    ['an ERC outside any group', cusres(['ERC+0Z']), [['ERC', 'unexpected-segment']]],
    [
      'a PAXLST instead of a CUSRES',
      "UNB+UNOA:4+A+B+200119:1600+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+1'",
      [['UNH', 'not-cusres']],
    ],
    ['text with no EDIFACT in it', 'hello', [['', 'not-edifact']]],
  ])('refuses %s', (_what, text, errors) => {
    expect(errorsOf(text)).toEqual(errors);
  });

  it('refuses the writer’s own output once a segment is dropped', () => {
    const text = writeCusres(RESPONSE).replace("RFF+TN:TN0042'\n", '');
    expect(errorsOf(text)).toEqual([['UNT', 'count-mismatch']]);
  });
});
