/**
 * Writes the interactive API (iAPI) response: the CUSRES message a border system answers a carrier's
 * check-in query (an interactive PAXLST) with, one boarding directive per traveller.
 *
 *   UNA, UNB (border system → carrier), UNH CUSRES:D:05B:UN:IATA, BGM 962, RFF TN (the query's
 *   transaction), RFF AF + DTM 189/232 + LOC 125/87 (the flight), then per traveller
 *   ERP 2, RFF AVF/ABO, ERC 0Z|1Z|2Z, FTX AAP (the reason), UNT, UNZ.
 *
 * That is the layout of the iAPI CUSRES guide as working implementations send it (see codes.ts for
 * what could and could not be confirmed). The flight is a reference (RFF AF) there, not a TDT as in
 * PAXLST, and carriers' systems read it in that order.
 *
 * Travellers are identified by the references the carrier gave them in its query (RFF ABO, and the
 * booking in RFF AVF), never by name or document number: the guide's response carries neither, and
 * a message that leaves the border system holds no more personal data than it needs.
 */
import { DEFAULT_SEPARATORS } from '../una.js';
import {
  APPLICATION_REFERENCE,
  type TravellerDirective,
  CUSRES_MESSAGE_IDENTIFIER,
  DIRECTIVE_CODES,
  ERROR_POINT,
  FLIGHT_CODES,
  FLIGHT_TIME_FORMAT,
  REASON_TEXT_QUALIFIER,
  REFERENCE_QUALIFIERS,
  RESPONSE_DOCUMENT_CODE,
} from './codes.js';

export interface CusresFlight {
  /** Airline designator, e.g. `LA`. */
  carrierCode: string;
  /** Flight number without the designator, e.g. `532`. */
  flightNumber: string;
  departureAirport: string;
  arrivalAirport: string;
  /** Local time at the departure airport, `YYYY-MM-DDTHH:mm`. */
  scheduledDepartureLocal: string;
  /**
   * Local time at the arrival airport, `YYYY-MM-DDTHH:mm`. Optional here, but carriers' systems may
   * expect both flight times (one reader requires them): send it whenever it is known.
   */
  scheduledArrivalLocal?: string;
}

export interface CusresTravellerDirective {
  /** The carrier's reference of the traveller in its query (PAXLST RFF ABO); written as RFF ABO. */
  travellerRef: string;
  /** The booking (PNR record locator, PAXLST RFF AVF), when the query gave one; written as RFF AVF. */
  reservationRef?: string;
  /** Accepted so that callers can pass what they hold, but never written: see the module comment. */
  surname?: string;
  /** Never written, as `surname`. */
  givenNames?: string;
  /** Never written, as `surname`. */
  documentNumber?: string;
  directive: TravellerDirective;
  /** Free text for the check-in agent (FTX); it must not contain personal data. */
  reason?: string;
}

export interface CusresResponse {
  /** Interchange sender: the border system's identification agreed with the carrier. */
  sender: string;
  /** Interchange recipient: the carrier's identification. */
  recipient: string;
  /** This interchange's control reference (UNB 0020, repeated in UNZ), at most 14 characters. */
  interchangeRef: string;
  /** This message's reference (UNH 0062, repeated in UNT), at most 14 characters. */
  messageRef: string;
  /**
   * The query's interchange control reference. Written as UNH 0068, the common access reference that
   * ISO 9735 provides to relate later transfers to the same business case.
   */
  queryInterchangeRef?: string;
  /**
   * The query's reference as the carrier will match it: its RFF TN transaction reference (or, if it
   * sent none, its UNH message reference). Written as RFF TN.
   */
  queryMessageRef?: string;
  preparedAt: Date;
  flight: CusresFlight;
  travellers: CusresTravellerDirective[];
}

const {
  component: COMPONENT,
  element: ELEMENT,
  release: RELEASE,
  terminator: TERMINATOR,
} = DEFAULT_SEPARATORS;
const SERVICE_CHARACTERS = /[?'+:]/g;

/** FTX C108: up to five lines of text (4440), each an..512. */
const FREE_TEXT_LINES = 5;
const FREE_TEXT_LINE_LENGTH = 512;

/** UNB 0020 and UNH 0062 are an..14; UNH 0068 is an..35. */
const CONTROL_REFERENCE_LENGTH = 14;
const COMMON_ACCESS_REFERENCE_LENGTH = 35;

/** Makes text data: each separator, and the release character itself, gets a release character. */
export function escapeEdifact(value: string): string {
  return value.replace(SERVICE_CHARACTERS, `${RELEASE}$&`);
}

/**
 * Line breaks and other control characters are never data in EDIFACT (readers drop them), so a line
 * break in a reason becomes a space rather than silently joining two words.
 */
function printable(value: string): string {
  let text = '';
  for (const ch of value.replace(/[\r\n\t]+/g, ' ')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) text += ch;
  }
  return text;
}

/**
 * The lowest syntax level whose repertoire holds every character written: UNOA (upper case, digits
 * and a little punctuation, what most carrier links expect), UNOB (all printable ASCII), UNOC
 * (Latin-1), else UNOW (UTF-8). Declaring a level the data exceeds would be a lie to the receiver.
 */
export function syntaxLevelFor(values: readonly string[]): 'UNOA' | 'UNOB' | 'UNOC' | 'UNOW' {
  const text = values.join('');
  if (/^[A-Z0-9 .,\-()/='+:?!"%&*;<>]*$/.test(text)) return 'UNOA';
  if (/^[\u0020-\u007e]*$/.test(text)) return 'UNOB';
  if (/^[\u0020-\u007e\u00a0-\u00ff]*$/.test(text)) return 'UNOC';
  return 'UNOW';
}

function requireReference(value: string, what: string, maxLength: number): string {
  if (value.trim() === '' || value.length > maxLength) {
    throw new RangeError(`${what} must be 1 to ${maxLength} characters, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `YYYY-MM-DDTHH:mm` → `YYMMDDHHMM` (format 201). */
function flightTime(local: string, what: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new RangeError(`${what} must be YYYY-MM-DDTHH:mm, got ${JSON.stringify(local)}`);
  return match.slice(1).join('');
}

/** UNB S004 as carriers' links write it in syntax 4 too: YYMMDD and HHMM, in UTC. */
function interchangeDateTime(at: Date): string {
  const iso = at.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${COMPONENT}${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** The reason as FTX lines of at most 512 characters (counted before escaping, as EDIFACT does). */
function freeTextLines(reason: string): string[] {
  const lines: string[] = [];
  for (let at = 0; at < reason.length && lines.length < FREE_TEXT_LINES; at += FREE_TEXT_LINE_LENGTH) {
    lines.push(reason.slice(at, at + FREE_TEXT_LINE_LENGTH));
  }
  return lines;
}

/** Drops the empty entries at the end: trailing separators carry nothing and some receivers refuse them. */
function withoutTrailingEmpty<T>(values: T[], isEmpty: (value: T) => boolean): T[] {
  let end = values.length;
  while (end > 0 && isEmpty(values[end - 1] as T)) end--;
  return values.slice(0, end);
}

/** One segment from its tag and elements, each element one (unescaped) value or a list of components. */
function segment(tag: string, ...elements: (string | string[])[]): string {
  // Trimmed before escaping, so that a value ending in a released `+` or `:` keeps its release character.
  const structured = withoutTrailingEmpty(
    elements.map((e) => withoutTrailingEmpty(Array.isArray(e) ? e : [e], (c) => c === '')),
    (components) => components.length === 0,
  );
  const written = structured.map((components) => components.map(escapeEdifact).join(COMPONENT));
  return [tag, ...written].join(ELEMENT) + TERMINATOR;
}

function travellerSegments(traveller: CusresTravellerDirective): string[] {
  const ref = REFERENCE_QUALIFIERS;
  const segments = [segment('ERP', ERROR_POINT.traveller)];
  if (traveller.reservationRef) segments.push(segment('RFF', [ref.reservation, traveller.reservationRef]));
  segments.push(
    segment('RFF', [ref.passenger, requireReference(traveller.travellerRef, 'travellerRef', 70)]),
  );
  segments.push(segment('ERC', DIRECTIVE_CODES[traveller.directive]));
  const reason = printable(traveller.reason ?? '').trim();
  if (reason !== '') segments.push(segment('FTX', REASON_TEXT_QUALIFIER, '', '', freeTextLines(reason)));
  return segments;
}

function flightSegments(flight: CusresFlight): string[] {
  const codes = FLIGHT_CODES;
  const segments = [
    segment('RFF', [REFERENCE_QUALIFIERS.flight, `${flight.carrierCode}${flight.flightNumber}`]),
    segment('DTM', [
      codes.departureTime,
      flightTime(flight.scheduledDepartureLocal, 'scheduledDepartureLocal'),
      FLIGHT_TIME_FORMAT,
    ]),
  ];
  if (flight.scheduledArrivalLocal) {
    segments.push(
      segment('DTM', [
        codes.arrivalTime,
        flightTime(flight.scheduledArrivalLocal, 'scheduledArrivalLocal'),
        FLIGHT_TIME_FORMAT,
      ]),
    );
  }
  segments.push(segment('LOC', codes.departureAirport, flight.departureAirport));
  segments.push(segment('LOC', codes.arrivalAirport, flight.arrivalAirport));
  return segments;
}

/**
 * The CUSRES interchange for `response`, one segment a line (line breaks are not data, and a reader's
 * segment numbers then match line numbers). Pure: the same response gives the same text.
 *
 * @throws RangeError when a control reference is empty or too long, a traveller has no reference, or
 * a flight time is not `YYYY-MM-DDTHH:mm`: a receiver would reject such an interchange.
 */
export function writeCusres(response: CusresResponse): string {
  const interchangeRef = requireReference(
    response.interchangeRef,
    'interchangeRef',
    CONTROL_REFERENCE_LENGTH,
  );
  const messageRef = requireReference(response.messageRef, 'messageRef', CONTROL_REFERENCE_LENGTH);
  const commonAccess =
    response.queryInterchangeRef === undefined
      ? []
      : [
          requireReference(
            response.queryInterchangeRef,
            'queryInterchangeRef',
            COMMON_ACCESS_REFERENCE_LENGTH,
          ),
        ];

  const message = [
    segment('UNH', messageRef, CUSRES_MESSAGE_IDENTIFIER.split(':'), ...commonAccess),
    segment('BGM', RESPONSE_DOCUMENT_CODE),
    ...(response.queryMessageRef
      ? [segment('RFF', [REFERENCE_QUALIFIERS.transaction, response.queryMessageRef])]
      : []),
    ...flightSegments(response.flight),
    ...response.travellers.flatMap(travellerSegments),
  ];
  message.push(segment('UNT', String(message.length + 1), messageRef));

  const level = syntaxLevelFor([response.sender, response.recipient, ...message]);
  const unb = segment(
    'UNB',
    [level, '4'],
    response.sender,
    response.recipient,
    interchangeDateTime(response.preparedAt).split(COMPONENT),
    interchangeRef,
    '',
    APPLICATION_REFERENCE,
  );
  const una = `UNA${COMPONENT}${ELEMENT}${DEFAULT_SEPARATORS.decimal}${RELEASE}${DEFAULT_SEPARATORS.repetition}${TERMINATOR}`;
  return [una, unb, ...message, segment('UNZ', '1', interchangeRef)].join('\n') + '\n';
}
