/**
 * PAXLST text in, typed manifest out. Never throws on bad input: whatever can be read is returned,
 * and every defect, from an odd separator to a traveller without a document, is listed in `errors`.
 */
import { readEdifact } from '../read-edifact.js';
import { MappingContext, TravellerLimitReached } from './context.js';
import { mapInterchange, readUnb } from './interchange.js';
import type { PaxlstError } from '../errors.js';
import { type Segment, valueAt } from '../segment.js';
import type { Separators } from '../una.js';
import type { ParsePaxlstOptions, PaxlstResult } from './types.js';

export function parsePaxlst(text: string, options: ParsePaxlstOptions = {}): PaxlstResult {
  const read = readEdifact(text);
  const segments = read.segments.filter((s) => s.tag !== 'UNA');
  const ctx = new MappingContext(options.referenceYear ?? new Date().getUTCFullYear(), options.maxTravellers);
  let mapped: ReturnType<typeof mapInterchange>;
  try {
    mapped = mapInterchange(segments, ctx);
  } catch (error) {
    if (!(error instanceof TravellerLimitReached)) throw error;
    return overLimit(read.separators, read.errors, segments, options.maxTravellers ?? 0);
  }
  const { interchange, messages } = mapped;
  // Reading defects first, then mapping defects; each group is already in segment order or close to it.
  const errors: PaxlstError[] = [...read.errors, ...ctx.errors].sort((a, b) => a.segment - b.segment);
  const travellers = messages.flatMap((m) => m.travellers);
  const readable = travellers.filter((t) => t.readable).length;
  return {
    separators: read.separators,
    interchange,
    messages,
    errors,
    summary: {
      messages: messages.length,
      travellers: travellers.length,
      readable,
      unreadable: travellers.length - readable,
      errors: errors.filter((e) => e.severity === 'error').length,
      warnings: errors.filter((e) => e.severity === 'warning').length,
    },
  };
}

/** Traveller segments: a NAD of any party but the reporting one (MS), or a legacy US PDT. */
const opensTraveller = (s: Segment): boolean =>
  s.tag === 'PDT' || (s.tag === 'NAD' && valueAt(s, 1).toUpperCase() !== 'MS');

/** The answer for an interchange over `maxTravellers`: its envelope and how many travellers it holds. */
function overLimit(
  separators: Separators,
  readErrors: PaxlstError[],
  segments: Segment[],
  limit: number,
): PaxlstResult {
  const travellers = Math.max(limit + 1, segments.filter(opensTraveller).length);
  const ctx = new MappingContext(new Date().getUTCFullYear());
  const interchange = readUnb(
    segments.find((s) => s.tag === 'UNB'),
    ctx,
  );
  const errors = [...readErrors, ...ctx.errors].sort((a, b) => a.segment - b.segment);
  return {
    separators,
    interchange,
    messages: [],
    errors,
    summary: {
      messages: 0,
      travellers,
      readable: 0,
      unreadable: 0,
      errors: errors.filter((e) => e.severity === 'error').length,
      warnings: errors.filter((e) => e.severity === 'warning').length,
    },
    travellerLimit: { limit, travellers },
  };
}
