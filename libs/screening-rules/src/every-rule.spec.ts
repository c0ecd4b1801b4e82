import type { ViolationRecord } from './visa-scrutiny.check.js';
import { DEFAULT_RULE_SET } from './default-rule-set.js';
import { RuleBook } from './rule-book.js';
import { screenTraveller, type ScreeningContext } from './screen-traveller.js';
import type { ScreeningSubject, SubjectDocument } from './subject.js';
import { context, legs, traveller, visa } from './__fixtures__/screening-context.js';

// Every rule of the default rule set, both ways: one traveller it raises a finding for and one it
// does not, screened by screenTraveller with the rule enabled. A rule added to DEFAULT_RULE_SET
// without its two cases fails the first test: no rule goes untested.

interface RuleCase {
  subject: ScreeningSubject;
  context?: Partial<ScreeningContext>;
}

const CLEAN_GERMAN = traveller({ nationality: 'D', number: 'C02345678', route: ['FRA', 'LHR'] });
const AFGHAN_TO_PARIS = (extra: SubjectDocument[]) =>
  traveller({ nationality: 'AFG', number: 'P01234567', route: ['DXB', 'CDG'], extra });
const RECORDS: ViolationRecord[] = [{ kind: 'overstay', state: 'GBR', recordedOn: '2023-10-01' }];
const BRAZILIAN_STAY = (until: string): ScreeningSubject => ({
  ...traveller({ nationality: 'BRA', number: 'FZ123456', route: ['GRU', 'CDG'] }),
  legs: [...legs('GRU', 'CDG'), { departureAirport: 'CDG', arrivalAirport: 'GRU', departureDate: until }],
  portOfDisembarkation: 'CDG',
  transitPorts: [],
});
const withDocument = (subject: ScreeningSubject, change: Partial<ScreeningSubject['documents'][0]>) => ({
  ...subject,
  documents: [{ ...subject.documents[0]!, ...change }, ...subject.documents.slice(1)],
});

const CASES: Record<string, { raises: RuleCase; doesNotRaise: RuleCase }> = {
  DOCUMENT_LISTED: {
    raises: { subject: traveller({ nationality: 'NLD', number: 'NX1234567', route: ['AMS', 'LHR'] }) },
    doesNotRaise: { subject: traveller({ nationality: 'NLD', number: 'NX1234568', route: ['AMS', 'LHR'] }) },
  },
  DOCUMENT_FROM_STOLEN_BLANK: {
    raises: { subject: traveller({ nationality: 'D', number: 'C01500000', route: ['FRA', 'LHR'] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  DOCUMENT_LISTED_ELSEWHERE: {
    // Belgium lists NX7777777; the Dutch passport with the same number is another document.
    raises: { subject: traveller({ nationality: 'NLD', number: 'NX7777777', route: ['AMS', 'LHR'] }) },
    doesNotRaise: { subject: traveller({ nationality: 'NLD', number: 'NX7777778', route: ['AMS', 'LHR'] }) },
  },
  MRZ_CHECK_DIGIT: {
    raises: {
      subject: traveller({ nationality: 'D', number: 'C02345678', route: ['FRA', 'LHR'], mrz: 'tampered' }),
    },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  MRZ_INVALID_FIELD: {
    // A 13th month, with a check digit that matches it: well-formed, but no genuine issuing system writes it.
    raises: {
      subject: traveller({
        nationality: 'D',
        number: 'C02345678',
        route: ['FRA', 'LHR'],
        mrzFields: { birth: '1985-13-14' },
      }),
    },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  MRZ_UNREADABLE: {
    raises: { subject: withDocument(CLEAN_GERMAN, { mrzLines: ['NOT AN MRZ'] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  DOCUMENT_EXPIRED: {
    raises: {
      subject: traveller({
        nationality: 'D',
        number: 'C02345678',
        route: ['FRA', 'LHR'],
        expiry: '2026-11-30',
      }),
    },
    doesNotRaise: {
      subject: traveller({
        nationality: 'D',
        number: 'C02345678',
        route: ['FRA', 'LHR'],
        expiry: '2026-12-02',
      }),
    },
  },
  INSUFFICIENT_REMAINING_VALIDITY: {
    // A third-country national needs three months beyond the stay in the Schengen area.
    raises: {
      subject: traveller({
        nationality: 'USA',
        number: '123456789',
        route: ['JFK', 'CDG'],
        expiry: '2027-01-15',
      }),
    },
    doesNotRaise: {
      subject: traveller({
        nationality: 'USA',
        number: '123456789',
        route: ['JFK', 'CDG'],
        expiry: '2027-09-15',
      }),
    },
  },
  VALIDITY_EXCEEDS_ISSUER_MAXIMUM: {
    raises: { subject: withDocument(CLEAN_GERMAN, { issueDate: '2020-01-01', expiryDate: '2031-01-01' }) },
    doesNotRaise: {
      subject: withDocument(CLEAN_GERMAN, { issueDate: '2020-01-01', expiryDate: '2030-01-01' }),
    },
  },
  BIRTH_DATE_IN_FUTURE: {
    raises: { subject: { ...CLEAN_GERMAN, birthDate: '2026-11-29' } },
    doesNotRaise: { subject: { ...CLEAN_GERMAN, birthDate: '2026-11-27' } },
  },
  IMPOSSIBLE_AGE: {
    raises: { subject: { ...CLEAN_GERMAN, birthDate: '1900-01-01' } },
    doesNotRaise: { subject: { ...CLEAN_GERMAN, birthDate: '1910-01-01' } },
  },
  DOCUMENT_TYPE_NOT_ACCEPTED: {
    // A US citizen cannot enter the Schengen area on an identity card.
    raises: {
      subject: withDocument(traveller({ nationality: 'USA', number: '123456789', route: ['JFK', 'CDG'] }), {
        code: 'I',
        type: 'IDENTITY_CARD',
        mrzLines: [],
      }),
    },
    doesNotRaise: { subject: traveller({ nationality: 'USA', number: '123456789', route: ['JFK', 'CDG'] }) },
  },
  VALIDITY_DATA_MISSING: {
    raises: { subject: withDocument(CLEAN_GERMAN, { expiryDate: undefined, mrzLines: [] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  MRZ_DECLARED_MISMATCH: {
    raises: { subject: { ...CLEAN_GERMAN, surname: 'ROE' } },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  UNKNOWN_ISSUING_STATE: {
    raises: { subject: withDocument(CLEAN_GERMAN, { issuingState: 'ABC', mrzLines: [] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  SPECIMEN_DOCUMENT: {
    raises: { subject: traveller({ nationality: 'UTO', number: 'L898902C3', route: ['FRA', 'LHR'] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  NUMBER_FORMAT_MISMATCH: {
    // Dutch numbers never contain the letter O.
    raises: { subject: traveller({ nationality: 'NLD', number: 'SPECO2014', route: ['AMS', 'LHR'] }) },
    doesNotRaise: { subject: traveller({ nationality: 'NLD', number: 'SPEC12014', route: ['AMS', 'LHR'] }) },
  },
  NUMBER_FORMAT_UNKNOWN: {
    // No Brazilian formats on record: information only.
    raises: { subject: BRAZILIAN_STAY('2026-12-20') },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  VISA_NO_REFERENCE_DATA: {
    raises: { subject: CLEAN_GERMAN, context: { matrix: undefined } },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  VISA_REQUIREMENT_UNKNOWN: {
    raises: { subject: traveller({ nationality: 'D', number: 'C02345678', route: ['FRA', 'QQQ'] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  NO_ADMISSION: {
    raises: { subject: traveller({ nationality: 'ISR', number: '12345678', route: ['IST', 'KWI'] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  VISA_REQUIRED_MISSING: {
    raises: { subject: AFGHAN_TO_PARIS([]) },
    doesNotRaise: { subject: AFGHAN_TO_PARIS([visa('FRA')]) },
  },
  VISA_EVISA_NOT_REPORTED: {
    raises: { subject: traveller({ nationality: 'AFG', number: 'P01234567', route: ['KBL', 'DEL'] }) },
    doesNotRaise: {
      subject: traveller({
        nationality: 'AFG',
        number: 'P01234567',
        route: ['KBL', 'DEL'],
        extra: [visa('IND')],
      }),
    },
  },
  VISA_ETA_REQUIRED: {
    raises: { subject: traveller({ nationality: 'D', number: 'C02345678', route: ['FRA', 'JFK'] }) },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
  VISA_WRONG_ISSUER: {
    raises: { subject: AFGHAN_TO_PARIS([visa('GBR')]) },
    doesNotRaise: { subject: AFGHAN_TO_PARIS([visa('FRA')]) },
  },
  VISA_NOT_VALID_ON_ARRIVAL: {
    raises: { subject: AFGHAN_TO_PARIS([visa('FRA', { validUntil: '2026-11-30' })]) },
    doesNotRaise: { subject: AFGHAN_TO_PARIS([visa('FRA', { validUntil: '2026-12-01' })]) },
  },
  VISA_WRONG_KIND: {
    raises: { subject: AFGHAN_TO_PARIS([visa('FRA', { visaKind: 'transit' })]) },
    doesNotRaise: { subject: AFGHAN_TO_PARIS([visa('FRA', { visaKind: 'entry' })]) },
  },
  VISA_DOCUMENT_LISTED: {
    raises: { subject: AFGHAN_TO_PARIS([visa('FRA', { number: 'V0000666' })]) },
    doesNotRaise: { subject: AFGHAN_TO_PARIS([visa('FRA', { number: 'V0000667' })]) },
  },
  VISA_STAY_EXCEEDS_VISA_FREE_PERIOD: {
    // 90 days visa-free: back on 2027-03-10 is 100 days in the Schengen area, on 2027-02-20 it is 82.
    raises: { subject: BRAZILIAN_STAY('2027-03-10') },
    doesNotRaise: { subject: BRAZILIAN_STAY('2027-02-20') },
  },
  TRANSIT_WITHOUT_ONWARD_LEG: {
    raises: {
      subject: traveller({
        nationality: 'D',
        number: 'C02345678',
        route: ['FRA', 'LHR'],
        role: 'transit-passenger',
      }),
    },
    doesNotRaise: {
      subject: traveller({
        nationality: 'D',
        number: 'C02345678',
        route: ['FRA', 'LHR', 'JFK'],
        role: 'transit-passenger',
      }),
    },
  },
  AIRPORT_TRANSIT_VISA_MISSING: {
    // Germany asks Afghans for an airport transit visa; a Brazilian stop needs none.
    raises: { subject: traveller({ nationality: 'AFG', number: 'P07654321', route: ['DXB', 'FRA', 'GRU'] }) },
    doesNotRaise: { subject: traveller({ nationality: 'AFG', number: 'P07654321', route: ['DXB', 'GRU'] }) },
  },
  RECORDED_VISA_VIOLATION: {
    raises: { subject: CLEAN_GERMAN, context: { violations: () => RECORDS } },
    doesNotRaise: { subject: CLEAN_GERMAN },
  },
};

/** The rules that `c` raises, all checks, information findings included, with rule `id` enabled. */
function raisedBy(id: string, c: RuleCase): string[] {
  const rules = new RuleBook({
    version: 'every-rule',
    rules: DEFAULT_RULE_SET.rules.map((rule) => (rule.id === id ? { ...rule, enabled: true } : rule)),
  });
  const screening = screenTraveller(c.subject, context({ rules, ...c.context }));
  return screening.checks.flatMap((check) => check.findings.map((finding) => finding.rule ?? finding.code));
}

describe('every rule of the default rule set, both ways', () => {
  it('has a case that raises it and one that does not for each rule, and no case for a rule it lacks', () => {
    expect(Object.keys(CASES).sort()).toEqual(DEFAULT_RULE_SET.rules.map((rule) => rule.id).sort());
  });

  it.each(Object.entries(CASES))('%s', (id, { raises, doesNotRaise }) => {
    expect(raisedBy(id, raises)).toContain(id);
    expect(raisedBy(id, doesNotRaise)).not.toContain(id);
  });
});
