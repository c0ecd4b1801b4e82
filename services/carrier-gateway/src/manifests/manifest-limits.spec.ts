import { encodeEvent, TOPICS } from '@docscreen/contracts';
import { MANIFEST_LIMITS as LIMITS } from './manifest-limits.js';
import { passengerEvents } from './passenger-events.js';
import type { Manifest } from './submission.js';

// The point of the limits: a traveller at every one of them still makes a small event, so nothing the
// gateway accepts can exceed the broker's record limit (Kafka's default, about 1 MB) downstream.

const x = (n: number) => 'X'.repeat(n);

it('a message at every limit makes PassengerReported events of a few kilobytes', () => {
  const code = x(LIMITS.codeLength);
  const manifest: Manifest = {
    messageRef: x(LIMITS.referenceLength),
    legs: Array.from({ length: LIMITS.legsPerMessage }, () => ({
      carrierCode: 'QL',
      flightNumber: '1234A',
      departureAirport: code,
      arrivalAirport: code,
      scheduledDepartureLocal: '2026-12-02T07:40',
      scheduledArrivalLocal: '2026-12-02T11:40',
    })),
    travellers: [
      {
        travellerRef: x(LIMITS.travellerRefLength),
        role: 'passenger',
        surname: x(LIMITS.nameLength),
        givenNames: x(LIMITS.nameLength),
        birthDate: '1990-01-01',
        sex: 'X',
        nationality: code,
        countryOfResidence: code,
        reservationRef: x(LIMITS.referenceLength),
        portOfEmbarkation: code,
        portOfDisembarkation: code,
        documents: Array.from({ length: LIMITS.documentsPerTraveller }, () => ({
          type: code,
          number: x(LIMITS.documentNumberLength),
          issuingState: code,
          expiryDate: '2030-01-01',
          issueDate: '2020-01-01',
          mrz: Array.from({ length: LIMITS.mrzLines }, () => x(LIMITS.mrzLineLength)),
        })),
      },
    ],
  };
  const [event] = passengerEvents(manifest, {
    submissionId: '00000000-0000-4000-8000-000000000000',
    correlationId: x(64),
    carrierCode: 'QL',
    receivedAt: new Date(),
    producer: { name: 'carrier-gateway', version: '0.1.0' },
    format: 'paxlst',
    source: { senderId: x(LIMITS.referenceLength), interchangeRef: x(LIMITS.referenceLength) },
  });
  const bytes = encodeEvent(TOPICS.PASSENGER_REPORTED, event!).length;
  expect(bytes).toBeGreaterThan(2_000);
  expect(bytes).toBeLessThan(8_000);
});
