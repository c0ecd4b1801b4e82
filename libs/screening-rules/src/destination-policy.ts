// Entry requirements of destination states and the validity issuers give their documents: reference
// data for the document-validity check, versioned and replaced as a whole by each deploying state.
import type { DocumentTypeName } from '@docscreen/travel-documents';
import { canonicalStateCode } from './integrity-check-support.js';
import type { TravellerRole } from './subject.js';

/** A document type on which a destination admits travellers, possibly only some of them. */
export interface AcceptedDocumentType {
  type: DocumentTypeName;
  /** ICAO 9303 nationality codes the acceptance is limited to; every nationality when absent. */
  nationalities?: readonly string[] | undefined;
  /** Traveller roles the acceptance is limited to (crew member certificates); every role when absent. */
  roles?: readonly TravellerRole[] | undefined;
}

/** What one destination state requires of the documents travellers enter on. */
export interface DestinationRequirements {
  /**
   * Months a passport or identity card must remain valid beyond the arrival date; the policy's
   * default when absent. Rules phrased "beyond the intended departure from the state" (Schengen's 3
   * months) are approximated as beyond arrival, since the stay's end is not known at check-in: the
   * check then only alarms on documents that certainly fall short.
   */
  minimumValidityMonths?: number | undefined;
  /** Nationalities the minimum does not apply to (EU/EEA/Swiss citizens entering the Schengen area). */
  minimumValidityExemptNationalities?: readonly string[] | undefined;
  /** The document types entry is possible on; any type when absent. */
  acceptedDocumentTypes?: readonly AcceptedDocumentType[] | undefined;
}

/** How long an issuing state ever makes its documents valid, where that differs from the default. */
export interface IssuerValidityLimits {
  /**
   * Longest validity in years for any type of this issuer not in `byType`; `null` where the issuer
   * also issues documents that never expire (a far-future date such as 9999-01-01 is written).
   */
  years?: number | null | undefined;
  byType?: Readonly<Partial<Record<DocumentTypeName, number | null>>> | undefined;
  /** Months tolerated beyond the maximum (carried-over validity, expiry rounded to a birthday). */
  graceMonths?: number | undefined;
}

export interface DestinationPolicy {
  /** Recorded beside the rule set version; bumped with every change of the data. */
  version: string;
  /** Minimum remaining validity in months for destinations that set none; 0 when absent. */
  defaultMinimumValidityMonths?: number | undefined;
  /** By ICAO 9303 state code (`D` for Germany; `DEU` is read as `D`). */
  destinations: Readonly<Record<string, DestinationRequirements>>;
  maximumValidityYears: {
    default: number;
    /** Months tolerated beyond the maximum, unless an issuer sets its own. */
    graceMonths: number;
    /** By ICAO 9303 issuing state code. */
    byIssuer?: Readonly<Record<string, IssuerValidityLimits>> | undefined;
  };
}

function byState<T>(table: Readonly<Record<string, T>> | undefined, state: string): T | undefined {
  if (table === undefined || state === '') return undefined;
  const canonical = canonicalStateCode(state);
  const spellings = canonical === 'D' ? ['D', 'DEU'] : [canonical];
  for (const spelling of spellings) {
    if (Object.hasOwn(table, spelling)) return table[spelling];
  }
  return undefined;
}

export function destinationRequirements(
  policy: DestinationPolicy,
  state: string,
): DestinationRequirements | undefined {
  return byState(policy.destinations, state);
}

export function listsState(states: readonly string[] | undefined, state: string): boolean {
  const canonical = canonicalStateCode(state);
  return states?.some((listed) => canonicalStateCode(listed) === canonical) ?? false;
}

/**
 * The longest validity an issuer gives a document type (`null`: no maximum), and the months
 * tolerated beyond it.
 */
export function maximumValidity(
  policy: DestinationPolicy,
  issuingState: string,
  type: DocumentTypeName | undefined,
): { years: number | null; graceMonths: number } {
  const limits = policy.maximumValidityYears;
  const issuer = byState(limits.byIssuer, issuingState);
  const forType = type === undefined ? undefined : issuer?.byType?.[type];
  const years = forType !== undefined ? forType : issuer?.years !== undefined ? issuer.years : limits.default;
  return { years, graceMonths: issuer?.graceMonths ?? limits.graceMonths };
}

// ---------------------------------------------------------------------------------------------------
// Default policy: ILLUSTRATIVE reference data, to be replaced by each deploying state's own import.
// It paraphrases widely published rules (Schengen Borders Code art. 6, ICAO practice) and is no
// statement of any state's law.
// ---------------------------------------------------------------------------------------------------

/** Citizens of the EU, the EEA and Switzerland (free movement). */
export const EU_EEA_CH_NATIONALITIES: readonly string[] = [
  ...['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'D', 'GRC', 'HUN', 'IRL'],
  ...['ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE'],
  ...['ISL', 'LIE', 'NOR', 'CHE'],
];

/** States applying the Schengen acquis in full (2025). */
export const SCHENGEN_STATES: readonly string[] = [
  ...['AUT', 'BEL', 'BGR', 'HRV', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'D', 'GRC', 'HUN', 'ISL', 'ITA'],
  ...['LVA', 'LIE', 'LTU', 'LUX', 'MLT', 'NLD', 'NOR', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE'],
  'CHE',
];

const SCHENGEN_ENTRY: DestinationRequirements = {
  // "3 months beyond the intended date of departure", approximated as beyond arrival (see above).
  minimumValidityMonths: 3,
  minimumValidityExemptNationalities: EU_EEA_CH_NATIONALITIES,
  acceptedDocumentTypes: [
    { type: 'PASSPORT' },
    { type: 'IDENTITY_CARD', nationalities: EU_EEA_CH_NATIONALITIES },
    { type: 'CREW_MEMBER_CERTIFICATE', roles: ['crew', 'transit-crew'] },
  ],
};

export const DEFAULT_DESTINATION_POLICY: DestinationPolicy = {
  version: 'illustrative-1',
  defaultMinimumValidityMonths: 0,
  destinations: {
    ...Object.fromEntries(SCHENGEN_STATES.map((state) => [state, SCHENGEN_ENTRY])),
    // Permanent residents enter on their resident card; there is no general remaining-validity
    // minimum because most nationalities are exempt from the "six months" rule.
    USA: { acceptedDocumentTypes: [{ type: 'PASSPORT' }, { type: 'RESIDENCE_PERMIT' }] },
    // States commonly cited for a six-month remaining validity.
    SGP: { minimumValidityMonths: 6 },
    THA: { minimumValidityMonths: 6 },
    IDN: { minimumValidityMonths: 6 },
  },
  maximumValidityYears: {
    default: 10,
    graceMonths: 6,
    byIssuer: {
      // Passports issued until 2018 carried up to 9 unused months of the previous one over.
      GBR: { graceMonths: 9 },
      // Identity cards expire on the holder's birthday after 10 years.
      ITA: { byType: { IDENTITY_CARD: 11 } },
      // Identity cards of holders aged 70 or more do not expire (a far-future date is written).
      ESP: { byType: { IDENTITY_CARD: null } },
    },
  },
};
