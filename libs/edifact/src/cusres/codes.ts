/**
 * The codes of the interactive API (iAPI) response, a CUSRES message answering a carrier's check-in
 * query (an interactive PAXLST), shared by the writer and the reader.
 *
 * Where they come from. The WCO/IATA/ICAO "API Response Message (CUSRES) Implementation Guide
 * [Relevant for the interactive API Mode]" (April 2013, an appendix of the API guidelines) defines
 * them, but its code tables could not be read while this was written. What follows is taken from
 * two independent working implementations of that guide: a government gateway's CUSRES generator
 * (SITA's, for the UAE) and a carrier departure-control system's iAPI exchange with China's
 * authority (its test traffic and its CUSRES reader). Both agree on the segments and qualifiers
 * below. Check the code lists against the guide itself before relying on anything beyond 0Z/1Z/2Z.
 */

export type TravellerDirective = 'board' | 'do-not-board' | 'contact-authority';

/** UNH S009: CUSRES, directory D.05B, as the iAPI guide pins it (the same directory as PAXLST D05B). */
export const CUSRES_MESSAGE_IDENTIFIER = 'CUSRES:D:05B:UN:IATA';

/**
 * BGM 1001 document name code of an iAPI response. Both implementations send 962; the UNTDID name of
 * 962 could not be confirmed here, so the reader only warns about another code.
 */
export const RESPONSE_DOCUMENT_CODE = '962';

/**
 * ERC 9321 codes of a traveller's boarding directive. 0Z and 1Z are OK to board and do not board in
 * both implementations; 2Z is the third directive (one implementation calls it "advisory"), read
 * here as "contact the authority before boarding". The carrier system also knows 4Z (insufficient
 * data); it and any other code read as contact-authority: never board by default.
 */
export const DIRECTIVE_CODES: Readonly<Record<TravellerDirective, string>> = Object.freeze({
  board: '0Z',
  'do-not-board': '1Z',
  'contact-authority': '2Z',
});

const BY_CODE: ReadonlyMap<string, TravellerDirective> = new Map(
  Object.entries(DIRECTIVE_CODES).map(([directive, code]) => [code, directive as TravellerDirective]),
);

/** The directive an ERC code means; undefined for a code we do not know (the caller fails closed). */
export function directiveOfCode(code: string): TravellerDirective | undefined {
  return BY_CODE.get(code);
}

/** ERP 1049 message section: 1 the message as a whole (header), 2 one traveller (detail). */
export const ERROR_POINT = { message: '1', traveller: '2' } as const;

/** RFF 1153 qualifiers of an iAPI response. */
export const REFERENCE_QUALIFIERS = {
  /** Header: the query's transaction reference (its RFF TN), echoed so the carrier can match. */
  transaction: 'TN',
  /** Header: the flight, carrier designator and number (`LA532`). */
  flight: 'AF',
  /** Traveller: the carrier's unique passenger reference, as it sent it in the query's RFF ABO. */
  passenger: 'ABO',
  /** Traveller: the booking (PNR record locator), as in the query's RFF AVF. */
  reservation: 'AVF',
} as const;

/** FTX 4451 text subject qualifier of the free-text reason, as both implementations send it. */
export const REASON_TEXT_QUALIFIER = 'AAP';

/** DTM 2005 and LOC 3227 of the flight, the same codes as in PAXLST. */
export const FLIGHT_CODES = {
  departureTime: '189',
  arrivalTime: '232',
  departureAirport: '125',
  arrivalAirport: '87',
} as const;

/** DTM 2379: YYMMDDHHMM, the format iAPI flight times are sent in. */
export const FLIGHT_TIME_FORMAT = '201';

/** UNB 0026 application reference: both implementations mark an interactive exchange `IAPI`. */
export const APPLICATION_REFERENCE = 'IAPI';
