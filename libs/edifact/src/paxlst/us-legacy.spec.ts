import { parsePaxlst } from '../index.js';

/** Legacy US-EDIFACT PAXLST:001:000, one segment per line, with the envelope counts right. */
function usPaxlst(body: string[]): string {
  const message = ['UNH+0201312359+PAXLST:001:000:NZ+SA812/020131/2300+01:C', ...body];
  message.push(`UNT+${String(message.length + 1).padStart(6, '0')}+0201312359`);
  return [
    "UNA:+.? '",
    'UNB+UNOA:1+SAMPLEAIR:NZ+USCS:US+020131:2359+0201312359++CEDIPAX+A+++0',
    ...message,
    'UNZ+1+0201312359',
  ]
    .map((s, i) => (i === 0 ? s : `${s}'`))
    .join('\n');
}

const HEADER = [
  'CTA+IC+:FRED? SAMPLES+1-703-644-5200:TE+1-703-566-8224:FX',
  'TDT++SA812+40+SA',
  'LOC+005+NZAKL:50',
  'LOC+008+USLAX:50',
  'UNS+D',
];

describe('legacy US-EDIFACT PAXLST (001:000)', () => {
  it('reads CTA, TDT, LOC and PDT, with the release character', () => {
    const result = parsePaxlst(
      usPaxlst([...HEADER, "PDT+P/E54321A:980831:IE+O?'LEARY:KRIS:ANN:331231:F+PAX+NZAKL:USLAX"]),
    );
    expect(result.errors).toEqual([]);
    const message = result.messages[0]!;
    expect(message).toMatchObject({
      version: '001:000',
      dialect: 'us-legacy',
      listType: 'passenger',
      documentCode: '',
      reportingParty: { name: 'FRED SAMPLES', telephone: '1-703-644-5200', fax: '1-703-566-8224' },
      flights: [
        {
          carrierCode: 'SA',
          flightNumber: '812',
          legs: [{ departureAirport: 'AKL', arrivalAirport: 'LAX' }],
        },
      ],
      part: { commonAccessReference: 'SA812/020131/2300', sequence: 1, marker: 'C' },
    });
    expect(message.travellers).toEqual([
      {
        index: 1,
        segment: 9,
        role: 'passenger',
        roleCode: 'PAX',
        surname: "O'LEARY",
        givenNames: 'KRIS ANN',
        birthDate: '1933-12-31',
        sex: 'F',
        portOfEmbarkation: 'AKL',
        portOfDisembarkation: 'LAX',
        reservationRefs: [],
        references: [],
        documents: [
          { segment: 9, type: 'P', number: 'E54321A', expiryDate: '1998-08-31', issuingState: 'IE' },
        ],
        readable: true,
        errors: [],
      },
    ]);
  });

  it('reads progressive ports (LOC PT) as legs, with DTM date, time and zone', () => {
    const result = parsePaxlst(
      usPaxlst([
        'TDT++SA812+40+SA',
        'LOC+5+NZAKL:50',
        'DTM+136+020131+2200+M10',
        'LOC+PT+USHNL:50',
        'DTM+132+020131+1900+P8',
        'LOC+8+USJFK:50',
        'DTM+132+020201+0400+P2',
        'UNS+D',
        'PDT+P/121234324:980701:US+JONES:INDIANA::351230:M+CRW+NZAKL:USJFK',
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.messages[0]!.listType).toBe('crew');
    expect(result.messages[0]!.flights[0]!.legs).toEqual([
      {
        departureAirport: 'AKL',
        arrivalAirport: 'HNL',
        scheduledDepartureLocal: '2002-01-31T22:00',
        scheduledArrivalLocal: '2002-01-31T19:00',
      },
      { departureAirport: 'HNL', arrivalAirport: 'JFK', scheduledArrivalLocal: '2002-02-01T04:00' },
    ]);
  });

  it('reports a bad birth date, a bare airport, a missing status and an unknown one', () => {
    const result = parsePaxlst(
      usPaxlst([
        ...HEADER,
        'PDT+P/B4788320:921010:US+SMITH:BARTHOLAMEW::502010:M+PAX+NZAKL:USLAX',
        'PDT+P/9192980:901202:US+LEE:LEE::590401:F+PAX+NZAKL:LAX',
        'PDT+P/121234324:980701:US+JONES:INDIANA::351230:M',
        'PDT+P/1::US+KIM:A::351230:M+XYZ+NZAKL:USLAX',
      ]),
    );
    expect(result.errors.map((e) => [e.segment, e.element, e.code, e.severity, e.travellerIndex])).toEqual([
      [9, 'PDT 2.4', 'bad-date', 'error', 1],
      [10, 'PDT 4.2', 'malformed-element', 'warning', 2],
      [11, 'PDT 3', 'missing-value', 'warning', 3],
      [12, 'PDT 3', 'unknown-qualifier', 'error', 4],
      [12, undefined, 'unreadable-traveller', 'error', 4],
    ]);
    const travellers = result.messages[0]!.travellers;
    expect(travellers.map((t) => [t.role, t.readable])).toEqual([
      ['passenger', true],
      ['passenger', true],
      ['passenger', true],
      ['unknown', false],
    ]);
    expect(travellers[1]!.portOfDisembarkation).toBe('LAX');
  });

  it('reports a document with no number or issuing country', () => {
    const result = parsePaxlst(usPaxlst([...HEADER, 'PDT+P/:950130+DOE:JO::560704:M+PAX+NZAKL:USLAX']));
    expect(result.errors.map((e) => [e.element, e.code])).toEqual([
      ['PDT 1.1', 'missing-document-number'],
      ['PDT 1.3', 'missing-issuing-state'],
      [undefined, 'missing-document'],
    ]);
    expect(result.messages[0]!.travellers[0]!).toMatchObject({ documents: [], readable: true });
  });
});
