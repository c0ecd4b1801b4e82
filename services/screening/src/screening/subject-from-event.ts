import {
  DocumentType,
  Sex,
  TravellerRole,
  VisaKind,
  type FlightLeg,
  type PassengerReported,
  type Traveller,
} from '@docscreen/contracts';
import type {
  ScreeningSubject,
  SubjectLeg,
  TravellerRole as Role,
  VisaKind as Kind,
} from '@docscreen/screening-rules';

const ROLES: Record<TravellerRole, Role> = {
  [TravellerRole.UNSPECIFIED]: 'passenger',
  [TravellerRole.PASSENGER]: 'passenger',
  [TravellerRole.CREW]: 'crew',
  [TravellerRole.IN_TRANSIT_PASSENGER]: 'transit-passenger',
  [TravellerRole.IN_TRANSIT_CREW]: 'transit-crew',
};

const SEXES: Record<Sex, string> = {
  [Sex.UNSPECIFIED]: '',
  [Sex.MALE]: 'M',
  [Sex.FEMALE]: 'F',
  [Sex.X]: 'X',
};

const KINDS: Record<VisaKind, Kind> = {
  [VisaKind.UNSPECIFIED]: 'unspecified',
  [VisaKind.ENTRY]: 'entry',
  [VisaKind.TRANSIT]: 'transit',
  [VisaKind.AIRPORT_TRANSIT]: 'airport-transit',
  [VisaKind.LONG_STAY]: 'long-stay',
  [VisaKind.OTHER]: 'other',
};

const day = (local: string): string => local.slice(0, 10);

function leg(l: FlightLeg): SubjectLeg {
  return {
    departureAirport: l.departureAirport,
    arrivalAirport: l.arrivalAirport,
    departureDate: day(l.scheduledDepartureLocal),
    arrivalDate: l.scheduledArrivalLocal ? day(l.scheduledArrivalLocal) : undefined,
  };
}

/** The traveller of a PassengerReported event as the screening rules see it. */
export function subjectFromEvent(event: PassengerReported, traveller: Traveller): ScreeningSubject {
  return {
    role: ROLES[traveller.role] ?? 'passenger',
    surname: traveller.surname,
    givenNames: traveller.givenNames,
    birthDate: traveller.birthDate,
    sex: SEXES[traveller.sex] ?? '',
    nationality: traveller.nationality,
    documents: traveller.documents.map((d) => ({
      code: d.code,
      type: DocumentType[d.type],
      number: d.number,
      issuingState: d.issuingState,
      issueDate: d.issueDate || undefined,
      expiryDate: d.expiryDate || undefined,
      mrzLines: d.mrzLines,
      visaKind: KINDS[d.visaKind],
      validFrom: d.validFrom || undefined,
      validUntil: d.validUntil || undefined,
    })),
    legs: event.legs.map(leg),
    portOfEmbarkation: traveller.portOfEmbarkation,
    portOfDisembarkation: traveller.portOfDisembarkation,
    transitPorts: traveller.transitPorts,
  };
}
