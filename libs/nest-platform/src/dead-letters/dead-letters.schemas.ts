import { z } from 'zod';

const offset = z.string().regex(/^\d+$/, 'an offset: digits');

/** `GET /v1/admin/dead-letters/{topic}`: a page of entries. */
export const DeadLetterPageQuerySchema = z.object({
  from: offset.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});
export type DeadLetterPageQuery = z.output<typeof DeadLetterPageQuerySchema>;

/** `GET /v1/admin/dead-letters/{topic}/{offset}`: the payload only when asked for explicitly. */
export const DeadLetterEntryQuerySchema = z.object({
  payload: z.enum(['true', 'false']).default('false'),
});
export type DeadLetterEntryQuery = z.output<typeof DeadLetterEntryQuerySchema>;

/** `POST /v1/admin/dead-letters/{topic}/redrive`: exactly one of `offsets`, `reason`, `all`. */
export const RedriveRequestSchema = z
  .object({
    offsets: z.array(offset).min(1).max(10_000).optional(),
    reason: z.string().min(1).max(100).optional(),
    all: z.literal(true).optional(),
    actor: z.string().trim().min(1).max(100).describe('who re-drives: recorded in the audit trail'),
    force: z.boolean().default(false).describe('re-drive entries that were re-driven before'),
  })
  .refine((r) => [r.offsets, r.reason, r.all].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of offsets, reason or all',
  });
export type RedriveRequest = z.output<typeof RedriveRequestSchema>;
