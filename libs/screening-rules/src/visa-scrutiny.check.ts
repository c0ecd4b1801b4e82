import {
  type AirportDirectory,
  type ItineraryLeg,
  type ItineraryStates,
  type StateVisit,
  type VisaMatrix,
  type VisaRequirement,
  dayNumber,
  describeRequirement,
  icaoStateCode,
  issuerCovers,
  SCHENGEN_STATES,
  itineraryStates,
  visaAreaOf,
  visaPolicyState,
} from '@docscreen/visa-rules';
import type { CheckOutcome, CheckResult, Finding } from './check-result.js';
import type { RuleBook } from './rule-book.js';
import type { ScreeningSubject, SubjectDocument, VisaKind } from './subject.js';

export const VISA_SCRUTINY = 'visa-scrutiny';

/** What a state recorded against the traveller. */
export type ViolationKind = 'overstay' | 'visa-violation' | 'refused-entry' | 'removal' | 'other';

/** A recorded overstay or visa violation of this traveller (from the caller's records, never from here). */
export interface ViolationRecord {
  kind: ViolationKind;
  /** ICAO 9303 code of the state that recorded it. */
  state: string;
  /** "YYYY-MM-DD", when known. */
  recordedOn?: string | undefined;
}

export interface VisaScrutinyContext {
  rules: RuleBook;
  /** Visa requirements by nationality × destination; `undefined` when none is loaded. */
  matrix: VisaMatrix | undefined;
  airports: Pick<AirportDirectory, 'stateOfAirport'>;
  /** Whether a document is listed lost, stolen or revoked in the document registry. */
  documentListed: (document: SubjectDocument) => boolean;
  /** Recorded overstays and visa violations of this traveller. */
  violations: (subject: ScreeningSubject) => readonly ViolationRecord[];
}

/** Check-wide defaults; a rule set overrides them through VISA_REQUIRED_MISSING's parameters. */
export const VISA_SCRUTINY_DEFAULTS = {
  /** Calendar days between arrival and onward departure still treated as a transit (same or next day). */
  transitMaxDays: 1,
  /** States without airside transit: every transit passenger passes immigration there. */
  noAirsideTransitStates: ['USA', 'CAN'] as readonly string[],
  /** Crew (crew, transit-crew) holding a crew member certificate need no visa (ICAO Annex 9). */
  crewWithCertificateExempt: true,
  /**
   * Issuers whose valid visa or residence permit exempts from an airport transit visa anywhere: the
   * Schengen Visa Code art. 3(5) simplified (EU and EEA states, Switzerland, Canada, Japan, the United
   * States; visas and residence permits alike). A transit state's own (or its visa area's) count always.
   */
  airportTransitExemptingIssuers: [
    ...SCHENGEN_STATES,
    'CYP',
    'IRL',
    'CAN',
    'JPN',
    'USA',
  ].sort() as readonly string[],
};

/** How the traveller is in a state, which decides what authorises it. */
type Passage =
  /** The destination of the journey: entry for a stay; a transit visa does not do. */
  | 'destination'
  /** Entered on the way (change of airport, domestic flight, stopover, no airside transit there). */
  | 'landside-transit'
  /** Changing planes without entering: only an airport-transit list can require a visa. */
  | 'airside-transit'
  /** The end of a round trip, back in the state it started from. */
  | 'return';

const CREW_ROLES: ReadonlySet<string> = new Set(['crew', 'transit-crew']);
const TRANSIT_ROLES: ReadonlySet<string> = new Set(['transit-passenger', 'transit-crew']);
/** Visa kinds that authorise entering for a stay. */
const STAY_KINDS: ReadonlySet<VisaKind> = new Set(['entry', 'long-stay', 'other', 'unspecified']);
/** Visa kinds that authorise entering on the way to another state. */
const TRANSIT_KINDS: ReadonlySet<VisaKind> = new Set([
  'entry',
  'long-stay',
  'other',
  'unspecified',
  'transit',
]);

/**
 * Visas against the destination's and transit states' requirements for the traveller's nationality,
 * transit abuse and recorded visa violations. See VISA_RULES for each rule; the decisions:
 *
 * - Requirements are looked up by the traveller's nationality, not the passport's issuing state: visa
 *   policy follows nationality, and a travel document issued to a refugee or stateless person (XXA,
 *   XXB…) must not inherit the issuing state's visa freedom. A nationality the matrix has no row for is
 *   reported as unknown (`no-reference-data`), never passed.
 * - A territory the matrix has no column for takes the requirement of the state issuing its visas
 *   (VISA_POLICY_STATE: Puerto Rico → USA, Réunion → FRA…). Visas of one Schengen state count for all.
 * - Every state the traveller enters is checked: the destination, states entered on the way (change of
 *   airport, domestic flight, connection beyond `transitMaxDays`, states without airside transit) and,
 *   for a foreign national, the origin state on return. Airside transits only need an airport transit
 *   visa where the matrix's airport-transit list says so.
 * - Residence permits of a state count as its visas. Entry, long-stay, other and unspecified visas allow
 *   a stay; transit visas only an entry on the way; airport transit visas no entry at all.
 * - e-visas are often not reported in API data: a missing e-visa is referred (VISA_EVISA_NOT_REPORTED)
 *   rather than denied boarding. ETAs cannot be seen at all (VISA_ETA_REQUIRED, information).
 * - Crew (crew, transit-crew) holding a crew member certificate are exempt from visa requirements (ICAO
 *   Annex 9, Chapter 3: crew on duty holding a crew member certificate or licence are admitted
 *   temporarily without a visa). No admission, listed visas, violations and transit abuse still apply to them.
 * - Own nationals need nothing. Without a matrix the outcome is `no-reference-data` (never `passed`);
 *   listed visas, violations and transit abuse are checked all the same and fail the check.
 *
 * Messages name states, dates of travel and documents by position and type, never names, birth dates
 * or document numbers.
 */
export function visaScrutinyCheck(subject: ScreeningSubject, context: VisaScrutinyContext): CheckResult {
  const { rules, matrix } = context;
  const findings: Finding[] = [];
  const add = (finding: Finding | undefined): void => {
    if (finding !== undefined) findings.push(finding);
  };
  const settings = settingsOf(rules);
  const legs = legsOf(subject);
  const states = itineraryStates(legs.legs, context.airports, { transitMaxDays: settings.transitMaxDays });
  const scrutiny: Scrutiny = { subject, context, settings, legs, states, findings, add, gaps: 0 };

  checkListedVisas(scrutiny);
  checkViolations(scrutiny);
  checkTransitWithoutOnwardLeg(scrutiny);

  if (matrix === undefined) {
    add(
      rules.raise('VISA_NO_REFERENCE_DATA', {
        message: 'No visa requirement data is loaded: visa requirements were not checked.',
      }),
    );
    return result(scrutiny, 'no-reference-data');
  }
  // No itinerary and no reported ports: nothing to check requirements against.
  if (states.visits.length === 0) return result(scrutiny, 'not-applicable');

  checkRequirements(scrutiny, matrix);
  return result(scrutiny, scrutiny.gaps > 0 ? 'no-reference-data' : 'passed');
}

interface Settings {
  transitMaxDays: number;
  noAirsideTransitStates: ReadonlySet<string>;
  crewWithCertificateExempt: boolean;
  airportTransitExemptingIssuers: ReadonlySet<string>;
}

interface Legs {
  legs: ItineraryLeg[];
  /** Whether the legs were made up from the reported ports (no itinerary reported). */
  fromPorts: boolean;
}

interface Scrutiny {
  subject: ScreeningSubject;
  context: VisaScrutinyContext;
  settings: Settings;
  legs: Legs;
  states: ItineraryStates;
  findings: Finding[];
  add: (finding: Finding | undefined) => void;
  /** Places where missing reference data kept a rule from being checked. */
  gaps: number;
}

/** A rule-set parameter of the expected shape, else the default (a malformed rule set must not crash). */
function parameterOf<T>(
  rules: RuleBook,
  id: string,
  name: string,
  fallback: T,
  valid: (value: unknown) => boolean,
): T {
  const value: unknown = rules.parameter<unknown>(id, name, fallback);
  return valid(value) ? (value as T) : fallback;
}

const isStringList = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function settingsOf(rules: RuleBook): Settings {
  const d = VISA_SCRUTINY_DEFAULTS;
  const id = 'VISA_REQUIRED_MISSING';
  const isDays = (value: unknown): boolean =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0;
  return {
    transitMaxDays: parameterOf(rules, id, 'transitMaxDays', d.transitMaxDays, isDays),
    noAirsideTransitStates: new Set(
      parameterOf(rules, id, 'noAirsideTransitStates', d.noAirsideTransitStates, isStringList),
    ),
    crewWithCertificateExempt: parameterOf(
      rules,
      id,
      'crewWithCertificateExempt',
      d.crewWithCertificateExempt,
      (value) => typeof value === 'boolean',
    ),
    airportTransitExemptingIssuers: new Set(
      parameterOf(
        rules,
        'AIRPORT_TRANSIT_VISA_MISSING',
        'exemptingIssuers',
        d.airportTransitExemptingIssuers,
        isStringList,
      ),
    ),
  };
}

function result(scrutiny: Scrutiny, otherwise: CheckOutcome): CheckResult {
  const { rules, matrix } = scrutiny.context;
  const { findings } = scrutiny;
  const outcome = findings.some((finding) => finding.action !== 'no-action') ? 'failed' : otherwise;
  return {
    check: VISA_SCRUTINY,
    version: matrix === undefined ? rules.version : `${rules.version}+visa-matrix.${matrix.version}`,
    outcome,
    findings,
  };
}

/** The itinerary, or, when none was reported, legs between the reported ports (without dates). */
function legsOf(subject: ScreeningSubject): Legs {
  if (subject.legs.length > 0) return { legs: [...subject.legs], fromPorts: false };
  const ports = [subject.portOfEmbarkation, ...subject.transitPorts, subject.portOfDisembarkation]
    .map((port) => port.trim().toUpperCase())
    .filter((port) => port !== '');
  const legs = ports.slice(1).map((arrivalAirport, i): ItineraryLeg => ({
    departureAirport: ports[i] ?? '',
    arrivalAirport,
    departureDate: '',
  }));
  return { legs, fromPorts: true };
}

/** The field a visit's arrival airport was read from. */
function arrivalField(scrutiny: Scrutiny, visit: StateVisit): string {
  if (!scrutiny.legs.fromPorts) return `legs[${visit.arrivalLeg}].arrivalAirport`;
  const transits = scrutiny.subject.transitPorts.filter((port) => port.trim() !== '').length;
  return visit.arrivalLeg < transits ? `transitPorts[${visit.arrivalLeg}]` : 'portOfDisembarkation';
}

function code(value: string): string {
  const trimmed = value.trim().toUpperCase();
  return icaoStateCode(trimmed) ?? trimmed;
}

function isVisa(document: SubjectDocument): boolean {
  return document.type.trim().toUpperCase() === 'VISA' || /^V/i.test(document.code.trim());
}

function isResidencePermit(document: SubjectDocument): boolean {
  return document.type.trim().toUpperCase() === 'RESIDENCE_PERMIT';
}

function isCrewCertificate(document: SubjectDocument): boolean {
  return document.type.trim().toUpperCase() === 'CREW_MEMBER_CERTIFICATE' || document.code.trim() === 'AC';
}

function documentLabel(index: number, document: SubjectDocument): string {
  const kind = isVisa(document) ? 'visa' : isResidencePermit(document) ? 'residence permit' : 'document';
  return `document ${index + 1} (${kind})`;
}

function issuerText(document: SubjectDocument): string {
  const issuer = code(document.issuingState);
  return issuer === '' ? 'an unreported state' : issuer;
}

/** Valid on `date` as far as its dates tell; a date the check does not know never invalidates. */
function validOn(document: SubjectDocument, date: string | undefined): boolean {
  const day = dayNumber(date);
  if (day === undefined) return true;
  const from = dayNumber(document.validFrom) ?? dayNumber(document.issueDate);
  const until = dayNumber(document.validUntil) ?? dayNumber(document.expiryDate);
  return (from === undefined || from <= day) && (until === undefined || day <= until);
}

function validityText(document: SubjectDocument): string {
  const from = document.validFrom || document.issueDate;
  const until = document.validUntil || document.expiryDate;
  if (from && until) return `valid from ${from} until ${until}`;
  if (from) return `valid from ${from}`;
  return until ? `valid until ${until}` : 'validity not reported';
}

// ---------------------------------------------------------------------------------------------------
// Rules that need no visa matrix

function checkListedVisas({ subject, context, add }: Scrutiny): void {
  subject.documents.forEach((document, index) => {
    if (!isVisa(document) || !context.documentListed(document)) return;
    add(
      context.rules.raise('VISA_DOCUMENT_LISTED', {
        message:
          `The visa presented (${documentLabel(index, document)}, issued by ${issuerText(document)}) is ` +
          'listed as lost, stolen or revoked.',
        field: `documents[${index}]`,
      }),
    );
  });
}

const VIOLATION_TEXT: Readonly<Record<ViolationKind, string>> = {
  overstay: 'Overstay',
  'visa-violation': 'Visa violation',
  'refused-entry': 'Refusal of entry',
  removal: 'Removal',
  other: 'Immigration violation',
};

function checkViolations({ subject, context, add }: Scrutiny): void {
  for (const record of context.violations(subject)) {
    const when = record.recordedOn ? ` on ${record.recordedOn}` : '';
    add(
      context.rules.raise('RECORDED_VISA_VIOLATION', {
        message: `${VIOLATION_TEXT[record.kind] ?? 'Immigration violation'} of the traveller recorded by ${code(record.state) || 'an unreported state'}${when}.`,
      }),
    );
  }
}

function checkTransitWithoutOnwardLeg(scrutiny: Scrutiny): void {
  const { subject, context, states, legs, add } = scrutiny;
  const final = states.visits[states.visits.length - 1];
  const lastLeg = legs.legs[legs.legs.length - 1];
  if (final === undefined || lastLeg === undefined) return;
  const finalAirport = lastLeg.arrivalAirport.trim().toUpperCase();
  const place = final.state ?? finalAirport;
  const declaredTransit = subject.transitPorts.map((port) => port.trim().toUpperCase());
  const transitRole = TRANSIT_ROLES.has(subject.role);
  const disembarkation = subject.portOfDisembarkation.trim().toUpperCase();
  const disembarkationState =
    disembarkation === '' ? undefined : context.airports.stateOfAirport(disembarkation);

  let reason: string | undefined;
  if (declaredTransit.includes(finalAirport))
    reason = `The itinerary ends at ${finalAirport} (${place}), which is reported as a transit port: no onward leg.`;
  else if (transitRole && states.visits.length === 1)
    reason = `The traveller is reported in transit, but the itinerary ends in ${place}, the first state it arrives in: no onward leg.`;
  else if (
    transitRole &&
    disembarkationState !== undefined &&
    final.state !== undefined &&
    final.state !== disembarkationState
  )
    reason =
      `The traveller is reported in transit to ${disembarkation} (${disembarkationState}), but the ` +
      `itinerary ends in ${place}: no onward leg.`;
  if (reason === undefined) return;
  add(
    context.rules.raise('TRANSIT_WITHOUT_ONWARD_LEG', {
      message: reason,
      field: legs.fromPorts ? 'portOfDisembarkation' : `legs[${legs.legs.length - 1}].arrivalAirport`,
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Requirements per state

function checkRequirements(scrutiny: Scrutiny, matrix: VisaMatrix): void {
  const { subject, context, settings, states, add } = scrutiny;
  const { rules } = context;
  const nationality = code(subject.nationality);
  if (nationality === '') {
    scrutiny.gaps++;
    add(
      rules.raise('VISA_REQUIREMENT_UNKNOWN', {
        message: 'The nationality is not reported: visa requirements were not checked.',
        field: 'nationality',
      }),
    );
    return;
  }
  const crewExempt =
    settings.crewWithCertificateExempt &&
    CREW_ROLES.has(subject.role) &&
    subject.documents.some(isCrewCertificate);

  states.visits.forEach((visit) => {
    const field = arrivalField(scrutiny, visit);
    if (visit.state === undefined) {
      scrutiny.gaps++;
      add(
        rules.raise('VISA_REQUIREMENT_UNKNOWN', {
          message: `Airport ${visit.arrivalAirport} is not in the airport reference data: the visa requirement there was not checked.`,
          field,
        }),
      );
      return;
    }
    const state = visit.state;
    if (nationality === state || nationality === visaPolicyState(state)) return;
    const passage = passageOf(scrutiny, visit);

    if (passage === 'airside-transit') {
      if (!crewExempt) checkAirportTransit(scrutiny, matrix, visit, state, nationality, field);
      return;
    }
    const requirement = requirementFor(matrix, nationality, state);
    if (requirement === undefined) {
      scrutiny.gaps++;
      add(
        rules.raise('VISA_REQUIREMENT_UNKNOWN', {
          message: `No visa requirement is known for nationality ${nationality} entering ${state}: not checked.`,
          field,
        }),
      );
      return;
    }
    if (requirement.kind === 'no-admission') {
      add(
        rules.raise('NO_ADMISSION', {
          message: `${state} admits no travellers of nationality ${nationality} (${arrivalText(visit)}).`,
          field,
        }),
      );
      return;
    }
    if (crewExempt) return;
    switch (requirement.kind) {
      case 'visa-required':
      case 'e-visa':
        checkVisaHeld(scrutiny, visit, state, passage, requirement, field);
        return;
      case 'eta':
        add(
          rules.raise('VISA_ETA_REQUIRED', {
            message: `Nationality ${nationality} needs an electronic travel authorisation for ${state}; API data does not carry it.`,
            field,
          }),
        );
        return;
      default:
        return;
    }
  });
  if (!crewExempt) checkStayLengths(scrutiny, matrix, nationality);
}

function passageOf(scrutiny: Scrutiny, visit: StateVisit): Passage {
  if (visit === scrutiny.states.destination) return 'destination';
  if (visit.final) return 'return';
  if (visit.airside && !scrutiny.settings.noAirsideTransitStates.has(visaPolicyState(visit.state ?? '')))
    return 'airside-transit';
  return 'landside-transit';
}

function requirementFor(matrix: VisaMatrix, nationality: string, state: string): VisaRequirement | undefined {
  const direct = matrix.requirement(nationality, state);
  if (direct !== undefined) return direct;
  const policy = visaPolicyState(state);
  return policy === state ? undefined : matrix.requirement(nationality, policy);
}

function arrivalText(visit: StateVisit): string {
  return visit.arrivalDate
    ? `arrival at ${visit.arrivalAirport} on ${visit.arrivalDate}`
    : `arrival at ${visit.arrivalAirport}`;
}

/** Visas and residence permits whose issuer can authorise `state`, with their index. */
function authorisationsFor(
  subject: ScreeningSubject,
  state: string,
): Array<{ document: SubjectDocument; index: number }> {
  return subject.documents
    .map((document, index) => ({ document, index }))
    .filter(
      ({ document }) =>
        (isVisa(document) || isResidencePermit(document)) && issuerCovers(code(document.issuingState), state),
    );
}

function checkVisaHeld(
  scrutiny: Scrutiny,
  visit: StateVisit,
  state: string,
  passage: Passage,
  requirement: VisaRequirement,
  field: string,
): void {
  const { subject, context, add } = scrutiny;
  const { rules } = context;
  const nationality = code(subject.nationality);
  const needed = describeRequirement(requirement);
  const covering = authorisationsFor(subject, state);

  const [firstCovering] = covering;
  if (firstCovering === undefined) {
    const otherVisas = subject.documents
      .map((document, index) => ({ document, index }))
      .filter(({ document }) => isVisa(document));
    const [firstOther] = otherVisas;
    if (requirement.kind === 'e-visa') {
      add(
        rules.raise('VISA_EVISA_NOT_REPORTED', {
          message:
            `Nationality ${nationality} needs an e-visa for ${state} (${arrivalText(visit)}) and no visa ` +
            `issued by ${state} is reported; e-visas are often missing from API data.`,
          field,
        }),
      );
    } else if (firstOther !== undefined) {
      const issuers = [...new Set(otherVisas.map(({ document }) => issuerText(document)))].join(', ');
      add(
        rules.raise('VISA_WRONG_ISSUER', {
          message:
            `Nationality ${nationality} needs a visa for ${state} (${arrivalText(visit)}); the visas ` +
            `reported were issued by ${issuers}, none by ${state}.`,
          field: `documents[${firstOther.index}].issuingState`,
        }),
      );
    } else {
      add(
        rules.raise('VISA_REQUIRED_MISSING', {
          message:
            `Nationality ${nationality}: ${needed} for ${state} (${arrivalText(visit)}), and no visa or ` +
            `residence permit of ${state} is reported.`,
          field,
        }),
      );
    }
    return;
  }

  const valid = covering.filter(({ document }) => validOn(document, visit.arrivalDate));
  const [firstValid] = valid;
  if (firstValid === undefined) {
    const { document, index } = firstCovering;
    add(
      rules.raise('VISA_NOT_VALID_ON_ARRIVAL', {
        message:
          `The ${documentLabel(index, document)} issued by ${issuerText(document)} is not valid on ` +
          `${arrivalText(visit)} in ${state} (${validityText(document)}).`,
        field: `documents[${index}]`,
      }),
    );
    return;
  }
  const forStay = passage === 'destination' || passage === 'return';
  const kinds = forStay ? STAY_KINDS : TRANSIT_KINDS;
  const suitable = valid.some(
    ({ document }) => isResidencePermit(document) || kinds.has(document.visaKind ?? 'unspecified'),
  );
  if (!suitable) {
    const { document, index } = firstValid;
    add(
      rules.raise('VISA_WRONG_KIND', {
        message:
          `The ${documentLabel(index, document)} issued by ${issuerText(document)} is a ` +
          `${document.visaKind ?? 'unspecified'} visa, which does not allow ${forStay ? 'a stay' : 'entry on the way'} ` +
          `in ${state} (${arrivalText(visit)}).`,
        field: `documents[${index}].visaKind`,
      }),
    );
  }
}

function checkAirportTransit(
  scrutiny: Scrutiny,
  matrix: VisaMatrix,
  visit: StateVisit,
  state: string,
  nationality: string,
  field: string,
): void {
  const { subject, context, settings, add } = scrutiny;
  if (matrix.requiresAirportTransitVisa(nationality, state) !== true) return;
  const held = subject.documents.some(
    (document) =>
      (isVisa(document) || isResidencePermit(document)) &&
      validOn(document, visit.arrivalDate) &&
      (issuerCovers(code(document.issuingState), state) ||
        settings.airportTransitExemptingIssuers.has(code(document.issuingState))),
  );
  if (held) return;
  add(
    context.rules.raise('AIRPORT_TRANSIT_VISA_MISSING', {
      message:
        `Nationality ${nationality} needs an airport transit visa to change planes in ${state} ` +
        `(${arrivalText(visit)}); neither one nor a visa or residence permit of ${state} is reported.`,
      field,
    }),
  );
}

/**
 * Stays longer than the visa-free period, where a departure tells the length: consecutive visits to
 * one state or one visa area count as one stay, arrival and departure days included.
 */
function checkStayLengths(scrutiny: Scrutiny, matrix: VisaMatrix, nationality: string): void {
  const { subject, context, states, add } = scrutiny;
  const areaKey = (state: string | undefined): string | undefined =>
    state === undefined ? undefined : (visaAreaOf(state) ?? state);
  const runs: StateVisit[][] = [];
  for (const visit of states.visits) {
    const run = runs[runs.length - 1];
    const key = areaKey(visit.state);
    if (run !== undefined && key !== undefined && key === areaKey(run[0]?.state)) run.push(visit);
    else runs.push([visit]);
  }
  for (const run of runs) {
    const first = run[0];
    const last = run[run.length - 1];
    const state = first?.state;
    if (first === undefined || last === undefined || state === undefined) continue;
    if (nationality === state || nationality === visaPolicyState(state)) continue;
    const requirement = requirementFor(matrix, nationality, state);
    if (requirement?.kind !== 'visa-free' || requirement.days === undefined) continue;
    const from = dayNumber(first.arrivalDate);
    const until = dayNumber(last.departureDate);
    if (from === undefined || until === undefined) continue;
    const days = until - from + 1;
    if (days <= requirement.days) continue;
    const holdsVisa = run.some((visit) =>
      authorisationsFor(subject, visit.state ?? '').some(({ document }) =>
        validOn(document, visit.arrivalDate),
      ),
    );
    if (holdsVisa) continue;
    add(
      context.rules.raise('VISA_STAY_EXCEEDS_VISA_FREE_PERIOD', {
        message:
          `The itinerary stays ${days} days in ${areaKey(state) === 'SCHENGEN' ? 'the Schengen area' : state} ` +
          `(${first.arrivalDate} to ${last.departureDate}); nationality ${nationality} is visa free there ` +
          `for up to ${requirement.days} days, and no visa is reported.`,
        field: arrivalField(scrutiny, first),
      }),
    );
  }
}
