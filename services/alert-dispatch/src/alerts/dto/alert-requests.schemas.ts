import { z } from 'zod';
import { multilineText } from '@docscreen/nest-platform';
import { ALERT_STATUSES, RESOLUTIONS } from '../alert-lifecycle.js';

// The actor is how the agency's own system names the officer (an id, not a name: it is kept forever
// in the audit trail); a note is free text for the case file, the one field that may span lines
// (control characters are refused everywhere else, by the validation pipe).
const actor = z.string().trim().min(1, 'is required').max(200);
const note = multilineText(z.string().trim().max(2_000)).optional();

export const AcknowledgeSchema = z.object({ actor, note }).strict();

export const ResolveSchema = z.object({ actor, resolution: z.enum(RESOLUTIONS), note }).strict();

export const ListAlertsQuerySchema = z.object({
  status: z.enum(ALERT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'the nextCursor of a previous page')
    .optional(),
});

export type Acknowledge = z.output<typeof AcknowledgeSchema>;
export type Resolve = z.output<typeof ResolveSchema>;
export type ListAlertsQuery = z.output<typeof ListAlertsQuerySchema>;
