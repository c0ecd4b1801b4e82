import { z } from 'zod';
import { calendarDate, localDateTime } from '@docscreen/nest-platform';
import { MANIFEST_LIMITS } from '../manifest-limits.js';

// The JSON form of a passenger manifest: what a carrier that does not speak PAXLST sends. The same
// checks apply as to PAXLST; field names follow the PassengerReported contract in proto/. Dates and
// times are the calendar's (@docscreen/input-values: no 30 February, no 25:61); control characters in
// any string are refused by the reader (read-json-manifest.ts), as by every API's validation pipe.

const {
  legsPerMessage,
  documentsPerTraveller,
  nameLength,
  documentNumberLength,
  referenceLength,
  travellerRefLength,
  mrzLines,
  mrzLineLength,
} = MANIFEST_LIMITS;

const isoDate = calendarDate();
const stateCode = z.string().regex(/^[A-Z]{1,3}$/, 'must be an ICAO 9303 state code such as "UTO" or "D"');
const airport = z.string().regex(/^[A-Z]{3}$/, 'must be an IATA airport code such as "FRA"');

export const DocumentSchema = z.object({
  type: z.enum(['P', 'I', 'V', 'AC', 'C', 'IP', 'F', 'M', 'A'], {
    error: 'must be a PAXLST/ICAO document code: P passport, I identity card, V visa, AC crew certificate, …',
  }),
  number: z.string().trim().min(1, 'is required').max(documentNumberLength),
  issuingState: stateCode,
  expiryDate: isoDate.optional(),
  issueDate: isoDate.optional(),
  /** The machine-readable zone as printed, one string per line, when the carrier read it. */
  mrz: z.array(z.string().max(mrzLineLength)).min(2).max(mrzLines).optional(),
});

export const TravellerSchema = z.object({
  /** The carrier's own reference for the traveller within this manifest (defaults to the position). */
  travellerRef: z.string().max(travellerRefLength).optional(),
  role: z.enum(['passenger', 'crew', 'in-transit-passenger', 'in-transit-crew']).default('passenger'),
  surname: z.string().trim().min(1, 'is required').max(nameLength),
  givenNames: z.string().trim().max(nameLength).default(''),
  birthDate: isoDate,
  sex: z.enum(['M', 'F', 'X']),
  nationality: stateCode,
  countryOfResidence: stateCode.optional(),
  reservationRef: z.string().max(referenceLength).optional(),
  documents: z
    .array(DocumentSchema)
    .min(1, 'a traveller needs at least one travel document')
    .max(documentsPerTraveller),
  portOfEmbarkation: airport.optional(),
  portOfDisembarkation: airport.optional(),
});

export const FlightLegSchema = z.object({
  carrierCode: z.string().regex(/^[A-Z0-9]{2}$/, 'must be a 2-character IATA designator'),
  flightNumber: z
    .string()
    .regex(/^[1-9][0-9]{0,3}[A-Z]?$/, 'must be 1-4 digits without leading zeros, optional suffix'),
  departureAirport: airport,
  arrivalAirport: airport,
  /** Scheduled local departure, `YYYY-MM-DDTHH:mm` (airport local time, as in schedules). */
  scheduledDepartureLocal: localDateTime(),
  scheduledArrivalLocal: localDateTime().optional(),
});

export const JsonManifestSchema = z.object({
  /** The carrier's reference of this message; the same reference is later recognised as a resubmission. */
  messageRef: z.string().trim().min(1).max(referenceLength).optional(),
  legs: z.array(FlightLegSchema).min(1, 'a manifest needs at least one flight leg').max(legsPerMessage),
  travellers: z.array(TravellerSchema).min(1, 'a manifest needs at least one traveller'),
});

/**
 * The manifest around its travellers: read strictly (a bad leg rejects the whole message), while each
 * traveller is then read on its own, so one bad traveller does not hold up the others — as for PAXLST.
 */
export const JsonEnvelopeSchema = JsonManifestSchema.extend({
  travellers: z.array(z.unknown()).min(1, 'a manifest needs at least one traveller'),
});

export type JsonManifest = z.output<typeof JsonManifestSchema>;
export type JsonTraveller = JsonManifest['travellers'][number];
