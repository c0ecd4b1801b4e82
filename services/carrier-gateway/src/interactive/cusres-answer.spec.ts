import { readCusres } from '@docscreen/edifact';
import type { IncomingManifest } from '../manifests/submission.js';
import { cusresAnswer } from './cusres-answer.js';
import type { InteractiveAnswer } from './interactive-answer.js';

// The CUSRES the gateway answers an interactive PAXLST with: addressed back to the query's sender,
// quoting its references, one directive per traveller under the carrier's own reference.

const incoming = (source: IncomingManifest['source']): IncomingManifest => ({
  format: 'paxlst',
  contentType: 'application/edifact',
  raw: Buffer.from(''),
  manifest: {
    legs: [
      {
        carrierCode: 'XI',
        flightNumber: '123',
        departureAirport: 'DXB',
        arrivalAirport: 'FRA',
        scheduledDepartureLocal: '2026-12-20T08:00:00',
        scheduledArrivalLocal: '2026-12-20T12:30',
      },
    ],
    travellers: [
      {
        travellerRef: '1',
        carrierRef: 'PAX1',
        reservationRef: 'ABC123',
        role: 'passenger',
        surname: 'DOE',
        givenNames: 'JANE',
        nationality: 'NLD',
        documents: [{ type: 'P', number: 'NP1234561', issuingState: 'NLD' }],
      },
      {
        travellerRef: '2',
        role: 'passenger',
        surname: 'ROE',
        givenNames: 'RICHARD',
        nationality: 'NLD',
        documents: [{ type: 'P', number: 'NX7777777', issuingState: 'NLD' }],
      },
    ],
  },
  rejected: [],
  defects: [],
  messageKey: undefined,
  source,
});

const ANSWER: InteractiveAnswer = {
  submissionId: 'sub-1',
  correlationId: 'corr-1',
  flightKey: 'XI123/2026-12-20',
  answeredBy: 'screening',
  directives: [
    { travellerRef: '1', directive: 'board', reason: '', screeningId: 's1' },
    { travellerRef: '2', directive: 'do-not-board', reason: 'document reported stolen', screeningId: 's2' },
  ],
};

function read(text: string) {
  const reading = readCusres(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
  return reading;
}

describe('cusresAnswer', () => {
  it('answers the query’s sender, quoting its interchange and transaction references', () => {
    const text = cusresAnswer(
      ANSWER,
      incoming({ senderId: 'XIDCS', interchangeRef: 'IC42', messageRef: 'TN7' }),
      'DOCSCREEN',
    );
    expect(text).toMatch(/^UNB\+UNO[AB]:4\+DOCSCREEN\+XIDCS\+/m);
    expect(text).toMatch(/^UNH\+\d{14}\+CUSRES:D:05B:UN:IATA\+IC42'$/m);
    expect(text).toContain("RFF+TN:TN7'");
    expect(text).toContain("RFF+AF:XI123'");
    expect(text).toContain("DTM+189:2612200800:201'");
    expect(text).toContain("DTM+232:2612201230:201'");
  });

  it('falls back to the carrier as recipient when the query named no sender', () => {
    expect(cusresAnswer(ANSWER, incoming({}), 'DOCSCREEN')).toMatch(/^UNB\+UNO[AB]:4\+DOCSCREEN\+XI\+/m);
  });

  it('gives each traveller its directive under the carrier’s reference, or its position without one', () => {
    const reading = read(cusresAnswer(ANSWER, incoming({}), 'DOCSCREEN'));
    expect(reading.travellers).toEqual([
      expect.objectContaining({
        travellerRef: 'PAX1',
        reservationRef: 'ABC123',
        code: '0Z',
        directive: 'board',
      }),
      expect.objectContaining({
        travellerRef: '2',
        code: '1Z',
        directive: 'do-not-board',
        reason: 'document reported stolen',
      }),
    ]);
  });

  it('carries neither names nor document numbers', () => {
    const text = cusresAnswer(ANSWER, incoming({}), 'DOCSCREEN');
    expect(text).not.toMatch(/DOE|JANE|ROE|RICHARD|NP1234561|NX7777777/);
  });

  it('uses a fresh 14-digit control reference for each answer', () => {
    const ref = (text: string) => /^UNB\+[^']*\+(\d{14})\+\+IAPI'$/m.exec(text)?.[1];
    const first = ref(cusresAnswer(ANSWER, incoming({}), 'DOCSCREEN'));
    const second = ref(cusresAnswer(ANSWER, incoming({}), 'DOCSCREEN'));
    expect(first).toMatch(/^\d{14}$/);
    expect(second).not.toBe(first);
  });
});
