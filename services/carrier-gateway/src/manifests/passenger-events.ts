import { create } from '@bufbuild/protobuf';
import {
  DocumentType,
  flightKey,
  FlightLegSchema,
  MessageFormat,
  newEnvelope,
  PassengerReportedSchema,
  Sex,
  TravelDocumentSchema,
  TravellerRole,
  TravellerSchema,
  stableUuid,
  type PassengerReported,
} from '@docscreen/contracts';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Manifest, ManifestTraveller } from './submission.js';

export interface SubmissionContext {
  submissionId: string;
  correlationId: string;
  carrierCode: string;
  receivedAt: Date;
  producer: { name: string; version: string };
  format: 'json' | 'paxlst';
  source: { interchangeRef?: string; messageRef?: string; senderId?: string };
}

const DOCUMENT_TYPES: Record<string, DocumentType> = {
  P: DocumentType.PASSPORT,
  I: DocumentType.IDENTITY_CARD,
  V: DocumentType.VISA,
  AC: DocumentType.CREW_MEMBER_CERTIFICATE,
};

const ROLES: Record<ManifestTraveller['role'], TravellerRole> = {
  passenger: TravellerRole.PASSENGER,
  crew: TravellerRole.CREW,
  'in-transit-passenger': TravellerRole.IN_TRANSIT_PASSENGER,
  'in-transit-crew': TravellerRole.IN_TRANSIT_CREW,
};

// `U` (PAXLST: not known) is UNSPECIFIED, unlike `X`, which the document itself states.
const SEXES: Record<NonNullable<ManifestTraveller['sex']>, Sex> = {
  M: Sex.MALE,
  F: Sex.FEMALE,
  X: Sex.X,
  U: Sex.UNSPECIFIED,
};

/** The flight key of a manifest: its first leg's carrier, number and local departure date. */
export function manifestFlightKey(manifest: Manifest): string {
  const first = manifest.legs[0];
  if (!first) throw new Error('a manifest has at least one leg');
  return flightKey(first.carrierCode, first.flightNumber, first.scheduledDepartureLocal.slice(0, 10));
}

/** One `PassengerReported` per traveller, all keyed by the same flight. */
export function passengerEvents(manifest: Manifest, context: SubmissionContext): PassengerReported[] {
  const key = manifestFlightKey(manifest);
  const legs = manifest.legs.map((leg) =>
    create(FlightLegSchema, {
      carrierCode: leg.carrierCode,
      flightNumber: leg.flightNumber,
      departureAirport: leg.departureAirport,
      arrivalAirport: leg.arrivalAirport,
      scheduledDepartureLocal: leg.scheduledDepartureLocal,
      scheduledArrivalLocal: leg.scheduledArrivalLocal ?? '',
    }),
  );
  return manifest.travellers.map((traveller, index) =>
    create(PassengerReportedSchema, {
      // Stable per submission and position: a retried submission republishes the same facts.
      envelope: newEnvelope({
        producer: context.producer,
        correlationId: context.correlationId,
        eventId: stableUuid(context.submissionId, String(index)),
        occurredAt: context.receivedAt,
      }),
      carrierCode: context.carrierCode,
      flightKey: key,
      legs,
      submissionId: context.submissionId,
      submissionTravellerCount: manifest.travellers.length,
      receivedAt: timestampFromDate(context.receivedAt),
      source: {
        format: context.format === 'paxlst' ? MessageFormat.PAXLST : MessageFormat.JSON,
        senderId: context.source.senderId ?? context.carrierCode,
        interchangeRef: context.source.interchangeRef ?? '',
        messageRef: context.source.messageRef ?? manifest.messageRef ?? '',
      },
      traveller: create(TravellerSchema, {
        travellerRef: traveller.travellerRef ?? String(index + 1),
        role: ROLES[traveller.role],
        surname: traveller.surname,
        givenNames: traveller.givenNames,
        birthDate: traveller.birthDate ?? '',
        sex: traveller.sex ? SEXES[traveller.sex] : Sex.UNSPECIFIED,
        nationality: traveller.nationality,
        countryOfResidence: traveller.countryOfResidence ?? '',
        reservationRef: traveller.reservationRef ?? '',
        portOfEmbarkation: traveller.portOfEmbarkation ?? legs[0]?.departureAirport ?? '',
        portOfDisembarkation: traveller.portOfDisembarkation ?? legs.at(-1)?.arrivalAirport ?? '',
        documents: traveller.documents.map((document) =>
          create(TravelDocumentSchema, {
            type: DOCUMENT_TYPES[document.type] ?? DocumentType.OTHER,
            code: document.type,
            number: document.number.toUpperCase(),
            issuingState: document.issuingState,
            expiryDate: document.expiryDate ?? '',
            issueDate: document.issueDate ?? '',
            mrzLines: document.mrz ?? [],
          }),
        ),
      }),
    }),
  );
}
