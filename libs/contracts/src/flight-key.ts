/**
 * Flight keys, `<carrier><number>/<departure date>`, e.g. `LH400/2025-03-14` — the format documented
 * in proto/docscreen/common/v1/flight.proto. The date is the flight's operating date: the scheduled
 * local date of departure from the first airport the flight serves.
 */
export interface FlightKeyParts {
  /** IATA airline designator, 2 characters, e.g. `LH`. */
  carrierCode: string;
  /** 1–4 digits without leading zeros, optional operational suffix letter, e.g. `400`, `1234A`. */
  flightNumber: string;
  /** Operating date, `YYYY-MM-DD`. */
  departureDate: string;
}

const FLIGHT_KEY_PATTERN = /^([A-Z0-9]{2})([1-9][0-9]{0,3}[A-Z]?)\/([0-9]{4}-[0-9]{2}-[0-9]{2})$/;
const CARRIER_PATTERN = /^[A-Z0-9]{2}$/;
const FLIGHT_NUMBER_PATTERN = /^0*([1-9][0-9]{0,3}[A-Z]?)$/;
const ISO_DATE_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Builds the flight key, from the parts or from carrier code, flight number and departure date in that
 * order. Tolerates what carriers send: surrounding spaces, lowercase, and leading zeros in the flight
 * number (`LH0400` and `LH400` are the same flight).
 *
 * @throws RangeError when a part is invalid.
 */
export function flightKey(parts: FlightKeyParts): string;
export function flightKey(carrierCode: string, flightNumber: string, departureDate: string): string;
export function flightKey(first: FlightKeyParts | string, flightNumber = '', departureDate = ''): string {
  const parts: FlightKeyParts =
    typeof first === 'string' ? { carrierCode: first, flightNumber, departureDate } : first;
  const carrier = parts.carrierCode.trim().toUpperCase();
  const number = FLIGHT_NUMBER_PATTERN.exec(parts.flightNumber.trim().toUpperCase())?.[1];
  const date = parts.departureDate.trim();
  if (!CARRIER_PATTERN.test(carrier)) {
    throw new RangeError(
      `invalid carrier code ${JSON.stringify(parts.carrierCode)}: expected 2 characters A-Z/0-9`,
    );
  }
  if (number === undefined) {
    throw new RangeError(
      `invalid flight number ${JSON.stringify(parts.flightNumber)}: expected 1-4 digits and an optional letter`,
    );
  }
  if (!isIsoDate(date)) {
    throw new RangeError(
      `invalid departure date ${JSON.stringify(parts.departureDate)}: expected YYYY-MM-DD`,
    );
  }
  return `${carrier}${number}/${date}`;
}

/** Whether `value` is a flight key in canonical form. */
export function isFlightKey(value: string): boolean {
  const date = FLIGHT_KEY_PATTERN.exec(value)?.[3];
  return date !== undefined && isIsoDate(date);
}

/**
 * Splits a canonical flight key into its parts.
 *
 * @throws RangeError when `key` is not a canonical flight key.
 */
export function parseFlightKey(key: string): FlightKeyParts {
  const match = FLIGHT_KEY_PATTERN.exec(key);
  const [carrierCode, flightNumber, departureDate] = [match?.[1], match?.[2], match?.[3]];
  if (
    carrierCode === undefined ||
    flightNumber === undefined ||
    departureDate === undefined ||
    !isIsoDate(departureDate)
  ) {
    throw new RangeError(
      `invalid flight key ${JSON.stringify(key)}: expected <carrier><number>/<YYYY-MM-DD>, e.g. "LH400/2025-03-14"`,
    );
  }
  return { carrierCode, flightNumber, departureDate };
}
