import { randomUUID } from 'node:crypto';
import {
  createEvent,
  DocumentType,
  newEnvelope,
  RecommendedAction,
  Severity,
  TOPICS,
  TravellerRole,
  type AlertRaised,
} from '@docscreen/contracts';

/** States and airports that exist in no other suite's alerts, so this run's agencies see only its own. */
export interface AlertRoute {
  destinationState: string;
  transitStates?: string[];
  arrivalAirport?: string;
}

/** An AlertRaised as screening publishes it: alert id = envelope event id, no personal data. */
export function alertRaised(
  route: AlertRoute,
  options: { severity?: Severity; check?: string; flightKey?: string } = {},
): AlertRaised {
  const envelope = newEnvelope({ producer: { name: 'alert-dispatch-int-spec', version: '0' } });
  const flightKey = options.flightKey ?? `XQ${100 + Math.floor(Math.random() * 9000)}/2026-12-01`;
  return createEvent(TOPICS.ALERT_RAISED, {
    envelope,
    alertId: envelope.eventId,
    screeningId: randomUUID(),
    severity: options.severity ?? Severity.CRITICAL,
    recommendedAction: RecommendedAction.DO_NOT_BOARD,
    reasons: [
      {
        code: 'DOCUMENT_REPORTED_STOLEN',
        message: 'the travel document is registered as stolen',
        field: 'traveller.documents[0].number',
        check: options.check ?? 'lost-stolen',
      },
    ],
    traveller: {
      travellerRef: 'T0001',
      role: TravellerRole.PASSENGER,
      nationality: 'UTO',
      documentType: DocumentType.PASSPORT,
      issuingState: 'UTO',
      maskedDocumentNumber: '******2C3',
    },
    flightKey,
    legs: [
      {
        carrierCode: 'XQ',
        flightNumber: flightKey.slice(2, flightKey.indexOf('/')),
        departureAirport: 'AMS',
        arrivalAirport: route.arrivalAirport ?? 'ZZZ',
        scheduledDepartureLocal: '2026-12-01T09:00',
      },
    ],
    routing: {
      destinationState: route.destinationState,
      transitStates: route.transitStates ?? [],
      arrivalAirport: route.arrivalAirport ?? '',
    },
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Lowercase letters only: agency codes (and so their topic names) allow nothing else. */
export function randomLetters(length: number): string {
  return Array.from({ length }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join('');
}

/** A three-letter code that no real state or other suite uses, e.g. "QXK". */
export const randomStateCode = (): string => `Q${randomLetters(2).toUpperCase()}`;
