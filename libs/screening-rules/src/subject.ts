// What every screening rule looks at: one traveller on one itinerary, already normalised by the
// gateway (contracts' PassengerReported), with dates as "YYYY-MM-DD" strings (no time zones).

/** Capacity in which the traveller is on board. */
export type TravellerRole = 'passenger' | 'crew' | 'transit-passenger' | 'transit-crew';

/** Visa purpose, as far as boarding is concerned (contracts' VisaKind). */
export type VisaKind = 'entry' | 'transit' | 'airport-transit' | 'long-stay' | 'other' | 'unspecified';

/** One document presented for the traveller. */
export interface SubjectDocument {
  /** PAXLST / ICAO code as received: P, I, V, AC, … */
  code: string;
  /** PASSPORT, IDENTITY_CARD, VISA, RESIDENCE_PERMIT, CREW_MEMBER_CERTIFICATE, OTHER. */
  type: string;
  /** As reported (upper case, without spaces or fillers); normalise before comparing. */
  number: string;
  /** ICAO 9303 code. Empty when not reported. */
  issuingState: string;
  issueDate?: string | undefined;
  expiryDate?: string | undefined;
  mrzLines: readonly string[];
  /** Visas only. */
  visaKind?: VisaKind | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
}

/** One flight leg, airports by IATA code, dates local "YYYY-MM-DD". */
export interface SubjectLeg {
  departureAirport: string;
  arrivalAirport: string;
  departureDate: string;
  /** Empty/undefined when the carrier did not report it; the departure date stands in for it. */
  arrivalDate?: string | undefined;
}

export interface ScreeningSubject {
  role: TravellerRole;
  surname: string;
  givenNames: string;
  /** "YYYY-MM-DD", or reduced precision "YYYY-MM" / "YYYY"; empty when not reported. */
  birthDate: string;
  /** M, F, X or empty. */
  sex: string;
  /** ICAO 9303 code. */
  nationality: string;
  /** Primary identity document first. */
  documents: readonly SubjectDocument[];
  /** The traveller's itinerary in travel order (includes the reported flight). */
  legs: readonly SubjectLeg[];
  /** IATA airports: where the reported journey starts and ends, and the transits between. */
  portOfEmbarkation: string;
  portOfDisembarkation: string;
  transitPorts: readonly string[];
}
