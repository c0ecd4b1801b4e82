// Travellers and a whole ScreeningContext for specs that run screenTraveller: an ICAO 9303 TD3 MRZ
// with correct check digits for invented documents, a stand-in lost/stolen index and a small visa
// matrix. Screening day 2026-11-28, flights on 2026-12-01. Data is made up.
import { checkDigit } from '@docscreen/mrz';
import { bundledAirportDirectory, VisaMatrix, type VisaRequirement } from '@docscreen/visa-rules';
import { DEFAULT_RULE_SET } from '../default-rule-set.js';
import { DEFAULT_DESTINATION_POLICY } from '../destination-policy.js';
import type { ListedLookup } from '../lost-stolen.check.js';
import { RuleBook } from '../rule-book.js';
import type { ScreeningContext } from '../screen-traveller.js';
import type { ScreeningSubject, SubjectDocument, SubjectLeg } from '../subject.js';

export const TODAY = '2026-11-28';

export interface Td3Fields {
  state: string;
  number: string;
  nationality: string;
  birth: string;
  sex: string;
  expiry: string;
  surname: string;
  given: string;
}

/** An ICAO 9303 TD3 MRZ with correct check digits, for documents the test invents. */
export function td3(o: Td3Fields): string[] {
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

export const legs = (...airports: string[]): SubjectLeg[] =>
  airports.slice(1).map((arrival, i) => ({
    departureAirport: airports[i]!,
    arrivalAirport: arrival,
    departureDate: '2026-12-01',
  }));

/** Jane Doe on a passport of `state` (her nationality unless given) along `route`, with a valid MRZ. */
export function traveller(o: {
  nationality: string;
  state?: string;
  number: string;
  expiry?: string;
  route: string[];
  mrz?: 'valid' | 'tampered' | 'none';
  /** Fields of the MRZ that differ from the declared data (e.g. an impossible birth date). */
  mrzFields?: Partial<Td3Fields>;
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
    ...o.mrzFields,
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

/** A visa of `issuingState`, valid through 2027. */
export function visa(issuingState: string, change: Partial<SubjectDocument> = {}): SubjectDocument {
  return {
    code: 'V',
    type: 'VISA',
    number: 'V7654321',
    issuingState,
    mrzLines: [],
    visaKind: 'entry',
    validFrom: '2026-01-01',
    validUntil: '2027-12-31',
    ...change,
  };
}

/**
 * A stand-in for the lost/stolen index: a pure function over a fixed list (the real one is tested in
 * sltd-index). Listed: NLD NX1234567 and the French visa V0000666; the German blank series
 * C01000000–C01999999; BEL lists NX7777777, which other states' documents may share.
 */
export const index: ListedLookup = {
  lookup: (state, number) => {
    if (state === 'NLD' && number === 'NX1234567') return [{ kind: 'record', status: 'stolen' }];
    if (state === 'FRA' && number === 'V0000666') return [{ kind: 'record', status: 'revoked' }];
    if (state === 'D' && /^C01[0-9]{6}$/.test(number))
      return [{ kind: 'blank-series', status: 'stolen_blank' }];
    if (state === 'BEL' && number === 'NX7777777') return [{ kind: 'record', status: 'lost' }];
    return [];
  },
  listedElsewhere: (state, number) => (number === 'NX7777777' && state !== 'BEL' ? ['BEL'] : []),
};

const requirement = (kind: VisaRequirement['kind']): VisaRequirement => ({ kind }) as VisaRequirement;
export const matrix = VisaMatrix.fromEntries(
  { version: 'test-1', source: 'test', importedAt: '2026-11-01T00:00:00Z' },
  [
    { nationality: 'NLD', destination: 'GBR', requirement: { kind: 'visa-free', days: 180 } },
    { nationality: 'NLD', destination: 'USA', requirement: requirement('eta') },
    { nationality: 'D', destination: 'GBR', requirement: { kind: 'visa-free', days: 180 } },
    { nationality: 'D', destination: 'USA', requirement: requirement('eta') },
    { nationality: 'AFG', destination: 'D', requirement: requirement('visa-required') },
    { nationality: 'AFG', destination: 'FRA', requirement: requirement('visa-required') },
    { nationality: 'AFG', destination: 'BRA', requirement: { kind: 'visa-free', days: 30 } },
    { nationality: 'AFG', destination: 'ARE', requirement: requirement('visa-on-arrival') },
    { nationality: 'AFG', destination: 'IND', requirement: requirement('e-visa') },
    { nationality: 'ISR', destination: 'KWT', requirement: requirement('no-admission') },
    { nationality: 'BRA', destination: 'FRA', requirement: { kind: 'visa-free', days: 90 } },
    { nationality: 'BRA', destination: 'D', requirement: { kind: 'visa-free', days: 90 } },
    { nationality: 'USA', destination: 'FRA', requirement: { kind: 'visa-free', days: 90 } },
  ],
  [{ transitState: 'D', nationality: 'AFG' }],
);

/** The default rule set, the index and matrix above, the bundled airports; any part replaced. */
export const context = (overrides: Partial<ScreeningContext> = {}): ScreeningContext => ({
  rules: new RuleBook(DEFAULT_RULE_SET),
  index,
  matrix,
  airports: bundledAirportDirectory(),
  policy: DEFAULT_DESTINATION_POLICY,
  violations: () => [],
  today: TODAY,
  ...overrides,
});
