import { BadRequestException, StandardSchemaValidationPipe } from '@nestjs/common';

/**
 * Validates every `@Body({ schema })`, `@Query({ schema })` with its Standard Schema (zod) and answers
 * 400 with each problem and where it is, e.g. `travellers.3.documents.0.number: is required`, so a
 * carrier can fix the exact field.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      new BadRequestException({
        message: `${issues.length} validation problem${issues.length === 1 ? '' : 's'}`,
        problems: issues.map((issue) => ({
          path: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.'),
          message: issue.message,
        })),
      }),
  });
}
