/**
 * States whose visas count beyond their own borders, and territories whose visas another state issues.
 * All codes are ICAO 9303 codes.
 */

/**
 * The Schengen area as of 1 January 2025 (Bulgaria and Romania full members; Cyprus and Ireland not
 * members). A uniform Schengen visa (short stay or airport transit) issued by any of them is valid for
 * all of them, and so, for circulation, is a long-stay visa or residence permit of one of them.
 */
export const SCHENGEN_STATES: ReadonlySet<string> = new Set([
  'AUT',
  'BEL',
  'BGR',
  'CHE',
  'CZE',
  'D',
  'DNK',
  'ESP',
  'EST',
  'FIN',
  'FRA',
  'GRC',
  'HRV',
  'HUN',
  'ISL',
  'ITA',
  'LIE',
  'LTU',
  'LUX',
  'LVA',
  'MLT',
  'NLD',
  'NOR',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'SWE',
]);

export type VisaArea = 'SCHENGEN';

/** The common visa area a state belongs to, if any. */
export function visaAreaOf(state: string): VisaArea | undefined {
  return SCHENGEN_STATES.has(state) ? 'SCHENGEN' : undefined;
}

/** The states of a visa area, e.g. `SCHENGEN`; `undefined` for an unknown area name. */
export function visaAreaStates(area: string): readonly string[] | undefined {
  return area.toUpperCase() === 'SCHENGEN' ? [...SCHENGEN_STATES] : undefined;
}

/**
 * Territories with their own ICAO/ISO code whose visas are issued by (and, lacking data of their own,
 * whose visa policy is approximated by) another state. Only used when the visa matrix has no column
 * for the territory itself: passport-index covers 199 states and none of these.
 *
 * - US territories under US immigration law (Puerto Rico, US Virgin Islands, Guam, Northern Mariana
 *   Islands, US Minor Outlying Islands). American Samoa controls its own entry and is not listed.
 * - France's overseas departments and collectivities: outside Schengen but visas are French national
 *   visas; the French requirement is the stricter approximation.
 * - Åland (Finland) and Svalbard (Norway); Greenland and the Faroe Islands (Danish visas, outside
 *   Schengen: approximation).
 * - The Crown Dependencies (UK immigration rules apply through the Common Travel Area).
 * - Christmas Island, Cocos (Keeling) Islands and Norfolk Island (Australian migration zone).
 * - Tokelau (New Zealand). The Cook Islands and Niue control their own entry and are not listed.
 * - Aruba, Curaçao, Sint Maarten and the Caribbean Netherlands (Kingdom of the Netherlands Caribbean
 *   visa, issued by Dutch missions; the Dutch requirement is the approximation).
 */
export const VISA_POLICY_STATE: Readonly<Record<string, string>> = Object.freeze({
  PRI: 'USA',
  VIR: 'USA',
  GUM: 'USA',
  MNP: 'USA',
  UMI: 'USA',
  GLP: 'FRA',
  MTQ: 'FRA',
  GUF: 'FRA',
  REU: 'FRA',
  MYT: 'FRA',
  BLM: 'FRA',
  MAF: 'FRA',
  SPM: 'FRA',
  PYF: 'FRA',
  NCL: 'FRA',
  WLF: 'FRA',
  ATF: 'FRA',
  ALA: 'FIN',
  SJM: 'NOR',
  GRL: 'DNK',
  FRO: 'DNK',
  GGY: 'GBR',
  JEY: 'GBR',
  IMN: 'GBR',
  CXR: 'AUS',
  CCK: 'AUS',
  NFK: 'AUS',
  TKL: 'NZL',
  ABW: 'NLD',
  CUW: 'NLD',
  SXM: 'NLD',
  BES: 'NLD',
});

/** The state that issues visas for `state`: itself, or the state listed in VISA_POLICY_STATE. */
export function visaPolicyState(state: string): string {
  return VISA_POLICY_STATE[state] ?? state;
}

/**
 * Whether a visa or residence permit issued by `issuer` can authorise entry into (or transit through)
 * `state`: the same state, the state that issues its visas, or a state of the same visa area.
 */
export function issuerCovers(issuer: string, state: string): boolean {
  if (issuer === '' || state === '') return false;
  if (issuer === state || issuer === visaPolicyState(state)) return true;
  const area = visaAreaOf(issuer);
  return area !== undefined && area === visaAreaOf(state);
}
