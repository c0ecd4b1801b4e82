import { BadRequestException } from '@nestjs/common';
import { parsePaxlst, type PaxlstError, type PaxlstResult, type PaxlstTraveller } from '@docscreen/edifact';
import { MANIFEST_LIMITS, tooLong } from './manifest-limits.js';
import { countPaxlstDefects, paxlstRejectionCodes } from './manifests.metrics.js';
import { manifestFlightKey } from './passenger-events.js';
import { paxlstLimitDefects } from './paxlst-limits.js';
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
});

/**
 * Reads a UN/EDIFACT PAXLST message (D02B, D05B, D12B or the legacy US `PAXLST:001:000`). Readable
 * travellers are accepted; unreadable ones go to `rejected` with the reason; every defect is returned
 * with its segment. Nothing readable at all: 400 with every defect.
 */
export function readPaxlstManifest(
  raw: Buffer,
  contentType: string,
  maxTravellers: number,
): IncomingManifest {
  const result = parsePaxlst(raw.toString('utf8'));
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
    throw new BadRequestException({
      message: !legs[0]?.scheduledDepartureLocal
        ? 'no flight with a scheduled departure (TDT with LOC 125 and DTM 189) could be read: nothing accepted'
        : `none of the ${travellers.length} travellers could be read: nothing accepted`,
      problems: [...result.errors.map(defect), ...limitDefects].map((d) => ({
        path: `segment ${d.segment} ${d.element ?? d.tag}`,
        ...d,
      })),
    });
  }
  try {
    manifestFlightKey({ legs, travellers: [] });
  } catch (error) {
    throw new BadRequestException({
      message: `the first flight cannot key the submission: ${(error as Error).message}`,
      problems: result.errors.map((e) => ({
        path: `segment ${e.segment} ${e.element ?? e.tag}`,
        ...defect(e),
      })),
    });
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
    return overLimits.map((d) => `segment ${d.segment} ${d.element ?? d.tag}: ${d.message}`).join('; ');
  }
  const reasons = t.errors.map((e) => e.message).join('; ') || 'not a traveller role we read';
  return `segment ${t.segment} ${t.roleCode}: ${reasons}`;
}

/**
 * What every traveller's event carries from the message itself: its legs and references. Over a
 * limit, nothing of the message can be accepted (400, naming the segment).
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
    if (value && value.length > referenceLength) {
      problems.push({ path, message: tooLong(what, value.length, referenceLength) });
    }
  }
  for (const flight of result.messages.flatMap((m) => m.flights)) {
    const codes = [
      flight.carrierCode,
      flight.flightNumber,
      ...flight.legs.flatMap((l) => [l.departureAirport, l.arrivalAirport]),
    ];
    const long = codes.find((code) => code.length > codeLength);
    if (long) {
      problems.push({
        path: `segment ${flight.segment} TDT`,
        message: tooLong('a flight designator or airport', long.length, codeLength),
      });
    }
  }
  if (problems.length > 0) {
    throw new BadRequestException({ message: `the message is over a limit: nothing accepted`, problems });
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
