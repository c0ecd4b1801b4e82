import {
  RULES,
  RULE_SET_VERSION,
  identityCard,
  leg,
  passport,
  raised,
  rulesWith,
  stateOfAirport,
  traveller,
  visa,
} from './__fixtures__/integrity-subjects.js';
import type { CheckOutcome } from './check-result.js';
import { DEFAULT_DESTINATION_POLICY } from './destination-policy.js';
import type { DestinationPolicy } from './destination-policy.js';
import { DOCUMENT_VALIDITY, documentValidityCheck } from './document-validity.check.js';
import type { RuleBook } from './rule-book.js';
import type { ScreeningSubject } from './subject.js';

const TODAY = '2026-03-01';
const TO_PARIS = {
  legs: [leg('AMS', 'CDG', '2026-03-10', '2026-03-11')],
  portOfDisembarkation: 'CDG',
};

interface Scenario {
  name: string;
  subject: ScreeningSubject;
  raised: string[];
  outcome: CheckOutcome;
  rules?: RuleBook;
  policy?: DestinationPolicy;
}

function run(scenario: Pick<Scenario, 'subject' | 'rules' | 'policy'>) {
  return documentValidityCheck(scenario.subject, {
    rules: scenario.rules ?? RULES,
    today: TODAY,
    policy: scenario.policy ?? DEFAULT_DESTINATION_POLICY,
    stateOfAirport,
  });
}

function expectScenario(scenario: Scenario): void {
  const result = run(scenario);
  expect(raised(result)).toEqual(scenario.raised);
  expect(result.outcome).toBe(scenario.outcome);
}

describe('documentValidityCheck', () => {
  it('passes a valid passport, recording the rule set version', () => {
    const result = run({ subject: traveller() });
    expect(result).toEqual({
      check: DOCUMENT_VALIDITY,
      version: RULE_SET_VERSION,
      outcome: 'passed',
      findings: [],
    });
  });

  it('is not applicable without documents or birth date', () => {
    expect(run({ subject: traveller({ documents: [], birthDate: '' }) }).outcome).toBe('not-applicable');
  });

  describe('DOCUMENT_EXPIRED', () => {
    it.each<Scenario>([
      {
        name: 'a passport that expired the day before departure',
        subject: traveller({ documents: [passport({ expiryDate: '2026-03-09' })] }),
        raised: ['DOCUMENT_EXPIRED documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'without legs, a document expired before today',
        subject: traveller({ legs: [], documents: [passport({ expiryDate: '2026-02-28' })] }),
        raised: ['DOCUMENT_EXPIRED documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'the second document, named by its index',
        subject: traveller({ documents: [passport(), identityCard({ expiryDate: '2025-01-01' })] }),
        raised: ['DOCUMENT_EXPIRED documents[1].expiryDate'],
        outcome: 'failed',
      },
    ])('raises for $name', expectScenario);

    it.each<Scenario>([
      {
        name: 'a passport valid through the travel (and arrival) date',
        subject: traveller({ documents: [passport({ expiryDate: '2026-03-10' })] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'an expired visa (visas are judged by the visa checks)',
        subject: traveller({ documents: [passport(), visa({ expiryDate: '2020-01-01' })] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a return leg after the expiry date (the first departure is the travel date)',
        subject: traveller({
          legs: [leg('AMS', 'JFK', '2026-03-10', '2026-03-10'), leg('JFK', 'AMS', '2030-03-20')],
        }),
        raised: [],
        outcome: 'passed',
      },
    ])('does not raise for $name', expectScenario);

    it('raises nothing when disabled, leaving the shortfall to the remaining-validity rule', () => {
      const result = run({
        subject: traveller({ documents: [passport({ expiryDate: '2026-03-09' })] }),
        rules: rulesWith('DOCUMENT_EXPIRED', { enabled: false }),
      });
      expect(raised(result)).toEqual(['INSUFFICIENT_REMAINING_VALIDITY documents[0].expiryDate']);
    });
  });

  describe('INSUFFICIENT_REMAINING_VALIDITY', () => {
    it.each<Scenario>([
      {
        name: 'a third-country passport valid < 3 months beyond arrival in Schengen',
        subject: traveller({
          ...TO_PARIS,
          nationality: 'USA',
          documents: [passport({ expiryDate: '2026-06-10' })],
        }),
        raised: ['INSUFFICIENT_REMAINING_VALIDITY documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'Schengen looked up under the ISO code DEU the airport table may give',
        subject: traveller({
          legs: [leg('AMS', 'FRA', '2026-03-10')],
          portOfDisembarkation: 'FRA',
          nationality: 'USA',
          documents: [passport({ expiryDate: '2026-04-01' })],
        }),
        raised: ['INSUFFICIENT_REMAINING_VALIDITY documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'six months for Singapore, counted from the departure date when arrival is not reported',
        subject: traveller({
          legs: [leg('AMS', 'SIN', '2026-03-10')],
          portOfDisembarkation: 'SIN',
          documents: [passport({ expiryDate: '2026-09-09' })],
        }),
        raised: ['INSUFFICIENT_REMAINING_VALIDITY documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'a passport expiring during the flight (no minimum at the destination)',
        subject: traveller({
          legs: [leg('AMS', 'JFK', '2026-03-10', '2026-03-11')],
          documents: [passport({ expiryDate: '2026-03-10' })],
        }),
        raised: ['INSUFFICIENT_REMAINING_VALIDITY documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'the policy default for destinations without their own minimum',
        subject: traveller({ documents: [passport({ expiryDate: '2026-04-01' })] }),
        policy: { ...DEFAULT_DESTINATION_POLICY, defaultMinimumValidityMonths: 2 },
        raised: ['INSUFFICIENT_REMAINING_VALIDITY documents[0].expiryDate'],
        outcome: 'failed',
      },
    ])('raises for $name', expectScenario);

    it.each<Scenario>([
      {
        name: 'a third-country passport valid exactly 3 months beyond arrival',
        subject: traveller({
          ...TO_PARIS,
          nationality: 'USA',
          documents: [passport({ expiryDate: '2026-06-11' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'an EU citizen entering the Schengen area (exempt)',
        subject: traveller({ ...TO_PARIS, documents: [passport({ expiryDate: '2026-03-12' })] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a national entering the own state',
        subject: traveller({
          legs: [leg('CDG', 'SIN', '2026-03-10')],
          portOfDisembarkation: 'SIN',
          nationality: 'SGP',
          documents: [passport({ issuingState: 'SGP', expiryDate: '2026-04-01' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'the outbound arrival date of a round trip, not the return',
        subject: traveller({
          nationality: 'USA',
          legs: [leg('AMS', 'CDG', '2026-03-10', '2026-03-11'), leg('CDG', 'AMS', '2026-05-20')],
          portOfDisembarkation: 'CDG',
          documents: [passport({ expiryDate: '2026-06-11' })],
        }),
        raised: [],
        outcome: 'passed',
      },
    ])('does not raise for $name', expectScenario);

    it('still holds exempt nationalities to a document valid on arrival', () => {
      const subject = traveller({ ...TO_PARIS, documents: [passport({ expiryDate: '2026-03-10' })] });
      expect(raised(run({ subject }))).toEqual(['INSUFFICIENT_REMAINING_VALIDITY documents[0].expiryDate']);
    });
  });

  describe('VALIDITY_EXCEEDS_ISSUER_MAXIMUM', () => {
    it.each<Scenario>([
      {
        name: 'an 11-year passport',
        subject: traveller({ documents: [passport({ issueDate: '2020-01-01', expiryDate: '2031-01-01' })] }),
        raised: ['VALIDITY_EXCEEDS_ISSUER_MAXIMUM documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'one day beyond 10 years and 6 months of grace',
        subject: traveller({ documents: [passport({ issueDate: '2020-01-01', expiryDate: '2030-07-02' })] }),
        raised: ['VALIDITY_EXCEEDS_ISSUER_MAXIMUM documents[0].expiryDate'],
        outcome: 'failed',
      },
      {
        name: 'an issuer maximum lowered for identity cards in the policy',
        subject: traveller({
          ...TO_PARIS,
          documents: [identityCard({ issueDate: '2020-01-01', expiryDate: '2027-01-01' })],
        }),
        policy: {
          ...DEFAULT_DESTINATION_POLICY,
          maximumValidityYears: {
            default: 10,
            graceMonths: 0,
            byIssuer: { NLD: { byType: { IDENTITY_CARD: 5 } } },
          },
        },
        raised: ['VALIDITY_EXCEEDS_ISSUER_MAXIMUM documents[0].expiryDate'],
        outcome: 'failed',
      },
    ])('raises for $name', expectScenario);

    it.each<Scenario>([
      {
        name: 'exactly 10 years and 6 months',
        subject: traveller({ documents: [passport({ issueDate: '2020-01-01', expiryDate: '2030-07-01' })] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a British passport carrying 9 months over',
        subject: traveller({
          documents: [passport({ issuingState: 'GBR', issueDate: '2017-06-01', expiryDate: '2028-03-01' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a permanent Spanish identity card',
        subject: traveller({
          ...TO_PARIS,
          nationality: 'ESP',
          documents: [
            identityCard({ issuingState: 'ESP', issueDate: '2019-05-01', expiryDate: '9999-01-01' }),
          ],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a document without issue date',
        subject: traveller({ documents: [passport({ issueDate: undefined, expiryDate: '2040-01-01' })] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a long-validity visa',
        subject: traveller({
          documents: [passport(), visa({ issueDate: '2020-01-01', expiryDate: '2040-01-01' })],
        }),
        raised: [],
        outcome: 'passed',
      },
    ])('does not raise for $name', expectScenario);
  });

  describe('BIRTH_DATE_IN_FUTURE and IMPOSSIBLE_AGE', () => {
    it.each<Scenario>([
      {
        name: 'a birth date after today',
        subject: traveller({ birthDate: '2026-03-02' }),
        raised: ['BIRTH_DATE_IN_FUTURE birthDate'],
        outcome: 'failed',
      },
      {
        name: 'a birth year after this year',
        subject: traveller({ birthDate: '2027' }),
        raised: ['BIRTH_DATE_IN_FUTURE birthDate'],
        outcome: 'failed',
      },
      {
        name: 'a traveller of 126',
        subject: traveller({ birthDate: '1900-01-01' }),
        raised: ['IMPOSSIBLE_AGE birthDate'],
        outcome: 'failed',
      },
      {
        name: 'a traveller turning 121 the day before travel',
        subject: traveller({ birthDate: '1905-03-09' }),
        raised: ['IMPOSSIBLE_AGE birthDate'],
        outcome: 'failed',
      },
      {
        name: 'a document issued before birth',
        subject: traveller({
          birthDate: '2020-05-01',
          documents: [passport({ issueDate: '2019-01-01', expiryDate: '2029-01-01' })],
        }),
        raised: ['IMPOSSIBLE_AGE documents[0].issueDate'],
        outcome: 'failed',
      },
    ])('raises for $name', expectScenario);

    it.each<Scenario>([
      {
        name: 'this year at year precision',
        subject: traveller({ birthDate: '2026', documents: [passport({ issueDate: '2026-01-01' })] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'this month at month precision',
        subject: traveller({ birthDate: '2026-03', documents: [passport({ issueDate: '2026-03-01' })] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a year whose last day gives exactly 120 years',
        subject: traveller({ birthDate: '1905' }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a traveller turning 121 on the day after travel',
        subject: traveller({ birthDate: '1905-03-11' }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a higher maximum age set as the rule parameter',
        subject: traveller({ birthDate: '1900-01-01' }),
        rules: rulesWith('IMPOSSIBLE_AGE', { parameters: { maximumAgeYears: 130 } }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a document issued in the birth year known only by its year',
        subject: traveller({
          birthDate: '2019',
          documents: [passport({ issueDate: '2019-02-01', expiryDate: '2029-02-01' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'an unreadable birth date',
        subject: traveller({ birthDate: '12/08/74' }),
        raised: [],
        outcome: 'passed',
      },
    ])('does not raise for $name', expectScenario);
  });

  describe('DOCUMENT_TYPE_NOT_ACCEPTED', () => {
    it.each<Scenario>([
      {
        name: 'a US citizen on an identity card into the Schengen area',
        subject: traveller({
          ...TO_PARIS,
          nationality: 'USA',
          documents: [identityCard({ issuingState: 'USA' })],
        }),
        raised: ['DOCUMENT_TYPE_NOT_ACCEPTED documents[0].type'],
        outcome: 'failed',
      },
      {
        name: 'each presented document, a visa aside',
        subject: traveller({
          ...TO_PARIS,
          nationality: 'USA',
          documents: [
            visa(),
            identityCard({ issuingState: 'USA' }),
            passport({ code: 'AC', type: 'CREW_MEMBER_CERTIFICATE' }),
          ],
        }),
        raised: [
          'DOCUMENT_TYPE_NOT_ACCEPTED documents[1].type',
          'DOCUMENT_TYPE_NOT_ACCEPTED documents[2].type',
        ],
        outcome: 'failed',
      },
      {
        name: 'an identity card into the United States',
        subject: traveller({ documents: [identityCard()] }),
        raised: ['DOCUMENT_TYPE_NOT_ACCEPTED documents[0].type'],
        outcome: 'failed',
      },
    ])('raises for $name', expectScenario);

    it.each<Scenario>([
      {
        name: 'an EU citizen on an identity card into the Schengen area',
        subject: traveller({ ...TO_PARIS, documents: [identityCard()] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'an identity card beside an accepted passport',
        subject: traveller({ ...TO_PARIS, nationality: 'USA', documents: [identityCard(), passport()] }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'crew on a crew member certificate',
        subject: traveller({
          ...TO_PARIS,
          role: 'crew',
          nationality: 'USA',
          documents: [passport({ code: 'AC', type: 'CREW_MEMBER_CERTIFICATE' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a permanent resident card into the United States',
        subject: traveller({
          documents: [passport({ code: 'C', type: 'RESIDENCE_PERMIT', issuingState: 'USA' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'any document where the destination sets no list',
        subject: traveller({
          legs: [leg('AMS', 'LHR', '2026-03-10')],
          portOfDisembarkation: 'LHR',
          documents: [identityCard()],
        }),
        raised: [],
        outcome: 'passed',
      },
    ])('does not raise for $name', expectScenario);
  });

  describe('missing data is information, not an alarm', () => {
    it.each<Scenario>([
      {
        name: 'a passport without expiry date',
        subject: traveller({ documents: [passport({ expiryDate: undefined })] }),
        raised: ['VALIDITY_DATA_MISSING documents[0].expiryDate'],
        outcome: 'passed',
      },
      {
        name: 'an expiry date that is no calendar date',
        subject: traveller({ documents: [passport({ expiryDate: '2026-02-30' })] }),
        raised: ['VALIDITY_DATA_MISSING documents[0].expiryDate'],
        outcome: 'passed',
      },
      {
        name: 'an airport the reference data does not know',
        subject: traveller({ legs: [leg('AMS', 'XYZ', '2026-03-10')], portOfDisembarkation: '' }),
        raised: ['VALIDITY_DATA_MISSING legs[0].arrivalAirport'],
        outcome: 'passed',
      },
      {
        name: 'no nationality where acceptance depends on it',
        subject: traveller({ ...TO_PARIS, nationality: '', documents: [identityCard()] }),
        raised: ['VALIDITY_DATA_MISSING nationality'],
        outcome: 'passed',
      },
    ])('says so for $name', expectScenario);

    it('says nothing for a visa or residence permit without expiry date', () => {
      const subject = traveller({
        documents: [
          passport(),
          visa({ expiryDate: undefined }),
          passport({ type: 'RESIDENCE_PERMIT', expiryDate: '' }),
        ],
      });
      expect(run({ subject }).findings).toEqual([]);
    });

    it('raises nothing of a disabled informational rule', () => {
      const subject = traveller({ documents: [passport({ expiryDate: undefined })] });
      const result = run({ subject, rules: rulesWith('VALIDITY_DATA_MISSING', { enabled: false }) });
      expect(result).toMatchObject({ outcome: 'passed', findings: [] });
    });
  });

  it('takes severity, action and version from the rule set', () => {
    const rules = rulesWith('DOCUMENT_EXPIRED', { version: 3, severity: 'critical' });
    const subject = traveller({ documents: [passport({ expiryDate: '2026-03-09' })] });
    expect(run({ subject, rules }).findings[0]).toMatchObject({
      code: 'DOCUMENT_EXPIRED',
      rule: 'DOCUMENT_EXPIRED',
      ruleVersion: 3,
      severity: 'critical',
      action: 'do-not-board',
    });
  });

  it('never puts names, birth dates or document numbers in messages', () => {
    const subject = traveller({
      ...TO_PARIS,
      nationality: 'USA',
      birthDate: '1900-01-01',
      documents: [identityCard({ number: 'IXR4F2K71', issueDate: '1899-01-01', expiryDate: '2026-03-09' })],
    });
    const result = run({ subject });
    expect(result.findings.length).toBeGreaterThanOrEqual(3);
    const messages = result.findings.map((finding) => finding.message).join('\n');
    for (const value of ['ERIKSSON', 'ANNA', 'MARIA', '1900', 'IXR4F2K71', '2026-03-09']) {
      expect(messages).not.toContain(value);
    }
  });
});
