import { checkDigit } from '@docscreen/mrz';
import { bundledAirportDirectory, VisaMatrix, type VisaRequirement } from '@docscreen/visa-rules';
import { DEFAULT_RULE_SET } from './default-rule-set.js';
import { DEFAULT_DESTINATION_POLICY } from './destination-policy.js';
import type { ListedLookup } from './lost-stolen.check.js';
import { RuleBook } from './rule-book.js';
import { screenTraveller, type ScreeningContext } from './screen-traveller.js';
import type { ScreeningSubject, SubjectDocument, SubjectLeg } from './subject.js';

// The issue's acceptance manifest, screened by the one engine: a listed passport, a passport from a
// stolen blank series, a tampered MRZ, an expired document, a missing required visa, a transit-visa
// case, and clean travellers — each yields exactly its expected hits, with readable reasons.

const TODAY = '2026-11-28';

/** An ICAO 9303 TD3 MRZ with correct check digits, for documents the test invents. */
function td3(o: {
  state: string;
  number: string;
  nationality: string;
  birth: string;
  sex: string;
  expiry: string;
  surname: string;
  given: string;
}): string[] {
  const pad = (s: string, n: number) => s.padEnd(n, '<').slice(0, n);
  const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  const number = pad(o.number, 9);
  const birth = yymmdd(o.birth);
  const expiry = yymmdd(o.expiry);
  const optional = pad('', 14);
  const line2 =
    number +
    checkDigit(number) +
    o.nationality.padEnd(3, '<') +
    birth +
    checkDigit(birth) +
    o.sex +
    expiry +
    checkDigit(expiry) +
    optional +
    checkDigit(optional);
  const composite = line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43);
  return [
    pad(`P<${o.state.padEnd(3, '<')}${o.surname}<<${o.given.replace(/ /g, '<')}`, 44),
    line2 + checkDigit(composite),
  ];
}

const legs = (...airports: string[]): SubjectLeg[] =>
  airports.slice(1).map((arrival, i) => ({
    departureAirport: airports[i]!,
    arrivalAirport: arrival,
    departureDate: '2026-12-01',
  }));

function traveller(o: {
  nationality: string;
  state?: string;
  number: string;
  expiry?: string;
  route: string[];
  mrz?: 'valid' | 'tampered' | 'none';
  extra?: SubjectDocument[];
  role?: ScreeningSubject['role'];
}): ScreeningSubject {
  const state = o.state ?? o.nationality;
  const expiry = o.expiry ?? '2032-05-31';
  const mrz = td3({
    state,
    number: o.number,
    nationality: o.nationality,
    birth: '1985-03-14',
    sex: 'F',
    expiry,
    surname: 'DOE',
    given: 'JANE',
  });
  const mrzLines =
    o.mrz === 'none' ? [] : o.mrz === 'tampered' ? [mrz[0]!, mrz[1]!.replace('850314', '850315')] : mrz;
  const route = legs(...o.route);
  return {
    role: o.role ?? 'passenger',
    surname: 'DOE',
    givenNames: 'JANE',
    birthDate: '1985-03-14',
    sex: 'F',
    nationality: o.nationality,
    documents: [
      {
        code: 'P',
        type: 'PASSPORT',
        number: o.number,
        issuingState: state,
        issueDate: '2022-06-01',
        expiryDate: expiry,
        mrzLines,
      },
      ...(o.extra ?? []),
    ],
    legs: route,
    portOfEmbarkation: o.route[0]!,
    portOfDisembarkation: o.route.at(-1)!,
    transitPorts: o.route.slice(1, -1),
  };
}

/** A stand-in for the lost/stolen index: a pure function over a fixed list (the real one is tested in sltd-index). */
const index: ListedLookup = {
  lookup: (state, number) => {
    if (state === 'NLD' && number === 'NX1234567') return [{ kind: 'record', status: 'stolen' }];
    if (state === 'D' && /^C01[0-9]{6}$/.test(number))
      return [{ kind: 'blank-series', status: 'stolen_blank' }];
    return [];
  },
  listedElsewhere: () => [],
};

const requirement = (kind: VisaRequirement['kind']): VisaRequirement => ({ kind }) as VisaRequirement;
const matrix = VisaMatrix.fromEntries(
  { version: 'test-1', source: 'test', importedAt: '2026-11-01T00:00:00Z' },
  [
    { nationality: 'NLD', destination: 'GBR', requirement: { kind: 'visa-free', days: 180 } },
    { nationality: 'NLD', destination: 'USA', requirement: requirement('eta') },
    { nationality: 'D', destination: 'GBR', requirement: { kind: 'visa-free', days: 180 } },
    { nationality: 'AFG', destination: 'D', requirement: requirement('visa-required') },
    { nationality: 'AFG', destination: 'BRA', requirement: { kind: 'visa-free', days: 30 } },
    { nationality: 'AFG', destination: 'ARE', requirement: requirement('visa-on-arrival') },
  ],
  [{ transitState: 'D', nationality: 'AFG' }],
);

const context = (overrides: Partial<ScreeningContext> = {}): ScreeningContext => ({
  rules: new RuleBook(DEFAULT_RULE_SET),
  index,
  matrix,
  airports: bundledAirportDirectory(),
  policy: DEFAULT_DESTINATION_POLICY,
  violations: () => [],
  today: TODAY,
  ...overrides,
});

const MANIFEST: [string, ScreeningSubject, string[]][] = [
  [
    'a clean Dutch passenger to London',
    traveller({ nationality: 'NLD', number: 'NP7654321', route: ['AMS', 'LHR'] }),
    [],
  ],
  [
    'a clean German passenger to London',
    traveller({ nationality: 'D', number: 'C02345678', route: ['FRA', 'LHR'] }),
    [],
  ],
  [
    'a listed passport',
    traveller({ nationality: 'NLD', number: 'NX1234567', route: ['AMS', 'LHR'] }),
    ['DOCUMENT_LISTED'],
  ],
  [
    'a passport from a stolen blank series',
    traveller({ nationality: 'D', number: 'C01500000', route: ['FRA', 'LHR'], mrz: 'none' }),
    ['DOCUMENT_FROM_STOLEN_BLANK'],
  ],
  [
    'a tampered MRZ',
    traveller({ nationality: 'NLD', number: 'NP1111111', route: ['AMS', 'LHR'], mrz: 'tampered' }),
    // The altered birth date breaks its check digit and no longer matches the declared one.
    ['MRZ_CHECK_DIGIT', 'MRZ_DECLARED_MISMATCH'],
  ],
  [
    'an expired passport',
    traveller({ nationality: 'NLD', number: 'NP2222222', route: ['AMS', 'LHR'], expiry: '2026-10-31' }),
    ['DOCUMENT_EXPIRED'],
  ],
  [
    'a missing required visa',
    traveller({ nationality: 'AFG', number: 'P01234567', route: ['DXB', 'FRA'] }),
    ['VISA_REQUIRED_MISSING'],
  ],
  [
    'a transit without the airport transit visa',
    traveller({ nationality: 'AFG', number: 'P07654321', route: ['DXB', 'FRA', 'GRU'] }),
    ['AIRPORT_TRANSIT_VISA_MISSING'],
  ],
];

describe('screenTraveller on the acceptance manifest', () => {
  it.each(MANIFEST)('%s', (_name, subject, expected) => {
    const screening = screenTraveller(subject, context());
    const hitRules = [...new Set(screening.hits.map((h) => h.rule))].sort();
    expect(hitRules).toEqual([...expected].sort());
    expect(screening.outcome).toBe(expected.length ? 'hit' : 'clear');
    for (const hit of screening.hits) {
      expect(hit.message.length).toBeGreaterThan(10);
      expect(hit.message).not.toMatch(/DOE|JANE|1985|NX1234567|C01500000|P0123/);
    }
  });

  it('recommends do-not-board for a listed passport and records the rule versions that decided', () => {
    const screening = screenTraveller(MANIFEST[2]![1], context());
    expect(screening.recommendedAction).toBe('do-not-board');
    expect(screening.severity).toBe('high');
    expect(screening.ruleSetVersion).toBe(DEFAULT_RULE_SET.version);
    expect(screening.ruleVersions).toMatchObject({ DOCUMENT_LISTED: 1 });
  });

  it('says "no reference data" instead of clearing when no visa matrix or index is loaded', () => {
    const screening = screenTraveller(MANIFEST[0]![1], context({ matrix: undefined, index: undefined }));
    expect(screening.outcome).toBe('inconclusive');
    const outcomes = Object.fromEntries(screening.checks.map((c) => [c.check, c.outcome]));
    expect(outcomes['visa-scrutiny']).toBe('no-reference-data');
    expect(outcomes['lost-stolen']).toBe('no-reference-data');
  });

  it('switches behaviour with the rule set: a disabled rule no longer hits', () => {
    const rules = new RuleBook({
      version: 'test-disabled',
      rules: DEFAULT_RULE_SET.rules.map((r) => (r.id === 'DOCUMENT_EXPIRED' ? { ...r, enabled: false } : r)),
    });
    const screening = screenTraveller(MANIFEST[5]![1], context({ rules }));
    expect(screening.hits.map((h) => h.rule)).not.toContain('DOCUMENT_EXPIRED');
    expect(screening.ruleSetVersion).toBe('test-disabled');
  });
});
