import type { RuleDefinition } from './rule-book.js';
import { VISA_SCRUTINY, VISA_SCRUTINY_DEFAULTS } from './visa-scrutiny.check.js';

/**
 * The default definitions of the visa-scrutiny rules. A rule set may change severity, action, wording
 * or parameters, or disable a rule, and must then bump the rule's version. The check-wide settings
 * (what counts as a transit, states without airside transit, the crew exemption) are parameters of
 * VISA_REQUIRED_MISSING. The visa matrix and airport directory are passed to the check separately.
 */
export const VISA_RULES: RuleDefinition[] = [
  {
    id: 'VISA_NO_REFERENCE_DATA',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'info',
    action: 'no-action',
    explanation:
      'No visa requirement data (visa matrix) is loaded, so visa requirements could not be checked. The ' +
      'check reports no-reference-data instead of passing; load the matrix to screen visas.',
    enabled: true,
  },
  {
    id: 'VISA_REQUIREMENT_UNKNOWN',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'info',
    action: 'no-action',
    explanation:
      'The visa requirement for one state of the itinerary could not be determined: the nationality is ' +
      'not reported or not in the visa matrix (e.g. refugee or stateless travel documents), the state ' +
      'is not in it, or the airport is not in the airport directory. That state was not checked.',
    enabled: true,
  },
  {
    id: 'NO_ADMISSION',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'critical',
    action: 'do-not-board',
    explanation:
      'A state the traveller would enter (destination, or a state entered on the way) admits no ' +
      'travellers of this nationality, whatever their documents. Applies to crew as well.',
    enabled: true,
  },
  {
    id: 'VISA_REQUIRED_MISSING',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'high',
    action: 'do-not-board',
    explanation:
      'The traveller needs a visa to enter a state of the itinerary (the destination, a state entered ' +
      'on the way by changing airports, flying domestically or staying longer than a connection, a ' +
      'state without airside transit, or the origin when returning there as a foreigner) and reports ' +
      'no visa at all and no residence permit of that state. Visas of one Schengen state count for ' +
      'all. Own nationals, and crew holding a crew member certificate (ICAO Annex 9), need none. ' +
      'Parameters for the whole check: transitMaxDays (connection still a transit, in calendar days), ' +
      'noAirsideTransitStates (every transit passenger is admitted there), crewWithCertificateExempt.',
    enabled: true,
    parameters: {
      transitMaxDays: VISA_SCRUTINY_DEFAULTS.transitMaxDays,
      noAirsideTransitStates: [...VISA_SCRUTINY_DEFAULTS.noAirsideTransitStates],
      crewWithCertificateExempt: VISA_SCRUTINY_DEFAULTS.crewWithCertificateExempt,
    },
  },
  {
    id: 'VISA_EVISA_NOT_REPORTED',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'medium',
    action: 'contact-authority',
    explanation:
      'The traveller needs an e-visa for a state of the itinerary and no visa of that state is ' +
      'reported. E-visas are often not transmitted in API data, so the case is referred for a check in ' +
      "the state's e-visa system rather than denied boarding.",
    enabled: true,
  },
  {
    id: 'VISA_ETA_REQUIRED',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'info',
    action: 'no-action',
    explanation:
      'The traveller needs an electronic travel authorisation (ESTA, eTA, ETA, ETIAS…) for a state of ' +
      'the itinerary. API data never carries it; the carrier checks it with that state. Disabled by ' +
      'default since it would accompany most travellers to such states.',
    enabled: false,
  },
  {
    id: 'VISA_WRONG_ISSUER',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      'The traveller needs a visa for a state of the itinerary and reports visas, but none issued by ' +
      'that state (or, for the Schengen area, by a Schengen state), or their issuing state is not ' +
      'reported. Often a visa for another state of the journey; have the documents examined.',
    enabled: true,
  },
  {
    id: 'VISA_NOT_VALID_ON_ARRIVAL',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'high',
    action: 'do-not-board',
    explanation:
      'A visa or residence permit of the state is reported, but its validity (valid from / valid until, ' +
      'else issue and expiry dates) does not include the arrival date in that state: not yet valid or ' +
      'already expired.',
    enabled: true,
  },
  {
    id: 'VISA_WRONG_KIND',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'medium',
    action: 'contact-authority',
    explanation:
      'The only valid visas of the state are of a kind that does not allow what the itinerary does ' +
      'there: a transit or airport transit visa for the destination, or an airport transit visa where ' +
      'the traveller must enter on the way. An entry visa is fine for a transit.',
    enabled: true,
  },
  {
    id: 'VISA_DOCUMENT_LISTED',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'critical',
    action: 'contact-authority',
    explanation:
      'A visa the traveller presents is listed as lost, stolen or revoked in the document registry. ' +
      'The authority decides; the visa may be misused or no longer valid.',
    enabled: true,
  },
  {
    id: 'VISA_STAY_EXCEEDS_VISA_FREE_PERIOD',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'medium',
    action: 'contact-authority',
    explanation:
      'The itinerary shows a stay (arrival to onward or return flight, both days counted; consecutive ' +
      'Schengen states as one stay) longer than the visa-free period for the nationality, and no visa ' +
      'of the state is reported. Only raised where a later flight tells the length of the stay.',
    enabled: true,
  },
  {
    id: 'TRANSIT_WITHOUT_ONWARD_LEG',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      'The traveller is declared in transit but the itinerary ends there: the final airport is a ' +
      'reported transit port, or a transit passenger or transit crew member has no leg out of the ' +
      'first state reached, or the legs end before the reported port of disembarkation. A known ' +
      'pattern of transit abuse (absconding or claiming entry at the transit point).',
    enabled: true,
  },
  {
    id: 'AIRPORT_TRANSIT_VISA_MISSING',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      'The airport-transit list requires nationals of this state to hold an airport transit visa to ' +
      'change planes in a transit state (e.g. Schengen Annex IV), and the traveller reports neither ' +
      'one nor another visa or residence permit of that state, nor a valid visa or residence permit of ' +
      'an exempting issuer (parameter exemptingIssuers: Schengen Visa Code art. 3(5) by default).',
    enabled: true,
    parameters: {
      exemptingIssuers: [...VISA_SCRUTINY_DEFAULTS.airportTransitExemptingIssuers],
    },
  },
  {
    id: 'RECORDED_VISA_VIOLATION',
    version: 1,
    check: VISA_SCRUTINY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      'The records show an overstay, visa violation, refusal of entry or removal of this traveller. ' +
      'Enforcing visa terms: refer to the authority, which decides whether the traveller may travel.',
    enabled: true,
  },
];
