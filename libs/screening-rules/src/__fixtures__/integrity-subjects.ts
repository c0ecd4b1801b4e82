// Travellers and rule books for the document-integrity check specs. Data is made up or the ICAO
// specimen's; the defaults travel Amsterdam -> New York on a valid Dutch passport.
import { INTEGRITY_RULES } from '../integrity-rules.js';
import type { RuleDefinition } from '../rule-book.js';
import { RuleBook } from '../rule-book.js';
import type { ScreeningSubject, SubjectDocument, SubjectLeg } from '../subject.js';

export const RULE_SET_VERSION = 'test-2026.1';

export const RULES = new RuleBook({ version: RULE_SET_VERSION, rules: INTEGRITY_RULES });

/** The integrity rules with one rule changed, e.g. `{ enabled: false }`. */
export function rulesWith(id: string, change: Partial<RuleDefinition>): RuleBook {
  return new RuleBook({
    version: RULE_SET_VERSION,
    rules: INTEGRITY_RULES.map((rule) => (rule.id === id ? { ...rule, ...change } : rule)),
  });
}

export function passport(change: Partial<SubjectDocument> = {}): SubjectDocument {
  return {
    code: 'P',
    type: 'PASSPORT',
    number: 'SPECI2014',
    issuingState: 'NLD',
    issueDate: '2020-03-01',
    expiryDate: '2030-02-28',
    mrzLines: [],
    ...change,
  };
}

export function identityCard(change: Partial<SubjectDocument> = {}): SubjectDocument {
  return passport({ code: 'I', type: 'IDENTITY_CARD', number: 'IXR4F2K71', ...change });
}

export function visa(change: Partial<SubjectDocument> = {}): SubjectDocument {
  return passport({ code: 'V', type: 'VISA', number: '123456789', issuingState: 'USA', ...change });
}

export function leg(from: string, to: string, departureDate: string, arrivalDate?: string): SubjectLeg {
  return { departureAirport: from, arrivalAirport: to, departureDate, arrivalDate };
}

export function traveller(change: Partial<ScreeningSubject> = {}): ScreeningSubject {
  return {
    role: 'passenger',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    birthDate: '1974-08-12',
    sex: 'F',
    nationality: 'NLD',
    documents: [passport()],
    legs: [leg('AMS', 'JFK', '2026-03-10', '2026-03-10')],
    portOfEmbarkation: 'AMS',
    portOfDisembarkation: 'JFK',
    transitPorts: [],
    ...change,
  };
}

const AIRPORT_STATES: Readonly<Record<string, string>> = {
  AMS: 'NLD',
  CDG: 'FRA',
  FRA: 'DEU',
  JFK: 'USA',
  LHR: 'GBR',
  SIN: 'SGP',
};

export function stateOfAirport(iata: string): string | undefined {
  return AIRPORT_STATES[iata];
}

/** Code and field of each finding, for comparing whole results in one assertion. */
export function raised(result: {
  findings: readonly { code: string; field?: string | undefined }[];
}): string[] {
  return result.findings.map((finding) => `${finding.code} ${finding.field ?? ''}`.trim());
}
