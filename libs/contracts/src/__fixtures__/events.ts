import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { newEnvelope } from '../envelope.js';
import { createEvent, type EventOf } from '../event-codec.js';
import { DocumentType, VisaKind } from '../gen/docscreen/common/v1/travel_document_pb.js';
import { Sex, TravellerRole } from '../gen/docscreen/common/v1/traveller_pb.js';
import { RecommendedAction, Severity } from '../gen/docscreen/common/v1/assessment_pb.js';
import { FlightLegSchema } from '../gen/docscreen/common/v1/flight_pb.js';
import { MessageFormat } from '../gen/docscreen/passenger/v1/passenger_reported_pb.js';
import { ChangeKind, DocumentStatus } from '../gen/docscreen/registry/v1/document_status_changed_pb.js';
import { NationalListAction } from '../gen/docscreen/registry/v1/national_list_changed_pb.js';
import { CheckOutcome, ScreeningOutcome } from '../gen/docscreen/screening/v1/screening_completed_pb.js';
import { DirectiveCode } from '../gen/docscreen/directive/v1/boarding_directive_pb.js';
import { TOPICS, type Topic } from '../topics.js';

/** Fully populated sample events, one per topic, built from the ICAO 9303 specimen passport. */
const producer = { name: 'contracts-spec', version: '0.0.0' };
const FLIGHT_KEY = 'LH400/2025-03-14';
const leg = create(FlightLegSchema, {
  carrierCode: 'LH',
  flightNumber: '400',
  departureAirport: 'FRA',
  arrivalAirport: 'JFK',
  scheduledDepartureLocal: '2025-03-14T10:05',
  scheduledDeparture: timestampFromDate(new Date('2025-03-14T09:05:00Z')),
  scheduledArrivalLocal: '2025-03-14T12:55',
  scheduledArrival: timestampFromDate(new Date('2025-03-14T16:55:00Z')),
});
const reason = {
  code: 'DOCUMENT_REPORTED_STOLEN',
  message: 'the travel document is registered as stolen',
  field: 'traveller.documents[0].number',
  check: 'lost-stolen-documents',
};

export function sampleEvents(): { [T in Topic]: EventOf<T> } {
  const reported = newEnvelope({ producer });
  return {
    [TOPICS.PASSENGER_REPORTED]: createEvent(TOPICS.PASSENGER_REPORTED, {
      envelope: reported,
      carrierCode: 'LH',
      flightKey: FLIGHT_KEY,
      legs: [leg],
      traveller: {
        travellerRef: 'T0001',
        role: TravellerRole.PASSENGER,
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        birthDate: '1974-08-12',
        sex: Sex.FEMALE,
        nationality: 'UTO',
        countryOfResidence: 'UTO',
        placeOfBirth: 'ZENITH',
        reservationRef: 'ABC123',
        documents: [
          {
            type: DocumentType.PASSPORT,
            code: 'P',
            number: 'L898902C3',
            issuingState: 'UTO',
            expiryDate: '2032-04-15',
            issueDate: '2022-04-16',
            mrzLines: [
              'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
              'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
            ],
          },
          {
            type: DocumentType.VISA,
            code: 'V',
            number: '012345678',
            issuingState: 'USA',
            visaKind: VisaKind.ENTRY,
            validFrom: '2025-01-01',
            validUntil: '2025-12-31',
            numberOfEntries: 2,
          },
        ],
        portOfEmbarkation: 'FRA',
        portOfDisembarkation: 'JFK',
        transitPorts: [],
      },
      source: {
        format: MessageFormat.PAXLST,
        senderId: 'LHAPI',
        interchangeRef: '000000001',
        messageRef: 'PAX001',
        idempotencyKey: 'LHAPI/000000001/PAX001',
      },
      submissionId: crypto.randomUUID(),
      submissionTravellerCount: 1,
      receivedAt: timestampFromDate(new Date('2025-03-13T08:00:00Z')),
    }),
    [TOPICS.DOCUMENT_STATUS_CHANGED]: createEvent(TOPICS.DOCUMENT_STATUS_CHANGED, {
      envelope: newEnvelope({ producer }),
      change: ChangeKind.ADDED,
      subject: {
        case: 'record',
        value: {
          issuingState: 'UTO',
          documentType: DocumentType.PASSPORT,
          documentNumber: 'L898902C3',
          status: DocumentStatus.STOLEN,
          reportedOn: '2025-03-01',
          lostOn: '2025-02-28',
          authorityCode: 'UTO-POLICE',
          authorityReference: 'CASE-2025-0042',
        },
      },
    }),
    [TOPICS.NATIONAL_LIST_CHANGED]: createEvent(TOPICS.NATIONAL_LIST_CHANGED, {
      envelope: newEnvelope({ producer }),
      authorityCode: 'uto-police',
      action: NationalListAction.REPORT,
      subject: {
        case: 'series',
        value: {
          issuingState: 'UTO',
          documentType: DocumentType.PASSPORT,
          prefix: 'C01',
          firstNumber: '000',
          lastNumber: '999',
          status: DocumentStatus.STOLEN_BLANK,
          reportedOn: '2025-03-01',
        },
      },
    }),
    [TOPICS.SCREENING_COMPLETED]: createEvent(TOPICS.SCREENING_COMPLETED, {
      envelope: newEnvelope({ producer, causedBy: reported }),
      screeningId: crypto.randomUUID(),
      passengerEventId: reported.eventId,
      flightKey: FLIGHT_KEY,
      submissionId: crypto.randomUUID(),
      travellerRef: 'T0001',
      outcome: ScreeningOutcome.HIT,
      checks: [
        { check: 'mrz-check-digits', ruleSetVersion: '2025.03.1', outcome: CheckOutcome.PASSED },
        {
          check: 'lost-stolen-documents',
          ruleSetVersion: '2025.03.1',
          outcome: CheckOutcome.FAILED,
          reasons: [reason],
        },
      ],
      hits: [
        {
          check: 'lost-stolen-documents',
          severity: Severity.CRITICAL,
          reasons: [reason],
          recommendedAction: RecommendedAction.DO_NOT_BOARD,
        },
      ],
      ruleSetVersion: '2025.03.1',
      screenedAt: timestampFromDate(new Date('2025-03-13T08:00:01Z')),
    }),
    [TOPICS.ALERT_RAISED]: createEvent(TOPICS.ALERT_RAISED, {
      envelope: newEnvelope({ producer, causedBy: reported }),
      alertId: crypto.randomUUID(),
      screeningId: crypto.randomUUID(),
      severity: Severity.CRITICAL,
      recommendedAction: RecommendedAction.DO_NOT_BOARD,
      reasons: [reason],
      traveller: {
        travellerRef: 'T0001',
        role: TravellerRole.PASSENGER,
        nationality: 'UTO',
        documentType: DocumentType.PASSPORT,
        issuingState: 'UTO',
        maskedDocumentNumber: '******2C3',
      },
      flightKey: FLIGHT_KEY,
      legs: [leg],
      routing: { destinationState: 'USA', transitStates: [], arrivalAirport: 'JFK' },
    }),
    [TOPICS.BOARDING_DIRECTIVE]: createEvent(TOPICS.BOARDING_DIRECTIVE, {
      envelope: newEnvelope({ producer, causedBy: reported }),
      directiveId: crypto.randomUUID(),
      carrierCode: 'LH',
      flightKey: FLIGHT_KEY,
      submissionId: crypto.randomUUID(),
      travellerRef: 'T0001',
      directive: DirectiveCode.DO_NOT_BOARD,
      reason: 'travel document not valid for travel',
      screeningId: crypto.randomUUID(),
      issuedAt: timestampFromDate(new Date('2025-03-13T08:00:02Z')),
    }),
  };
}
