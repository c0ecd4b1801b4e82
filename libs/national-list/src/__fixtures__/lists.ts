import { csvField } from '../csv.js';
import { NATIONAL_LIST_FIELDS, type NationalListField } from '../fields.js';
import { parseNationalListSync, type ParseOptions } from '../parser.js';
import type { NationalListEvent, NationalListRejectEvent } from '../types.js';

export const HEADER = NATIONAL_LIST_FIELDS.join(',');
export const TODAY = '2026-06-30';

export type Row = Partial<Record<NationalListField, string>>;

/** A valid record line's fields. */
export const GOOD: Row = {
  issuing_state: 'NLD',
  document_type: 'P',
  document_number: 'XA1234567',
  status: 'lost',
  reported_on: '2026-01-15',
};

/** A valid series line's fields. */
export const GOOD_SERIES: Row = {
  issuing_state: 'D',
  document_type: 'P',
  status: 'stolen_blank',
  reported_on: '2026-01-15',
  series_prefix: 'C01',
  series_first: '000',
  series_last: '999',
};

/** The fields as a CSV line under `HEADER`. */
export function csvLine(row: Row): string {
  return NATIONAL_LIST_FIELDS.map((field) => csvField(row[field] ?? '')).join(',');
}

/** All events of a CSV list: `HEADER`, then `lines`. */
export function parseCsv(lines: readonly string[], options: ParseOptions = {}): NationalListEvent[] {
  return [...parseNationalListSync([HEADER, ...lines], { today: TODAY, ...options })];
}

/** All events of the lines as given. */
export function parseLines(lines: readonly string[], options: ParseOptions = {}): NationalListEvent[] {
  return [...parseNationalListSync(lines, { today: TODAY, ...options })];
}

/** The one event of a CSV list with one data line. */
export function parseRow(row: Row): NationalListEvent {
  const events = parseCsv([csvLine(row)]);
  if (events.length !== 1) throw new Error(`expected one event, got ${JSON.stringify(events)}`);
  return events[0] as NationalListEvent;
}

/** The reject reason of a one-line CSV list; fails when the line is accepted. */
export function rejectOf(row: Row): string {
  const event = parseRow(row);
  if (event.kind !== 'reject') throw new Error(`expected a reject, got ${JSON.stringify(event)}`);
  return (event as NationalListRejectEvent).reason;
}
