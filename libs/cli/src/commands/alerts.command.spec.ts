import type { AlertView } from '@docscreen/contracts';
import { GatewayError } from './gateway-client.js';
import { actionFailure, alertLine, alertStatusLines, brokerFailure } from './alerts.command.js';

const VIEW: AlertView = {
  alertId: '6f1c2a4e-0000-4000-8000-000000000001',
  screeningId: 'scr-1',
  severity: 'high',
  recommendedAction: 'do-not-board',
  reasons: [{ code: 'DOCUMENT_STOLEN', message: 'reported stolen', check: 'lost-stolen', field: '' }],
  traveller: {
    travellerRef: 'P2',
    role: 'passenger',
    nationality: 'NLD',
    documentType: 'PASSPORT',
    issuingState: 'NLD',
    maskedDocumentNumber: '******T47',
  },
  flight: { flightKey: 'KL1234/2026-11-29', legs: [] },
  routing: { destinationState: 'NLD', transitStates: [], arrivalAirport: 'AMS' },
  raisedAt: '2026-11-28T21:05:00.000Z',
};

describe('docscreen alerts', () => {
  it('prints an alert on one line: when, how bad, what to do, flight, traveller, reasons, id', () => {
    expect(alertLine(VIEW)).toBe(
      '2026-11-28T21:05:00.000Z  high      do-not-board       KL1234/2026-11-29  ' +
        'traveller P2 (passenger, NLD, PASSPORT NLD ******T47)  — DOCUMENT_STOLEN  ' +
        '[6f1c2a4e-0000-4000-8000-000000000001]',
    );
  });

  it.each([
    [404, { message: 'Alert not found' }, 'no such alert for this agency'],
    [409, { message: 'the alert is already resolved' }, 'the alert is already resolved'],
    [409, {}, 'the alert is not in a state that allows this'],
    [403, {}, 'the token was refused (403)'],
    [500, { message: 'boom' }, 'alert dispatch answered 500: boom'],
  ])('explains a %i answer', (status, body, sentence) => {
    expect(actionFailure(new GatewayError(status, body))).toBe(sentence);
  });

  it('prints the alert after an action with its history', () => {
    const lines = alertStatusLines({
      alertId: 'A1',
      status: 'resolved',
      history: [
        { at: '2026-11-28T21:06:00Z', action: 'acknowledged', actor: 'kim@desk' },
        { at: '2026-11-28T21:30:00Z', action: 'resolved', actor: 'kim@desk', note: 'seized' },
      ],
    });
    expect(lines).toBe(
      'alert A1: resolved\n' +
        '  2026-11-28T21:06:00Z  acknowledged  by kim@desk\n' +
        '  2026-11-28T21:30:00Z  resolved  by kim@desk  — seized\n',
    );
  });

  it('names the broker or the topic when Kafka cannot be read', () => {
    expect(
      brokerFailure(new Error('Connection error: connect ECONNREFUSED'), 'alerts.nl-kmar.v1', ['h:9092']),
    ).toBe(
      'cannot read alerts.nl-kmar.v1 from the Kafka broker at h:9092: Connection error: connect ECONNREFUSED',
    );
    expect(
      brokerFailure(new Error('This server does not host this topic-partition'), 'alerts.nl-kmar.v1', [
        'h:9092',
      ]),
    ).toMatch(/^no topic alerts\.nl-kmar\.v1/);
  });
});
