import fc from 'fast-check';
import { writeCusres, type CusresResponse } from '@docscreen/edifact';
import { readCusresIndependently, splitSegments } from './cusres-reader.js';

// The CUSRES writer of libs/edifact read back by a reader that shares no code with it
// (cusres-reader.ts, written from ISO 9735 and the segments listed there): what the writer was given
// is what a receiver reads, for every reference, reason and directive, service characters included.

const RESPONSE: CusresResponse = {
  sender: 'DOCSCREEN',
  recipient: 'LA',
  interchangeRef: 'R000123',
  messageRef: 'M1',
  queryInterchangeRef: 'Q000777',
  queryMessageRef: 'TN0042',
  preparedAt: new Date('2020-01-19T21:05:00Z'),
  flight: {
    carrierCode: 'LA',
    flightNumber: '532',
    departureAirport: 'SCL',
    arrivalAirport: 'JFK',
    scheduledDepartureLocal: '2020-01-19T23:00',
    scheduledArrivalLocal: '2020-01-20T07:40',
  },
  travellers: [
    { travellerRef: 'P1', reservationRef: 'MWZRDQ', directive: 'board', reason: 'OK TO BOARD' },
    { travellerRef: 'P2', directive: 'do-not-board', reason: 'DOCUMENT REPORTED STOLEN' },
    { travellerRef: 'P3', directive: 'contact-authority' },
  ],
};

describe('the CUSRES writer, read by an independent reader', () => {
  it('reads back the interchange, message, flight and each traveller’s directive with no problem', () => {
    const read = readCusresIndependently(writeCusres(RESPONSE));
    expect(read.problems).toEqual([]);
    expect(read.interchange).toEqual({
      syntax: 'UNOA',
      syntaxVersion: '4',
      sender: 'DOCSCREEN',
      recipient: 'LA',
      date: '200119',
      time: '2105',
      controlRef: 'R000123',
      applicationRef: 'IAPI',
    });
    expect(read.message).toEqual({
      ref: 'M1',
      identifier: 'CUSRES:D:05B:UN:IATA',
      commonAccessRef: 'Q000777',
      documentCode: '962',
    });
    expect(read.queryRef).toBe('TN0042');
    expect(read.flight).toEqual({
      ref: 'LA532',
      departure: '2001192300',
      arrival: '2001200740',
      from: 'SCL',
      to: 'JFK',
    });
    expect(read.travellers).toEqual([
      { travellerRef: 'P1', reservationRef: 'MWZRDQ', code: '0Z', directive: 'board', reason: 'OK TO BOARD' },
      {
        travellerRef: 'P2',
        reservationRef: undefined,
        code: '1Z',
        directive: 'do-not-board',
        reason: 'DOCUMENT REPORTED STOLEN',
      },
      {
        travellerRef: 'P3',
        reservationRef: undefined,
        code: '2Z',
        directive: 'contact-authority',
        reason: undefined,
      },
    ]);
  });

  it('keeps service characters in references and reasons as data (release character)', () => {
    const tricky = "WHAT? IT'S 1+1:2 ?'+:";
    const text = writeCusres({
      ...RESPONSE,
      queryMessageRef: "T'N+1",
      travellers: [
        { travellerRef: "A+B:C'D?E", reservationRef: 'X:Y', directive: 'contact-authority', reason: tricky },
      ],
    });
    const read = readCusresIndependently(text);
    expect(read.problems).toEqual([]);
    expect(read.queryRef).toBe("T'N+1");
    expect(read.travellers).toEqual([
      {
        travellerRef: "A+B:C'D?E",
        reservationRef: 'X:Y',
        code: '2Z',
        directive: 'contact-authority',
        reason: tricky,
      },
    ]);
  });

  it('declares a syntax level the text fits: beyond level A is never UNOA', () => {
    const lower = readCusresIndependently(
      writeCusres({ ...RESPONSE, travellers: [{ ...RESPONSE.travellers[0]!, reason: 'ok to board' }] }),
    );
    expect(lower.problems).toEqual([]);
    expect(lower.interchange.syntax).not.toBe('UNOA');
    const greek = readCusresIndependently(
      writeCusres({ ...RESPONSE, travellers: [{ ...RESPONSE.travellers[0]!, reason: 'ΕΝΤΑΞΕΙ' }] }),
    );
    expect(greek.interchange.syntax).toBe('UNOW');
    expect(greek.travellers[0]!.reason).toBe('ΕΝΤΑΞΕΙ');
  });

  it('reads back any references, reasons and directives the writer takes (property)', () => {
    const ref = fc
      .string({ unit: fc.constantFrom(..."AB19?+:'. -/".split('')), minLength: 1, maxLength: 14 })
      .filter((s) => s.trim() !== '');
    const reason = fc
      .string({ unit: fc.constantFrom(..."AZ09 ?+:'.,()/-".split('')), maxLength: 600 })
      .map((s) => s.trim());
    const traveller = fc.record({
      travellerRef: ref,
      reservationRef: fc.option(ref, { nil: undefined }),
      directive: fc.constantFrom('board' as const, 'do-not-board' as const, 'contact-authority' as const),
      reason,
    });
    fc.assert(
      fc.property(
        fc.array(traveller, { maxLength: 8 }),
        ref,
        ref,
        (travellers, interchangeRef, messageRef) => {
          const read = readCusresIndependently(
            writeCusres({ ...RESPONSE, interchangeRef, messageRef, travellers }),
          );
          expect(read.problems).toEqual([]);
          expect(read.interchange.controlRef).toBe(interchangeRef);
          expect(read.message.ref).toBe(messageRef);
          expect(read.travellers).toEqual(
            travellers.map((t) => ({
              travellerRef: t.travellerRef,
              reservationRef: t.reservationRef || undefined,
              code: { board: '0Z', 'do-not-board': '1Z', 'contact-authority': '2Z' }[t.directive],
              directive: t.directive,
              reason: t.reason === '' ? undefined : t.reason,
            })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the independent reader itself', () => {
  it('follows a UNA with other separators and a release character', () => {
    const { separators, segments } = splitSegments('UNA:*.! $UNB*UNOA:4*S*R$\nFTX*AAP***A!*B!$C!!$');
    expect(separators).toMatchObject({ component: ':', element: '*', release: '!', terminator: '$' });
    expect(segments).toEqual([
      { tag: 'UNB', elements: [['UNOA', '4'], ['S'], ['R']] },
      { tag: 'FTX', elements: [['AAP'], [''], [''], ['A*B$C!']] },
    ]);
  });

  it('reports what breaks the rules: counts, references, unknown codes', () => {
    const text = writeCusres(RESPONSE).replace("UNT+21+M1'", "UNT+20+M2'").replace("ERC+2Z'", "ERC+4Z'");
    expect(readCusresIndependently(text).problems).toEqual([
      'UNT counts 20 segments, the message has 21',
      'UNT reference differs from UNH',
      'ERC 4Z is no directive',
    ]);
  });
});
