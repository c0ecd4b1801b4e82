export { checkDigit } from './check-digit.js';
export { MrzInputError } from './mrz-input-error.js';
export { parseMrz } from './parse-mrz.js';
export { ICAO_STATE_CODES, SPECIMEN_STATE_CODE, isIcaoStateCode } from './state-codes.js';
export type { MrzError, MrzErrorField, MrzFields, MrzFormat, MrzResult, ParseMrzOptions } from './types.js';
