import { csvFields, csvLines } from './csv.js';
import type { PassportIndexReject } from './passport-index.js';
import { icaoStateCode } from './state-codes.js';
import { visaAreaStates } from './visa-areas.js';
import { type AirportTransitEntry, VisaDataError } from './visa-matrix.js';

export interface AirportTransitImport {
  entries: AirportTransitEntry[];
  /** Data lines read (header, comments and blank lines not counted). */
  lines: number;
  rejects: PassportIndexReject[];
}

/**
 * Reads an airport-transit-visa list: which nationalities need an airport transit visa to change planes
 * in which state without entering it (e.g. Annex IV of the Schengen Visa Code plus national lists).
 * The passport-index data has no such information, so it is a separate, optional input:
 *
 * ```csv
 * transit_state,nationality
 * SCHENGEN,AFG
 * D,IND
 * ```
 *
 * Codes are ICAO 9303 or ISO 3166-1 alpha-3 (`DEU` becomes `D`); `SCHENGEN` as transit state stands for
 * every Schengen state. Lines starting with `#` are comments.
 *
 * @throws VisaDataError when the header is not `transit_state,nationality`.
 */
export function parseAirportTransitVisaCsv(text: string): AirportTransitImport {
  const lines = csvLines(text).filter(
    (line) => line.text.trim() !== '' && !line.text.trimStart().startsWith('#'),
  );
  const header = lines[0];
  const headerFields = header === undefined ? undefined : csvFields(header.text);
  const normalise = (name: string | undefined): string => (name ?? '').toLowerCase().replace(/[\s_-]/g, '');
  if (
    header === undefined ||
    typeof headerFields === 'string' ||
    headerFields === undefined ||
    headerFields.length !== 2 ||
    normalise(headerFields[0]) !== 'transitstate' ||
    normalise(headerFields[1]) !== 'nationality'
  )
    throw new VisaDataError(
      `airport-transit list line ${header?.line ?? 1}: expected the header "transit_state,nationality", ` +
        `found ${JSON.stringify(header?.text ?? '')}`,
    );

  const entries: AirportTransitEntry[] = [];
  const rejects: PassportIndexReject[] = [];
  const body = lines.slice(1);
  for (const { line, text } of body) {
    const fields = csvFields(text);
    if (typeof fields === 'string') {
      rejects.push({ line, reason: fields });
      continue;
    }
    if (fields.length !== 2) {
      rejects.push({
        line,
        reason: `expected 2 fields (transit state, nationality), found ${fields.length}`,
      });
      continue;
    }
    const [stateText, nationalityText] = fields as [string, string];
    const single = icaoStateCode(stateText);
    const states = visaAreaStates(stateText) ?? (single === undefined ? [] : [single]);
    if (states.length === 0) {
      rejects.push({ line, column: 1, reason: `unknown state code ${JSON.stringify(stateText)}` });
      continue;
    }
    const nationality = icaoStateCode(nationalityText);
    if (nationality === undefined) {
      rejects.push({
        line,
        column: 2,
        reason: `unknown nationality code ${JSON.stringify(nationalityText)}`,
      });
      continue;
    }
    for (const transitState of states) entries.push({ transitState, nationality });
  }
  return { entries, lines: body.length, rejects };
}
