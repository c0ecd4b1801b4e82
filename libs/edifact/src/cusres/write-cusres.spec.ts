import { readEdifact } from '../read-edifact.js';
import { RESPONSE } from './__fixtures__/response.js';
import { escapeEdifact, syntaxLevelFor, writeCusres } from './write-cusres.js';

const lines = (text: string) => text.trimEnd().split('\n');

describe('writeCusres', () => {
  it('writes the iAPI response layout, one segment a line', () => {
    expect(lines(writeCusres(RESPONSE))).toEqual([
      "UNA:+.? '",
      "UNB+UNOA:4+DOCSCREEN+LA+200119:2105+R000123++IAPI'",
      "UNH+M1+CUSRES:D:05B:UN:IATA+Q000777'",
      "BGM+962'",
      "RFF+TN:TN0042'",
      "RFF+AF:LA532'",
      "DTM+189:2001192300:201'",
      "DTM+232:2001200740:201'",
      "LOC+125+SCL'",
      "LOC+87+JFK'",
      "ERP+2'",
      "RFF+AVF:MWZRDQ'",
      "RFF+ABO:P1'",
      "ERC+0Z'",
      "FTX+AAP+++OK TO BOARD'",
      "ERP+2'",
      "RFF+ABO:P2'",
      "ERC+1Z'",
      "FTX+AAP+++DOCUMENT REPORTED STOLEN'",
      "ERP+2'",
      "RFF+ABO:P3'",
      "ERC+2Z'",
      "UNT+21+M1'",
      "UNZ+1+R000123'",
    ]);
  });

  it('never writes a traveller’s name or document number, even when given them', () => {
    const text = writeCusres({
      ...RESPONSE,
      travellers: [
        {
          travellerRef: 'P1',
          surname: 'ERIKSSON',
          givenNames: 'ANNA MARIA',
          documentNumber: 'L898902C3',
          directive: 'board',
        },
      ],
    });
    expect(text).not.toMatch(/ERIKSSON|ANNA|L898902C3/);
    expect(text).not.toMatch(/^(NAD|DOC)\+/m);
  });

  it.each([
    ['a?b', 'a??b'],
    ["O'NEIL", "O?'NEIL"],
    ['A+B', 'A?+B'],
    ['X:Y', 'X?:Y'],
    ["?'+:", "???'?+?:"],
  ])('escapes %j as %j', (raw, escaped) => {
    expect(escapeEdifact(raw)).toBe(escaped);
  });

  it('keeps the release character of a value ending in a separator', () => {
    const text = writeCusres({ ...RESPONSE, travellers: [{ ...RESPONSE.travellers[0]!, reason: 'A+' }] });
    expect(text).toContain("FTX+AAP+++A?+'");
  });

  it('turns line breaks in a reason into spaces, since they are never data', () => {
    const text = writeCusres({
      ...RESPONSE,
      travellers: [{ ...RESPONSE.travellers[0]!, reason: 'LINE ONE\r\nLINE TWO' }],
    });
    expect(text).toContain("FTX+AAP+++LINE ONE LINE TWO'");
  });

  it('cuts a long reason into FTX lines of 512 characters', () => {
    const reason = 'A'.repeat(600);
    const text = writeCusres({ ...RESPONSE, travellers: [{ ...RESPONSE.travellers[0]!, reason }] });
    const ftx = readEdifact(text).segments.find((s) => s.tag === 'FTX')!;
    expect(ftx.elements[3]!.map((line) => line.length)).toEqual([512, 88]);
  });

  it('leaves out what is not given: RFF TN, the common access reference, the arrival time', () => {
    const bare = { ...RESPONSE, flight: { ...RESPONSE.flight } };
    delete bare.queryInterchangeRef;
    delete bare.queryMessageRef;
    delete bare.flight.scheduledArrivalLocal;
    const text = writeCusres(bare);
    expect(lines(text)).toContain("UNH+M1+CUSRES:D:05B:UN:IATA'");
    expect(text).not.toMatch(/RFF\+TN|DTM\+232/);
  });

  it.each([
    [['ABC 123'], 'UNOA'],
    [['Contact the border police'], 'UNOB'],
    [['PASSAGIER MÜLLER'], 'UNOC'],
    [['Łódź'], 'UNOW'],
  ])('declares the lowest syntax level that holds %j: %s', (values, level) => {
    expect(syntaxLevelFor(values)).toBe(level);
  });

  it.each([
    ['an empty interchange reference', { interchangeRef: '' }],
    ['a message reference over 14 characters', { messageRef: 'M'.repeat(15) }],
    ['a traveller without a reference', { travellers: [{ travellerRef: '', directive: 'board' as const }] }],
    [
      'a departure time that is not YYYY-MM-DDTHH:mm',
      { flight: { ...RESPONSE.flight, scheduledDepartureLocal: '2020-01-19' } },
    ],
  ])('refuses %s', (_what, change) => {
    expect(() => writeCusres({ ...RESPONSE, ...change })).toThrow(RangeError);
  });
});
