export { type AirportTransitImport, parseAirportTransitVisaCsv } from './airport-transit-list.js';
export {
  AirportDirectory,
  BUNDLED_AIRPORTS_SOURCE,
  type OurAirportsRecord,
  bundledAirportDirectory,
} from './airports.js';
export { dayNumber, daysBetween } from './dates.js';
export {
  type ItineraryLeg,
  type ItineraryOptions,
  type ItineraryStates,
  type StateVisit,
  itineraryStates,
} from './itinerary.js';
export {
  type PassportIndexFormat,
  type PassportIndexImport,
  type PassportIndexReject,
  PassportIndexFormatError,
  parsePassportIndexCsv,
} from './passport-index.js';
export {
  MAX_VISA_FREE_DAYS,
  VISA_REQUIREMENT_KINDS,
  type VisaRequirement,
  type VisaRequirementKind,
  describeRequirement,
  needsVisaBeforeTravel,
  parseRequirementValue,
} from './requirement.js';
export {
  ICAO_CODE_EXCEPTIONS,
  ICAO_ONLY_CODES,
  ISO_ALPHA2_TO_ALPHA3,
  icaoFromIsoAlpha2,
  icaoFromIsoAlpha3,
  icaoStateCode,
} from './state-codes.js';
export {
  SCHENGEN_STATES,
  VISA_POLICY_STATE,
  type VisaArea,
  issuerCovers,
  visaAreaOf,
  visaAreaStates,
  visaPolicyState,
} from './visa-areas.js';
export {
  type AirportTransitEntry,
  type SerialisedVisaMatrix,
  VISA_MATRIX_FORMAT,
  VisaDataError,
  VisaMatrix,
  type VisaMatrixEntry,
  type VisaMatrixMetadata,
} from './visa-matrix.js';
