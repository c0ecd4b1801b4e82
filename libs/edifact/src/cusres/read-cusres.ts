/**
 * Reads an interactive API (iAPI) response, the CUSRES message a border system answers a check-in
 * query with, back into boarding directives: what a carrier-side tool needs, and what lets tests read
 * what `writeCusres` wrote.
 *
 * It fails closed. A message whose envelope does not add up (segment or message counts, references),
 * that is not a CUSRES, or that has a traveller group without a reference or a code, reads as
 * `{ ok: false }` with every defect: a damaged answer is not an answer. An ERC code we do not know
 * reads as contact-authority, and a traveller group with several codes takes the most restrictive.
 */
import { interchangeYear, readDate } from '../dates.js';
import type { DefectCode, EdifactError, Severity } from '../errors.js';
import { splitFlightDesignator } from '../paxlst/flights.js';
import { readEdifact } from '../read-edifact.js';
import { type Segment, valueAt } from '../segment.js';
import {
  type TravellerDirective,
  directiveOfCode,
  ERROR_POINT,
  FLIGHT_CODES,
  REFERENCE_QUALIFIERS,
  RESPONSE_DOCUMENT_CODE,
} from './codes.js';

export type CusresDefectCode = DefectCode | 'not-cusres';

export interface CusresError extends Omit<EdifactError, 'code'> {
  code: CusresDefectCode;
}

export interface CusresTravellerReading {
  /** RFF ABO: the carrier's reference of the traveller. */
  travellerRef: string;
  /** RFF AVF: the booking, when the response names it. */
  reservationRef?: string;
  /** What the traveller may do; unknown codes read as contact-authority. */
  directive: TravellerDirective;
  /** The ERC code as sent (`0Z`, `1Z`, `2Z`, or another). */
  code: '0Z' | '1Z' | '2Z' | (string & {});
  /** FTX text, its lines joined. */
  reason?: string;
  /** Number of the ERP segment that opens the traveller's group. */
  segment: number;
}

/** An ERP 1 group: a status of the message as a whole (for instance an exception), not of a traveller. */
export interface CusresMessageStatus {
  code: string;
  reason?: string;
  segment: number;
}

export interface CusresFlightReading {
  carrierCode: string;
  flightNumber: string;
  departureAirport?: string;
  arrivalAirport?: string;
  /** `YYYY-MM-DDTHH:mm`, local to the airport. */
  scheduledDepartureLocal?: string;
  scheduledArrivalLocal?: string;
}

export interface CusresReading {
  ok: true;
  sender: string;
  recipient: string;
  /** UNB 0020. */
  interchangeRef: string;
  /** UNH 0062. */
  messageRef: string;
  /** UNH 0068, the common access reference: where `writeCusres` puts the query's interchange reference. */
  queryInterchangeRef?: string;
  /** RFF TN: the query's transaction reference. */
  queryMessageRef?: string;
  /** UNB date and time, `YYYY-MM-DDTHH:mm`. */
  preparedAt?: string;
  flight?: CusresFlightReading;
  travellers: CusresTravellerReading[];
  messageStatus: CusresMessageStatus[];
  /** What was tolerated (odd separators, an unknown code…), each with its segment. */
  warnings: CusresError[];
}

export type ReadCusresResult = CusresReading | { ok: false; errors: CusresError[] };

export interface ReadCusresOptions {
  /** Year two-digit years are placed against when UNB has no usable date; default: this year. */
  referenceYear?: number;
}

/** The most restrictive first: several codes for one traveller never add up to "board". */
const RESTRICTIVENESS: readonly TravellerDirective[] = ['do-not-board', 'contact-authority', 'board'];

class Defects {
  readonly all: CusresError[] = [];

  report(
    segment: Pick<Segment, 'index' | 'tag'> | undefined,
    code: CusresDefectCode,
    message: string,
    options: { element?: number; severity?: Severity } = {},
  ): void {
    this.all.push({
      segment: segment?.index ?? 0,
      tag: segment?.tag ?? '',
      ...(segment && options.element !== undefined ? { element: `${segment.tag} ${options.element}` } : {}),
      message,
      severity: options.severity ?? 'error',
      code,
    });
  }
}

interface Group {
  erp: Segment;
  section: string;
  travellerRef?: string;
  reservationRef?: string;
  codes: string[];
  reasons: string[];
}

interface MessageReading {
  messageRef: string;
  queryInterchangeRef?: string;
  queryMessageRef?: string;
  flight?: CusresFlightReading;
  travellers: CusresTravellerReading[];
  messageStatus: CusresMessageStatus[];
}

function closeGroup(group: Group, message: MessageReading, defects: Defects): void {
  const what = group.section === ERROR_POINT.message ? 'message status' : 'traveller';
  if (group.codes.length === 0) {
    defects.report(group.erp, 'missing-segment', `the ${what} group opened here has no ERC code`);
    return;
  }
  const reason = group.reasons.length > 0 ? { reason: group.reasons.join(' ') } : {};
  if (group.section === ERROR_POINT.message) {
    message.messageStatus.push({ code: group.codes[0] ?? '', ...reason, segment: group.erp.index });
    return;
  }
  if (!group.travellerRef) {
    defects.report(
      group.erp,
      'missing-value',
      'a traveller group without RFF ABO: whose directive it is cannot be told',
    );
    return;
  }
  const directiveOf = (code: string): TravellerDirective => directiveOfCode(code) ?? 'contact-authority';
  const code = [...group.codes].sort(
    (a, b) => RESTRICTIVENESS.indexOf(directiveOf(a)) - RESTRICTIVENESS.indexOf(directiveOf(b)),
  )[0] as string;
  message.travellers.push({
    travellerRef: group.travellerRef,
    ...(group.reservationRef ? { reservationRef: group.reservationRef } : {}),
    directive: directiveOf(code),
    code,
    ...reason,
    segment: group.erp.index,
  });
}

function readFlightTime(segment: Segment, year: number, defects: Defects): string | undefined {
  const reading = readDate(valueAt(segment, 1, 2), valueAt(segment, 1, 3), 'flight', year);
  if (reading.ok) return reading.iso;
  defects.report(segment, 'bad-date', `flight time ${reading.reason}`, { element: 1 });
  return undefined;
}

/** The header and traveller groups between UNH and UNT (both excluded). */
function readBody(body: Segment[], message: MessageReading, year: number, defects: Defects): void {
  let group: Group | undefined;
  const flight = (): CusresFlightReading => (message.flight ??= { carrierCode: '', flightNumber: '' });
  for (const segment of body) {
    const qualifier = valueAt(segment, 1, 1);
    switch (segment.tag) {
      case 'BGM':
        if (qualifier !== RESPONSE_DOCUMENT_CODE)
          defects.report(
            segment,
            'unknown-qualifier',
            `document code ${JSON.stringify(qualifier)}; ${RESPONSE_DOCUMENT_CODE} expected`,
            { element: 1, severity: 'warning' },
          );
        break;
      case 'ERP':
        if (group) closeGroup(group, message, defects);
        group = { erp: segment, section: qualifier, codes: [], reasons: [] };
        if (qualifier !== ERROR_POINT.message && qualifier !== ERROR_POINT.traveller)
          defects.report(
            segment,
            'unknown-qualifier',
            `error point ${JSON.stringify(qualifier)}: 1 (message) or 2 (traveller) expected`,
            { element: 1 },
          );
        break;
      case 'RFF': {
        const value = valueAt(segment, 1, 2);
        if (group?.section === ERROR_POINT.traveller) {
          if (qualifier === REFERENCE_QUALIFIERS.passenger) group.travellerRef = value;
          else if (qualifier === REFERENCE_QUALIFIERS.reservation) group.reservationRef = value;
        } else if (!group && qualifier === REFERENCE_QUALIFIERS.transaction) message.queryMessageRef = value;
        else if (!group && qualifier === REFERENCE_QUALIFIERS.flight)
          Object.assign(flight(), splitFlightDesignator(value, ''));
        break;
      }
      case 'TDT': // a PAXLST-style flight (TDT+20+LA532+++LA), which some senders may prefer
        if (!group) Object.assign(flight(), splitFlightDesignator(valueAt(segment, 2), valueAt(segment, 5)));
        break;
      case 'DTM':
        if (group) break;
        if (qualifier === FLIGHT_CODES.departureTime)
          flight().scheduledDepartureLocal = readFlightTime(segment, year, defects);
        else if (qualifier === FLIGHT_CODES.arrivalTime)
          flight().scheduledArrivalLocal = readFlightTime(segment, year, defects);
        break;
      case 'LOC':
        if (group) break;
        if (qualifier === FLIGHT_CODES.departureAirport) flight().departureAirport = valueAt(segment, 2);
        else if (qualifier === FLIGHT_CODES.arrivalAirport) flight().arrivalAirport = valueAt(segment, 2);
        break;
      case 'ERC':
        if (group) group.codes.push(qualifier);
        else
          defects.report(
            segment,
            'unexpected-segment',
            'ERC before any ERP: it concerns neither a traveller nor the message',
          );
        break;
      case 'FTX':
        // A reason longer than one line continues in the next component; they were cut, not separated.
        if (group) group.reasons.push((segment.elements[3] ?? []).join('').trim());
        break;
      default:
        defects.report(
          segment,
          'unexpected-segment',
          `${segment.tag} is not part of an iAPI response; ignored`,
          { severity: 'warning' },
        );
    }
  }
  if (group) closeGroup(group, message, defects);
}

/** Maps UNH … UNT; `unt` is undefined when the message runs into the envelope or the end. */
function readMessage(
  unh: Segment,
  body: Segment[],
  unt: Segment | undefined,
  year: number,
  defects: Defects,
): MessageReading | undefined {
  const type = valueAt(unh, 2, 1).toUpperCase();
  if (type !== 'CUSRES') {
    defects.report(
      unh,
      'not-cusres',
      `message ${valueAt(unh, 1)} is a ${type || '(no type)'}, not a CUSRES`,
      { element: 2 },
    );
    return undefined;
  }
  const version = `${valueAt(unh, 2, 2)}:${valueAt(unh, 2, 3)}`;
  if (version !== 'D:05B')
    defects.report(unh, 'unsupported-version', `CUSRES ${version}: the iAPI guide uses D:05B; read as that`, {
      element: 2,
      severity: 'warning',
    });
  const message: MessageReading = { messageRef: valueAt(unh, 1), travellers: [], messageStatus: [] };
  if (valueAt(unh, 3) !== '') message.queryInterchangeRef = valueAt(unh, 3);
  if (message.messageRef === '')
    defects.report(unh, 'missing-value', 'no message reference in UNH 1', { element: 1 });
  readBody(body, message, year, defects);
  if (!unt) {
    defects.report(unh, 'missing-segment', `message ${message.messageRef} has no UNT trailer`);
    return message;
  }
  const counted = unt.index - unh.index + 1;
  if (!declares(unt, counted))
    defects.report(
      unt,
      'count-mismatch',
      `UNT declares ${JSON.stringify(valueAt(unt, 1))} segments but message ${message.messageRef} has ${counted} (UNH to UNT)`,
      { element: 1 },
    );
  if (valueAt(unt, 2) !== message.messageRef)
    defects.report(
      unt,
      'reference-mismatch',
      `UNT reference ${JSON.stringify(valueAt(unt, 2))} does not match UNH reference ${JSON.stringify(message.messageRef)}`,
      { element: 2 },
    );
  return message;
}

/** Whether a trailer's count (element 1) is `counted`; `021` counts as 21. */
function declares(trailer: Segment, counted: number): boolean {
  const written = valueAt(trailer, 1);
  return /^\d+$/.test(written) && Number(written) === counted;
}

/** A trailer's count and its header's reference (UNB and UNG both hold it in element 5). */
function checkTrailer(
  trailer: Segment,
  header: Segment | undefined,
  counted: number,
  what: string,
  defects: Defects,
): void {
  if (!declares(trailer, counted))
    defects.report(
      trailer,
      'count-mismatch',
      `${trailer.tag} declares ${JSON.stringify(valueAt(trailer, 1))} ${what}(s) but ${counted} were sent`,
      { element: 1 },
    );
  if (header && valueAt(trailer, 2) !== valueAt(header, 5))
    defects.report(
      trailer,
      'reference-mismatch',
      `${trailer.tag} reference ${JSON.stringify(valueAt(trailer, 2))} does not match ${header.tag} reference ${JSON.stringify(valueAt(header, 5))}`,
      { element: 2 },
    );
}

export function readCusres(text: string, options: ReadCusresOptions = {}): ReadCusresResult {
  const read = readEdifact(text);
  const defects = new Defects();
  defects.all.push(...read.errors);
  const segments = read.segments.filter((s) => s.tag !== 'UNA');
  const unb = segments[0]?.tag === 'UNB' ? segments[0] : undefined;
  if (!unb && segments.length > 0)
    defects.report(segments[0], 'missing-segment', 'the interchange does not start with a UNB header');

  const date = unb ? valueAt(unb, 4, 1) : '';
  const year = interchangeYear(date) ?? options.referenceYear ?? new Date().getUTCFullYear();
  const prepared = readDate(`${date}${unb ? valueAt(unb, 4, 2) : ''}`, '', 'flight', year);
  const messages: MessageReading[] = [];
  let counted = 0;
  let group: { header: Segment; messages: number } | undefined;
  let groups = 0;
  let unz: Segment | undefined;

  for (let i = unb ? 1 : 0; i < segments.length && !unz; i++) {
    const segment = segments[i] as Segment;
    if (segment.tag === 'UNH') {
      let end = i + 1;
      while (end < segments.length && !['UNT', 'UNH', 'UNE', 'UNZ'].includes(segments[end]?.tag ?? '')) end++;
      const unt = segments[end]?.tag === 'UNT' ? segments[end] : undefined;
      const message = readMessage(segment, segments.slice(i + 1, end), unt, year, defects);
      if (message) messages.push(message);
      counted++;
      if (group) group.messages++;
      i = unt ? end : end - 1;
    } else if (segment.tag === 'UNG') {
      group = { header: segment, messages: 0 };
      groups++;
    } else if (segment.tag === 'UNE' && group) {
      checkTrailer(segment, group.header, group.messages, 'message', defects);
      group = undefined;
    } else if (segment.tag === 'UNZ') {
      unz = segment;
      checkTrailer(segment, unb, groups > 0 ? groups : counted, groups > 0 ? 'group' : 'message', defects);
    } else {
      defects.report(segment, 'unexpected-segment', `${segment.tag} outside a message (UNH … UNT)`);
    }
  }
  const last = segments.at(-1);
  if (!unz && last) defects.report(last, 'missing-segment', 'the interchange has no UNZ trailer');
  if (counted !== 1 && segments.length > 0)
    defects.report(
      unb ?? segments[0],
      counted === 0 ? 'missing-segment' : 'unexpected-segment',
      `an iAPI response holds one CUSRES message; this interchange holds ${counted}`,
    );

  const all = defects.all.sort((a, b) => a.segment - b.segment);
  const message = messages[0];
  if (!message || all.some((e) => e.severity === 'error')) return { ok: false, errors: all };
  return {
    ok: true,
    sender: unb ? valueAt(unb, 2, 1) : '',
    recipient: unb ? valueAt(unb, 3, 1) : '',
    interchangeRef: unb ? valueAt(unb, 5) : '',
    messageRef: message.messageRef,
    ...(message.queryInterchangeRef ? { queryInterchangeRef: message.queryInterchangeRef } : {}),
    ...(message.queryMessageRef ? { queryMessageRef: message.queryMessageRef } : {}),
    ...(prepared.ok ? { preparedAt: prepared.iso } : {}),
    ...(message.flight ? { flight: message.flight } : {}),
    travellers: message.travellers,
    messageStatus: message.messageStatus,
    warnings: all,
  };
}
