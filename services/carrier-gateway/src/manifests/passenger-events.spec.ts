import { DocumentType, MessageFormat, Sex, TravellerRole } from '@docscreen/contracts';
import { manifestFlightKey, passengerEvents, type SubmissionContext } from './passenger-events.js';
import type { Manifest } from './submission.js';

// The one mapping from a manifest, JSON or PAXLST, to the PassengerReported events the gateway
// publishes: one per traveller, keyed by the flight, with ids a retried submission reproduces.

const MANIFEST: Manifest = {
  messageRef: 'MSG-1',
  legs: [
    {
      carrierCode: 'xq',
      flightNumber: '0042',
      departureAirport: 'AMS',
      arrivalAirport: 'DXB',
      scheduledDepartureLocal: '2026-12-01T09:30',
    },
    {
      carrierCode: 'XQ',
      flightNumber: '43',
      departureAirport: 'DXB',
      arrivalAirport: 'SYD',
      scheduledDepartureLocal: '2026-12-01T22:00',
      scheduledArrivalLocal: '2026-12-02T18:00',
    },
  ],
  travellers: [
    {
      travellerRef: 'A',
      role: 'passenger',
      surname: 'DOE',
      givenNames: 'JANE',
      birthDate: '1985-03-14',
      sex: 'F',
      nationality: 'NLD',
      reservationRef: 'PNR123',
      documents: [
        { type: 'P', number: 'np1234561', issuingState: 'NLD', expiryDate: '2032-05-31' },
        { type: 'V', number: 'V1', issuingState: 'AUS' },
      ],
    },
    {
      travellerRef: 'B',
      role: 'in-transit-crew',
      surname: 'ROE',
      givenNames: '',
      sex: 'U',
      nationality: 'D',
      portOfEmbarkation: 'DXB',
      documents: [
        { type: 'AC', number: 'C1', issuingState: 'D' },
        { type: 'F', number: 'X9', issuingState: 'D' },
      ],
    },
  ],
};

const CONTEXT: SubmissionContext = {
  submissionId: '6f1c1f9e-6d0b-4b8e-9d6c-7c1f4b1a2e3d',
  correlationId: 'corr-1',
  carrierCode: 'XQ',
  receivedAt: new Date('2026-11-30T10:00:00Z'),
  producer: { name: 'carrier-gateway', version: 'test' },
  format: 'paxlst',
  source: { interchangeRef: 'IC1', senderId: 'XQDCS' },
};

describe('passengerEvents', () => {
  const [jane, roe] = passengerEvents(MANIFEST, CONTEXT);

  it('keys every traveller by the first leg’s flight, normalised', () => {
    expect(manifestFlightKey(MANIFEST)).toBe('XQ42/2026-12-01');
    expect([jane!.flightKey, roe!.flightKey]).toEqual(['XQ42/2026-12-01', 'XQ42/2026-12-01']);
    expect(jane!.submissionTravellerCount).toBe(2);
    expect(jane!.legs.map((l) => `${l.departureAirport}-${l.arrivalAirport}`)).toEqual([
      'AMS-DXB',
      'DXB-SYD',
    ]);
  });

  it('gives the same event ids to the same submission, and different ones to another', () => {
    const again = passengerEvents(MANIFEST, CONTEXT).map((e) => e.envelope!.eventId);
    expect(again).toEqual([jane!.envelope!.eventId, roe!.envelope!.eventId]);
    expect(new Set(again).size).toBe(2);
    const other = passengerEvents(MANIFEST, {
      ...CONTEXT,
      submissionId: '0b7e0f3a-2c4d-4f6e-8a9b-1c2d3e4f5a6b',
    });
    expect(other[0]!.envelope!.eventId).not.toBe(jane!.envelope!.eventId);
    expect(jane!.envelope!.correlationId).toBe('corr-1');
  });

  it('maps the traveller: role, sex, documents (number upper-cased), ports from the legs', () => {
    expect(jane!.traveller).toMatchObject({
      travellerRef: 'A',
      role: TravellerRole.PASSENGER,
      sex: Sex.FEMALE,
      birthDate: '1985-03-14',
      reservationRef: 'PNR123',
      portOfEmbarkation: 'AMS',
      portOfDisembarkation: 'SYD',
    });
    expect(
      jane!.traveller!.documents.map((d) => [d.type, d.code, d.number, d.issuingState, d.expiryDate]),
    ).toEqual([
      [DocumentType.PASSPORT, 'P', 'NP1234561', 'NLD', '2032-05-31'],
      [DocumentType.VISA, 'V', 'V1', 'AUS', ''],
    ]);
  });

  it('reads an unknown sex as unspecified and an unknown document type as other, keeping its code', () => {
    expect(roe!.traveller).toMatchObject({
      role: TravellerRole.IN_TRANSIT_CREW,
      sex: Sex.UNSPECIFIED,
      birthDate: '',
      portOfEmbarkation: 'DXB',
    });
    expect(roe!.traveller!.documents.map((d) => [d.type, d.code])).toEqual([
      [DocumentType.CREW_MEMBER_CERTIFICATE, 'AC'],
      [DocumentType.OTHER, 'F'],
    ]);
  });

  it('records where the message came from, the manifest’s reference standing in for a missing one', () => {
    expect(jane!.source).toMatchObject({
      format: MessageFormat.PAXLST,
      senderId: 'XQDCS',
      interchangeRef: 'IC1',
      messageRef: 'MSG-1',
    });
    const json = passengerEvents(MANIFEST, { ...CONTEXT, format: 'json', source: {} })[0]!;
    expect(json.source).toMatchObject({ format: MessageFormat.JSON, senderId: 'XQ', interchangeRef: '' });
  });

  it('refuses a manifest without legs', () => {
    expect(() => manifestFlightKey({ legs: [], travellers: [] })).toThrow('at least one leg');
  });
});
