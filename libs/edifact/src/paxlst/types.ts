/** The typed manifest a PAXLST interchange maps to. Field names are part of the CLI's output contract. */
import type { PaxlstError } from '../errors.js';
import type { Separators } from '../una.js';

export type ListType = 'passenger' | 'crew' | 'other';

export type TravellerRole =
  | 'passenger'
  | 'crew'
  | 'in-transit-passenger'
  | 'in-transit-crew'
  /** NAD `COT`: crew who are not operating this flight; guides differ on the detail, `roleCode` keeps it. */
  | 'crew-other'
  /** A party qualifier we do not know: reported, and the traveller is not readable. */
  | 'unknown';

export type Sex = 'M' | 'F' | 'X' | 'U';

/** `un`: UN/EDIFACT PAXLST (D02B, D05B, D12B…); `us-legacy`: US-EDIFACT `PAXLST:001:000` (UNS/PDT). */
export type PaxlstDialect = 'un' | 'us-legacy';

export interface PaxlstInterchange {
  /** UNB segment number; 0 when the interchange has no UNB. */
  segment: number;
  /** Syntax identifier and version, e.g. `UNOA:4`. */
  syntax: string;
  sender: string;
  senderQualifier?: string;
  recipient: string;
  recipientQualifier?: string;
  /** UNB date and time as `YYYY-MM-DDTHH:mm`. */
  preparedAt?: string;
  controlReference: string;
  applicationReference?: string;
  /** UNZ count: messages, or functional groups when UNG groups are used. */
  declaredCount?: number;
  groups: PaxlstGroup[];
}

export interface PaxlstGroup {
  segment: number;
  reference: string;
  /** UNG application sender, often the carrier's name. */
  sender: string;
  recipient: string;
  /** UNE count of messages in the group. */
  declaredCount?: number;
}

export interface PaxlstReportingParty {
  name?: string;
  /** NAD MS party identification (C082), when a profile id is sent instead of a name. */
  id?: string;
  telephone?: string;
  fax?: string;
  email?: string;
}

export interface PaxlstLeg {
  departureAirport: string;
  arrivalAirport: string;
  /** Local time at the departure airport, `YYYY-MM-DDTHH:mm`. */
  scheduledDepartureLocal?: string;
  /** Local time at the arrival airport, `YYYY-MM-DDTHH:mm`. */
  scheduledArrivalLocal?: string;
}

export interface PaxlstFlight {
  /** TDT segment number. */
  segment: number;
  /** Airline designator: TDT carrier (C040) when sent, else the letters before the flight number. */
  carrierCode: string;
  /** The flight number as written, without the carrier designator (`UA0989` → `0989`). */
  flightNumber: string;
  legs: PaxlstLeg[];
}

export interface PaxlstDocument {
  /** DOC (or PDT) segment number. */
  segment: number;
  /** Document type code: P, V, I, A, C, AC, IP, F, M… (`P:110:111` reads as `P`). */
  type: string;
  number: string;
  issuingState?: string;
  /** ISO `YYYY-MM-DD`. */
  expiryDate?: string;
  /** ISO `YYYY-MM-DD`. */
  issueDate?: string;
}

export interface PaxlstReference {
  qualifier: string;
  value: string;
}

export interface PaxlstTraveller {
  /** 1-based position of the traveller in the interchange (across messages); errors cite it. */
  index: number;
  /** NAD (or PDT) segment number. */
  segment: number;
  role: TravellerRole;
  /** The code as sent: NAD FL/FM/DDT/DDU/COT, or PDT PAX/CRW/ITI. */
  roleCode: string;
  surname: string;
  /** Given names and middle names, space-separated. */
  givenNames: string;
  /** ISO `YYYY-MM-DD`. */
  birthDate?: string;
  sex?: Sex;
  nationality?: string;
  countryOfResidence?: string;
  placeOfBirth?: string;
  portOfEmbarkation?: string;
  portOfDisembarkation?: string;
  /** LOC 22: where the traveller is cleared by the authorities. */
  portOfClearance?: string;
  /** Booking references (RFF AVF, ABO, AEA, CR…), i.e. every RFF but the seat. */
  reservationRefs: string[];
  /** RFF SEA. */
  seat?: string;
  /** Every RFF with its qualifier. */
  references: PaxlstReference[];
  documents: PaxlstDocument[];
  /**
   * True when the traveller can be screened: a known role, a surname, and a birth date or a travel
   * document. Unreadable travellers are still returned, with errors saying why.
   */
  readable: boolean;
  errors: PaxlstError[];
}

export interface PaxlstMessagePart {
  /** UNH common access reference (0068), shared by the parts of one list. */
  commonAccessReference?: string;
  /** UNH sequence of transfers (0070). */
  sequence?: number;
  /** UNH first/last indicator (0073): `C` first part, `F` final part. */
  marker?: string;
  isFirst: boolean;
  isFinal: boolean;
}

export interface PaxlstMessage {
  /** UNH segment number. */
  segment: number;
  reference: string;
  type: string;
  /** Version and release as written in UNH, joined by `:`, e.g. `D:02B` or `001:000`. */
  version: string;
  dialect: PaxlstDialect;
  listType: ListType;
  /** BGM document name code as sent (745, 250, 266, 336, 655…). */
  documentCode: string;
  /** BGM document identifier (1004), e.g. `C` or `CLOB`. */
  documentIdentifier?: string;
  /** RFF TN: the sender's transaction reference. */
  transactionReference?: string;
  reportingParty?: PaxlstReportingParty;
  flights: PaxlstFlight[];
  travellers: PaxlstTraveller[];
  /** CNT total as sent. */
  declaredCount?: number;
  /** CNT qualifier: 42 passengers, 41 crew. */
  declaredCountQualifier?: string;
  /** UNT segment count as sent. */
  declaredSegmentCount?: number;
  part?: PaxlstMessagePart;
}

export interface PaxlstSummary {
  messages: number;
  travellers: number;
  readable: number;
  unreadable: number;
  errors: number;
  warnings: number;
}

export interface PaxlstResult {
  separators: Separators;
  interchange: PaxlstInterchange;
  messages: PaxlstMessage[];
  /** Every defect: reading, envelope, messages and travellers (these also sit on their traveller). */
  errors: PaxlstError[];
  summary: PaxlstSummary;
  /**
   * Set when the interchange holds more travellers than `maxTravellers`: nothing was mapped
   * (`messages` is empty) and `travellers` counts the traveller segments (NAD of a traveller, PDT).
   */
  travellerLimit?: { limit: number; travellers: number };
}

export interface ParsePaxlstOptions {
  /**
   * Reference year for two-digit years when the interchange has no usable UNB date. Defaults to the
   * current UTC year; with a UNB date, that date's year is used and this is ignored.
   */
  referenceYear?: number;
  /**
   * The most travellers the caller will take from one interchange. Mapping stops at the first one
   * beyond it, so a message of 100,000 empty NAD segments costs a read, not 100,000 travellers and
   * their defects; the result then says so in `travellerLimit`.
   */
  maxTravellers?: number;
}
