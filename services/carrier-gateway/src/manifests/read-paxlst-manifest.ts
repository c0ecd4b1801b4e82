import {
  decodeEdifact,
  parsePaxlst,
  type PaxlstError,
  type PaxlstResult,
  type PaxlstTraveller,
} from '@docscreen/edifact';
import { textProblem } from '@docscreen/input-values';
import { validationProblems } from '@docscreen/nest-platform';
import { MANIFEST_LIMITS, tooLong } from './manifest-limits.js';
import { countPaxlstDefects, paxlstRejectionCodes } from './manifests.metrics.js';
import { manifestFlightKey } from './passenger-events.js';
import { paxlstLimitDefects } from './paxlst-limits.js';
import { rejectionReason } from './receipt-limits.js';
import type { IncomingManifest, ManifestTraveller, MessageDefect } from './submission.js';
import { assertTravellerCount } from './traveller-count.js';

type Leg = IncomingManifest['manifest']['legs'][number];

const ROLES: Partial<Record<PaxlstTraveller['role'], ManifestTraveller['role']>> = {
  passenger: 'passenger',
  crew: 'crew',
  'crew-other': 'crew',
  'in-transit-passenger': 'in-transit-passenger',
  'in-transit-crew': 'in-transit-crew',
};

const defect = (e: PaxlstError): MessageDefect => ({
  segment: e.segment,
  tag: e.tag,
  ...(e.element ? { element: e.element } : {}),
  message: e.message,
  severity: e.severity,
  code: e.code,
});

const problemOf = (d: MessageDefect) => ({
  path: `segment ${d.segment} ${d.element ?? d.tag}`,
  message: d.message,
});

/**
 * Reads a UN/EDIFACT PAXLST message (D02B, D05B, D12B or the legacy US `PAXLST:001:000`). Readable
 * travellers are accepted; unreadable ones go to `rejected` with the reason; every defect is returned
 * with its segment. Nothing readable at all: 400 with every defect. The bytes are decoded as the
 * EDIFACT syntax allows (UTF-8, else Windows-1252 for UNOC's Latin-1), never into U+FFFD; every
 * traveller counts towards `maxTravellers`, readable or not, and the message is not even mapped
 * beyond it (413).
 */
export function readPaxlstManifest(
  raw: Buffer,
  contentType: string,
  maxTravellers: number,
): IncomingManifest {
  const result = parsePaxlst(decodeEdifact(raw), { maxTravellers });
  if (result.travellerLimit) assertTravellerCount(result.travellerLimit.travellers, maxTravellers);
  countPaxlstDefects(result.errors);
  const travellers = result.messages.flatMap((m) => m.travellers);
  assertTravellerCount(travellers.length, maxTravellers);
  const overLimits = new Map(
    result.messages.flatMap((m) => m.travellers.map((t) => [t, paxlstLimitDefects(t, m.dialect)] as const)),
  );
  const limitDefects = [...overLimits.values()].flat();
  const readable = travellers.filter((t) => t.readable && ROLES[t.role] && overLimits.get(t)!.length === 0);
  const legs = legsOf(result);
  assertMessageLimits(result, legs);
  if (readable.length === 0 || legs.length === 0 || !legs[0]?.scheduledDepartureLocal) {
    throw validationProblems(
      !legs[0]?.scheduledDepartureLocal
        ? 'no flight with a scheduled departure (TDT with LOC 125 and DTM 189) could be read: nothing accepted'
        : `none of the ${travellers.length} travellers could be read: nothing accepted`,
      [...result.errors.map(defect), ...limitDefects].map(problemOf),
    );
  }
  try {
    manifestFlightKey({ legs, travellers: [] });
  } catch (error) {
    throw validationProblems(
      `the first flight cannot key the submission: ${(error as Error).message}`,
      result.errors.map((e) => problemOf(defect(e))),
    );
  }
  const { interchange } = result;
  const messageRefs = result.messages.map((m) => m.reference).join(',');
  return {
    format: 'paxlst',
    contentType,
    raw,
    manifest: { messageRef: result.messages[0]?.reference, legs, travellers: readable.map(toTraveller) },
    rejected: travellers
      .filter((t) => !readable.includes(t))
      .map((t) => ({ travellerRef: String(t.index), reason: rejection(t, overLimits.get(t)!) })),
    rejectionCodes: paxlstRejectionCodes(
      travellers.filter((t) => !readable.includes(t)),
      overLimits,
      (t) => ROLES[t.role] !== undefined,
    ),
    defects: [...result.errors.map(defect), ...limitDefects],
    // The sender's own references identify a resubmission of the same interchange.
    messageKey: `paxlst:${interchange.sender}:${interchange.controlReference}:${messageRefs}`,
    source: {
      senderId: interchange.sender,
      interchangeRef: interchange.controlReference,
      ...(result.messages[0] ? { messageRef: result.messages[0].reference } : {}),
    },
  };
}

function rejection(t: PaxlstTraveller, overLimits: readonly MessageDefect[]): string {
  if (overLimits.length > 0) {
    return rejectionReason(overLimits.map((d) => `segment ${d.segment} ${d.element ?? d.tag}: ${d.message}`));
  }
  const reasons = t.errors.length > 0 ? t.errors.map((e) => e.message) : ['not a traveller role we read'];
  const role = t.roleCode.length <= MANIFEST_LIMITS.codeLength ? ` ${t.roleCode}` : '';
  return rejectionReason(reasons.map((r, i) => (i === 0 ? `segment ${t.segment}${role}: ${r}` : r)));
}

/**
 * What every traveller's event carries from the message itself: its legs and references. Over a
 * limit, or with a control character (the release character lets any byte into data), nothing of
 * the message can be accepted (400, naming the segment).
 */
function assertMessageLimits(result: PaxlstResult, legs: readonly Leg[]): void {
  const problems: { path: string; message: string }[] = [];
  const { legsPerMessage, referenceLength, codeLength } = MANIFEST_LIMITS;
  if (legs.length > legsPerMessage) {
    const flight = result.messages.flatMap((m) => m.flights).at(-1);
    problems.push({
      path: `segment ${flight?.segment ?? 0} TDT`,
      message: `the message has ${legs.length} flight legs; at most ${legsPerMessage} are accepted`,
    });
  }
  const { interchange } = result;
  const references: [string, string, string | undefined][] = [
    [`segment ${interchange.segment} UNB 2.1`, 'the interchange sender', interchange.sender],
    [
      `segment ${interchange.segment} UNB 5`,
      'the interchange control reference',
      interchange.controlReference,
    ],
    ...result.messages.map((m): [string, string, string] => [
      `segment ${m.segment} UNH 1`,
      'the message reference',
      m.reference,
    ]),
  ];
  for (const [path, what, value] of references) {
    const problem = value ? textProblem(value) : undefined;
    if (value && value.length > referenceLength) {
      problems.push({ path, message: tooLong(what, value.length, referenceLength) });
    } else if (problem) problems.push({ path, message: `${what} ${problem}` });
  }
  for (const flight of result.messages.flatMap((m) => m.flights)) {
    const codes = [
      flight.carrierCode,
      flight.flightNumber,
      ...flight.legs.flatMap((l) => [l.departureAirport, l.arrivalAirport]),
    ];
    const long = codes.find((code) => code.length > codeLength);
    const problem = codes.map((code) => textProblem(code)).find((p) => p !== undefined);
    if (long) {
      problems.push({
        path: `segment ${flight.segment} TDT`,
        message: tooLong('a flight designator or airport', long.length, codeLength),
      });
    } else if (problem) {
      problems.push({
        path: `segment ${flight.segment} TDT`,
        message: `a flight designator or airport ${problem}`,
      });
    }
  }
  if (problems.length > 0) {
    throw validationProblems(
      'the message is over a limit or holds a control character: nothing accepted',
      problems,
    );
  }
}

/** Every leg of every flight in the interchange, once, in order; the first keys the submission. */
function legsOf(result: PaxlstResult): Leg[] {
  const seen = new Set<string>();
  const legs: Leg[] = [];
  for (const flight of result.messages.flatMap((m) => m.flights)) {
    for (const leg of flight.legs) {
      const flightNumber = flight.flightNumber.replace(/^0+/, '');
      const id = `${flight.carrierCode}${flightNumber}:${leg.departureAirport}:${leg.arrivalAirport}:${leg.scheduledDepartureLocal}`;
      if (seen.has(id)) continue;
      seen.add(id);
      legs.push({
        carrierCode: flight.carrierCode,
        flightNumber,
        departureAirport: leg.departureAirport,
        arrivalAirport: leg.arrivalAirport,
        scheduledDepartureLocal: leg.scheduledDepartureLocal ?? '',
        ...(leg.scheduledArrivalLocal ? { scheduledArrivalLocal: leg.scheduledArrivalLocal } : {}),
      });
    }
  }
  return legs;
}

function toTraveller(t: PaxlstTraveller): ManifestTraveller {
  return {
    travellerRef: String(t.index),
    role: ROLES[t.role] ?? 'passenger',
    surname: t.surname,
    givenNames: t.givenNames,
    ...(t.birthDate ? { birthDate: t.birthDate } : {}),
    ...(t.sex ? { sex: t.sex } : {}),
    nationality: t.nationality ?? '',
    ...(t.countryOfResidence ? { countryOfResidence: t.countryOfResidence } : {}),
    ...(t.reservationRefs[0] ? { reservationRef: t.reservationRefs[0] } : {}),
    ...carrierRefOf(t),
    ...(t.portOfEmbarkation ? { portOfEmbarkation: t.portOfEmbarkation } : {}),
    ...(t.portOfDisembarkation ? { portOfDisembarkation: t.portOfDisembarkation } : {}),
    documents: t.documents
      .filter((d) => d.number)
      .map((d) => ({
        type: d.type,
        number: d.number,
        issuingState: d.issuingState ?? '',
        ...(d.expiryDate ? { expiryDate: d.expiryDate } : {}),
        ...(d.issueDate ? { issueDate: d.issueDate } : {}),
      })),
  };
}

function carrierRefOf(t: PaxlstTraveller): { carrierRef?: string } {
  const abo = t.references.find((r) => r.qualifier === 'ABO')?.value;
  return abo ? { carrierRef: abo } : {};
}
