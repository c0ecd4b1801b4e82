/**
 * PAXLST text in, typed manifest out. Never throws on bad input: whatever can be read is returned,
 * and every defect, from an odd separator to a traveller without a document, is listed in `errors`.
 */
import { readEdifact } from '../read-edifact.js';
import { MappingContext } from './context.js';
import { mapInterchange } from './interchange.js';
import type { PaxlstError } from '../errors.js';
import type { ParsePaxlstOptions, PaxlstResult } from './types.js';

export function parsePaxlst(text: string, options: ParsePaxlstOptions = {}): PaxlstResult {
  const read = readEdifact(text);
  const ctx = new MappingContext(options.referenceYear ?? new Date().getUTCFullYear());
  const { interchange, messages } = mapInterchange(
    read.segments.filter((s) => s.tag !== 'UNA'),
    ctx,
  );
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
