import type { DocumentTypeName } from '@docscreen/travel-documents';
import { addMonths, birthDateRange, completedYears, isCalendarDate } from './calendar-dates.js';
import type { BirthDateRange } from './calendar-dates.js';
import type { CheckResult } from './check-result.js';
import {
  destinationRequirements,
  listsState,
  maximumValidity,
  type DestinationPolicy,
  type DestinationRequirements,
} from './destination-policy.js';
import {
  canonicalStateCode,
  checkResult,
  documentLabel,
  documentTypeOf,
  Findings,
  sameState,
  typeLabel,
} from './integrity-check-support.js';
import type { RuleBook } from './rule-book.js';
import type { ScreeningSubject, SubjectDocument } from './subject.js';

export const DOCUMENT_VALIDITY = 'document-validity';

export interface DocumentValidityContext {
  rules: RuleBook;
  /** The screening day, "YYYY-MM-DD": the travel date when the subject has no legs. */
  today: string;
  policy: DestinationPolicy;
  /** The state (ICAO 9303 code) an airport (IATA code) is in; `undefined` when not known. */
  stateOfAirport: (iata: string) => string | undefined;
}

/** Where and when the journey under check ends, as far as the itinerary tells. */
interface Journey {
  /** Departure date of the first leg, or today without legs. */
  travelDate: string;
  /** Arrival at the destination, never before the travel date. */
  arrivalDate: string;
  destinationState: string | undefined;
  /** The field the destination airport was read from, for a finding about it. */
  destinationField: string;
}

/** The travel documents a remaining-validity minimum applies to. */
const VALIDITY_MINIMUM_TYPES: ReadonlySet<DocumentTypeName | undefined> = new Set([
  'PASSPORT',
  'IDENTITY_CARD',
]);

/**
 * Dates and validity of the traveller's documents against the travel dates and the destination's
 * entry requirements. The destination is the port of disembarkation of the reported journey (the
 * last leg's arrival airport when that is not reported) and the arrival date that of the first leg
 * arriving there (its departure date when the arrival date is missing).
 *
 * Missing or unreadable data never raises an alarm; where it stops a rule from being checked, an
 * informational `VALIDITY_DATA_MISSING` says so.
 */
export function documentValidityCheck(
  subject: ScreeningSubject,
  context: DocumentValidityContext,
): CheckResult {
  const findings = new Findings();
  const journey = journeyOf(subject, context);
  const birth = birthDateRange(subject.birthDate);
  subject.documents.forEach((document, index) => {
    checkDocumentDates(document, index, { subject, context, journey, birth, findings });
  });
  if (birth) checkBirthDate(birth, context, journey, findings);
  checkAcceptedTypes(subject, context, journey, findings);
  const needsDestination = subject.documents.some((d) => VALIDITY_MINIMUM_TYPES.has(documentTypeOf(d)));
  if (needsDestination && journey.destinationState === undefined) {
    findings.add(
      context.rules.raise('VALIDITY_DATA_MISSING', {
        message:
          'The destination state is not known (airport not reported or not in the reference data): ' +
          "the destination's remaining-validity and document-type requirements were not checked.",
        field: journey.destinationField,
      }),
    );
  }
  const applicable = subject.documents.length > 0 || subject.birthDate.trim() !== '';
  return checkResult(DOCUMENT_VALIDITY, context.rules, findings.items, applicable);
}

function journeyOf(subject: ScreeningSubject, context: DocumentValidityContext): Journey {
  const { legs } = subject;
  const first = legs[0];
  const travelDate = isCalendarDate(first?.departureDate) ? first.departureDate : context.today;
  const lastIndex = legs.length - 1;
  const port = subject.portOfDisembarkation.trim().toUpperCase();
  const airport = port !== '' ? port : (legs[lastIndex]?.arrivalAirport.trim().toUpperCase() ?? '');
  const destinationField =
    port !== '' || lastIndex < 0 ? 'portOfDisembarkation' : `legs[${lastIndex}].arrivalAirport`;
  const arrivalLeg =
    legs.find((leg) => leg.arrivalAirport.trim().toUpperCase() === airport) ?? legs[lastIndex];
  let arrivalDate = travelDate;
  if (isCalendarDate(arrivalLeg?.arrivalDate)) arrivalDate = arrivalLeg.arrivalDate;
  else if (isCalendarDate(arrivalLeg?.departureDate)) arrivalDate = arrivalLeg.departureDate;
  const state = airport === '' ? undefined : context.stateOfAirport(airport);
  return {
    travelDate,
    arrivalDate: arrivalDate < travelDate ? travelDate : arrivalDate,
    destinationState: state === undefined || state.trim() === '' ? undefined : canonicalStateCode(state),
    destinationField,
  };
}

interface DocumentScope {
  subject: ScreeningSubject;
  context: DocumentValidityContext;
  journey: Journey;
  birth: BirthDateRange | undefined;
  findings: Findings;
}

/** One document as the date rules read it. */
interface DatedDocument {
  document: SubjectDocument;
  type: DocumentTypeName | undefined;
  label: string;
  /** Path of the document, e.g. `documents[0]`. */
  path: string;
  expiryDate: string | undefined;
  issueDate: string | undefined;
}

function checkDocumentDates(document: SubjectDocument, index: number, scope: DocumentScope): void {
  const expiry = document.expiryDate?.trim() ?? '';
  const issue = document.issueDate?.trim() ?? '';
  const dated: DatedDocument = {
    document,
    type: documentTypeOf(document),
    label: documentLabel(index, document),
    path: `documents[${index}]`,
    expiryDate: isCalendarDate(expiry) ? expiry : undefined,
    issueDate: isCalendarDate(issue) ? issue : undefined,
  };
  if (dated.expiryDate === undefined) reportMissingExpiry(dated, expiry, scope);
  else checkExpiry(dated, dated.expiryDate, scope);
  checkValidityPeriod(dated, scope);
  checkIssuedBeforeBirth(dated, scope);
}

function reportMissingExpiry(dated: DatedDocument, written: string, scope: DocumentScope): void {
  if (written === '' && !VALIDITY_MINIMUM_TYPES.has(dated.type)) return;
  scope.findings.add(
    scope.context.rules.raise('VALIDITY_DATA_MISSING', {
      message:
        written === ''
          ? `${dated.label}: no expiry date reported; expiry and remaining validity were not checked.`
          : `${dated.label}: the expiry date is not a calendar date; expiry and validity were not checked.`,
      field: `${dated.path}.expiryDate`,
    }),
  );
}

function checkExpiry(dated: DatedDocument, expiryDate: string, scope: DocumentScope): void {
  const field = `${dated.path}.expiryDate`;
  if (dated.type !== 'VISA' && expiryDate < scope.journey.travelDate) {
    const raised = scope.findings.add(
      scope.context.rules.raise('DOCUMENT_EXPIRED', {
        message: `${dated.label} expired before the travel date.`,
        field,
      }),
    );
    // Expired says it all; with DOCUMENT_EXPIRED disabled, the shortfall is still reported below.
    if (raised) return;
  }
  if (VALIDITY_MINIMUM_TYPES.has(dated.type)) checkRemainingValidity(expiryDate, dated.label, field, scope);
}

function checkValidityPeriod(dated: DatedDocument, scope: DocumentScope): void {
  const { expiryDate, issueDate, type, document } = dated;
  if (expiryDate === undefined || issueDate === undefined || type === 'VISA') return;
  const limit = maximumValidity(scope.context.policy, document.issuingState, type);
  if (limit.years === null) return;
  if (expiryDate <= addMonths(issueDate, Math.round(limit.years * 12) + limit.graceMonths)) return;
  const state = canonicalStateCode(document.issuingState);
  const issuer = /^[A-Z]{1,3}$/.test(state) ? `issuer ${state}` : 'its issuer';
  scope.findings.add(
    scope.context.rules.raise('VALIDITY_EXCEEDS_ISSUER_MAXIMUM', {
      message:
        `${dated.label} is valid for longer than ${issuer} ever issues a ${typeLabel(type)} ` +
        `(${limit.years} years, plus ${limit.graceMonths} months' tolerance).`,
      field: `${dated.path}.expiryDate`,
    }),
  );
}

function checkIssuedBeforeBirth(dated: DatedDocument, scope: DocumentScope): void {
  const { birth, context } = scope;
  // A birth date in the future is its own finding; every issue date would then precede it.
  if (dated.issueDate === undefined || birth === undefined || birth.earliest > context.today) return;
  if (dated.issueDate >= birth.earliest) return;
  scope.findings.add(
    context.rules.raise('IMPOSSIBLE_AGE', {
      message: `${dated.label} was issued before the traveller's reported birth date.`,
      field: `${dated.path}.issueDate`,
    }),
  );
}

function checkRemainingValidity(
  expiryDate: string,
  label: string,
  field: string,
  scope: DocumentScope,
): void {
  const { subject, context, journey, findings } = scope;
  const state = journey.destinationState;
  // Without a known destination only the itself-evident minimum applies: valid on arrival.
  let months = 0;
  if (state !== undefined) {
    const requirements = destinationRequirements(context.policy, state);
    const nationality = subject.nationality;
    // A state admits its own nationals whatever their document's remaining validity.
    if (nationality !== '' && sameState(nationality, state)) return;
    if (!listsState(requirements?.minimumValidityExemptNationalities, nationality)) {
      months = requirements?.minimumValidityMonths ?? context.policy.defaultMinimumValidityMonths ?? 0;
    }
  }
  if (expiryDate >= addMonths(journey.arrivalDate, months)) return;
  const where = state === undefined ? 'at the destination' : `in ${state}`;
  findings.add(
    context.rules.raise('INSUFFICIENT_REMAINING_VALIDITY', {
      message:
        months === 0
          ? `${label} expires before the arrival date ${where}.`
          : `${label} is valid for less than the ${months} months beyond arrival required ${where}.`,
      field,
    }),
  );
}

function checkBirthDate(
  birth: BirthDateRange,
  context: DocumentValidityContext,
  journey: Journey,
  findings: Findings,
): void {
  const { rules } = context;
  // At reduced precision only what every day of the month or year would imply is an alarm.
  if (birth.earliest > context.today) {
    findings.add(
      rules.raise('BIRTH_DATE_IN_FUTURE', {
        message: 'The reported birth date is later than today.',
        field: 'birthDate',
      }),
    );
    return;
  }
  const configured = rules.parameter<unknown>('IMPOSSIBLE_AGE', 'maximumAgeYears', 120);
  const maximumAge = typeof configured === 'number' ? configured : 120;
  if (completedYears(birth.latest, journey.travelDate) > maximumAge) {
    findings.add(
      rules.raise('IMPOSSIBLE_AGE', {
        message: `The reported birth date makes the traveller older than ${maximumAge} years on the travel date.`,
        field: 'birthDate',
      }),
    );
  }
}

type Acceptance = 'accepted' | 'not-accepted' | 'unknown-nationality';

function acceptanceOf(
  requirements: DestinationRequirements,
  type: DocumentTypeName,
  subject: ScreeningSubject,
): Acceptance {
  let result: Acceptance = 'not-accepted';
  for (const entry of requirements.acceptedDocumentTypes ?? []) {
    if (entry.type !== type) continue;
    if (entry.roles !== undefined && !entry.roles.includes(subject.role)) continue;
    if (entry.nationalities === undefined) return 'accepted';
    if (subject.nationality.trim() === '') result = 'unknown-nationality';
    else if (listsState(entry.nationalities, subject.nationality)) return 'accepted';
  }
  return result;
}

function checkAcceptedTypes(
  subject: ScreeningSubject,
  context: DocumentValidityContext,
  journey: Journey,
  findings: Findings,
): void {
  const state = journey.destinationState;
  const requirements = state === undefined ? undefined : destinationRequirements(context.policy, state);
  if (state === undefined || requirements?.acceptedDocumentTypes === undefined) return;
  // Visas support a travel document rather than stand for one; a type that cannot be read is not judged.
  const candidates = subject.documents.flatMap((document, index) => {
    const type = documentTypeOf(document);
    return type === undefined || type === 'VISA' ? [] : [{ document, index, type }];
  });
  const verdicts = candidates.map((candidate) => acceptanceOf(requirements, candidate.type, subject));
  if (candidates.length === 0 || verdicts.includes('accepted')) return;
  if (verdicts.includes('unknown-nationality')) {
    findings.add(
      context.rules.raise('VALIDITY_DATA_MISSING', {
        message: `No nationality reported: whether the documents presented are accepted for entry into ${state} was not checked.`,
        field: 'nationality',
      }),
    );
    return;
  }
  for (const { document, index } of candidates) {
    findings.add(
      context.rules.raise('DOCUMENT_TYPE_NOT_ACCEPTED', {
        message: `${documentLabel(index, document)} is not accepted for entry into ${state} for this traveller, nor is any other document presented.`,
        field: `documents[${index}].type`,
      }),
    );
  }
}
