import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { alertView, ALERT_SEVERITIES, RECOMMENDED_ACTIONS } from './alert-view.js';
import { newEnvelope } from './envelope.js';
import { createEvent } from './event-codec.js';
import { RecommendedAction, Severity } from './gen/docscreen/common/v1/assessment_pb.js';
import { DocumentType } from './gen/docscreen/common/v1/travel_document_pb.js';
import { TravellerRole } from './gen/docscreen/common/v1/traveller_pb.js';
import { TOPICS } from './topics.js';

const producer = { name: 'alert-view-spec', version: '0.0.0' };
const RAISED_AT = new Date('2026-12-01T07:45:12.345Z');

function alert(change: { severity?: Severity; recommendedAction?: RecommendedAction } = {}) {
  return createEvent(TOPICS.ALERT_RAISED, {
    envelope: newEnvelope({ producer, occurredAt: RAISED_AT }),
    alertId: '0b7f6a4e-3c1d-4a8e-9b2f-5d6c7e8f9a01',
    screeningId: '1c8e7b5f-4d2e-4b9f-8c3a-6e7d8f9a0b12',
    severity: change.severity ?? Severity.HIGH,
    recommendedAction: change.recommendedAction ?? RecommendedAction.DO_NOT_BOARD,
    reasons: [
      {
        code: 'DOCUMENT_REPORTED_STOLEN',
        message: 'the travel document is registered as stolen',
        field: 'traveller.documents[0].number',
        check: 'lost-stolen',
      },
    ],
    traveller: {
      travellerRef: 'T0001',
      role: TravellerRole.IN_TRANSIT_PASSENGER,
      nationality: 'UTO',
      documentType: DocumentType.IDENTITY_CARD,
      issuingState: 'UTO',
      maskedDocumentNumber: '******2C3',
    },
    flightKey: 'XQ123/2026-12-01',
    legs: [
      {
        carrierCode: 'XQ',
        flightNumber: '123',
        departureAirport: 'AMS',
        arrivalAirport: 'FRA',
        scheduledDepartureLocal: '2026-12-01T09:00',
        scheduledDeparture: timestampFromDate(new Date('2026-12-01T08:00:00Z')),
      },
      {
        carrierCode: 'XQ',
        flightNumber: '123',
        departureAirport: 'FRA',
        arrivalAirport: 'JFK',
        scheduledDepartureLocal: '2026-12-01T11:00',
        scheduledArrivalLocal: '2026-12-01T14:00',
      },
    ],
    routing: { destinationState: 'USA', transitStates: ['D'], arrivalAirport: 'JFK' },
  });
}

describe('alertView', () => {
  it('turns enums into words and the occurrence time into an ISO instant', () => {
    const view = alertView(alert());
    expect(view.severity).toBe('high');
    expect(view.recommendedAction).toBe('do-not-board');
    expect(view.traveller.role).toBe('in-transit-passenger');
    expect(view.traveller.documentType).toBe('IDENTITY_CARD');
    expect(view.raisedAt).toBe('2026-12-01T07:45:12.345Z');
  });

  it('keeps the reasons, the flight with its legs, and the routing hints', () => {
    const view = alertView(alert());
    expect(view.reasons).toEqual([
      {
        code: 'DOCUMENT_REPORTED_STOLEN',
        message: 'the travel document is registered as stolen',
        check: 'lost-stolen',
        field: 'traveller.documents[0].number',
      },
    ]);
    expect(view.flight.flightKey).toBe('XQ123/2026-12-01');
    expect(view.flight.legs[0]).toEqual({
      carrierCode: 'XQ',
      flightNumber: '123',
      departureAirport: 'AMS',
      arrivalAirport: 'FRA',
      scheduledDepartureLocal: '2026-12-01T09:00',
      scheduledDeparture: '2026-12-01T08:00:00.000Z',
      scheduledArrivalLocal: '',
    });
    expect(view.flight.legs[1]).not.toHaveProperty('scheduledDeparture');
    expect(view.routing).toEqual({ destinationState: 'USA', transitStates: ['D'], arrivalAirport: 'JFK' });
  });

  it('is plain JSON: it survives a round trip through JSON unchanged', () => {
    const view = alertView(alert());
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('carries the masked number only, never more of the traveller than the alert has', () => {
    const view = alertView(alert());
    expect(view.traveller).toEqual({
      travellerRef: 'T0001',
      role: 'in-transit-passenger',
      nationality: 'UTO',
      documentType: 'IDENTITY_CARD',
      issuingState: 'UTO',
      maskedDocumentNumber: '******2C3',
    });
  });

  it('fails closed on values it does not know: unspecified severity reads critical, action contact-authority', () => {
    const unspecified = alertView(
      alert({ severity: Severity.UNSPECIFIED, recommendedAction: RecommendedAction.UNSPECIFIED }),
    );
    expect(unspecified.severity).toBe('critical');
    expect(unspecified.recommendedAction).toBe('contact-authority');
    const future = alertView(alert({ severity: 42 as Severity, recommendedAction: 42 as RecommendedAction }));
    expect(future.severity).toBe('critical');
    expect(future.recommendedAction).toBe('contact-authority');
  });

  it('names every severity and action of the contract', () => {
    const severities = [Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL];
    expect(severities.map((severity) => alertView(alert({ severity })).severity)).toEqual([
      ...ALERT_SEVERITIES,
    ]);
    const actions = [
      RecommendedAction.NO_ACTION,
      RecommendedAction.VERIFY_DOCUMENT,
      RecommendedAction.CONTACT_AUTHORITY,
      RecommendedAction.DO_NOT_BOARD,
    ];
    expect(
      actions.map((recommendedAction) => alertView(alert({ recommendedAction })).recommendedAction),
    ).toEqual([...RECOMMENDED_ACTIONS]);
  });

  it('refuses an alert without an occurrence time', () => {
    const broken = alert();
    broken.envelope!.occurredAt = undefined;
    expect(() => alertView(broken)).toThrow(RangeError);
  });
});
