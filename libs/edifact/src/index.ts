export { decodeEdifact } from './decode.js';
export {
  type DateKind,
  type DateReading,
  TWO_DIGIT_YEAR_WINDOWS,
  centuryOf,
  interchangeYear,
  readDate,
} from './dates.js';
export type { DefectCode, EdifactError, PaxlstError, Severity } from './errors.js';
export { type EdifactInterchange, readEdifact } from './read-edifact.js';
export { type Segment, componentsAt, valueAt } from './segment.js';
export { DEFAULT_SEPARATORS, type Separators } from './una.js';
export { parsePaxlst } from './paxlst/parse-paxlst.js';
export { type TravellerDirective, DIRECTIVE_CODES, directiveOfCode } from './cusres/codes.js';
export {
  type CusresFlight,
  type CusresResponse,
  type CusresTravellerDirective,
  escapeEdifact,
  writeCusres,
} from './cusres/write-cusres.js';
export {
  type CusresDefectCode,
  type CusresError,
  type CusresFlightReading,
  type CusresMessageStatus,
  type CusresReading,
  type CusresTravellerReading,
  type ReadCusresOptions,
  type ReadCusresResult,
  readCusres,
} from './cusres/read-cusres.js';
export type {
  ListType,
  ParsePaxlstOptions,
  PaxlstDialect,
  PaxlstDocument,
  PaxlstFlight,
  PaxlstGroup,
  PaxlstInterchange,
  PaxlstLeg,
  PaxlstMessage,
  PaxlstMessagePart,
  PaxlstReference,
  PaxlstReportingParty,
  PaxlstResult,
  PaxlstSummary,
  PaxlstTraveller,
  Sex,
  TravellerRole,
} from './paxlst/types.js';
