import {
  BadRequestException,
  StandardSchemaValidationPipe,
  type ArgumentMetadata,
  type StandardSchemaValidationPipeOptions,
} from '@nestjs/common';
import { findTextProblems } from '@docscreen/input-values';
import { isMultilineAt } from './input-fields.js';

/** Problems listed in one answer: enough to fix a request, never an answer as large as the request. */
export const MAX_PROBLEMS_LISTED = 50;

interface Problem {
  path: string;
  message: string;
}

const clip = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;

/**
 * 400 with each problem and where it is; beyond MAX_PROBLEMS_LISTED, how many more there were. A path
 * or message is cut at a few hundred characters: an answer never grows with what was sent.
 */
export function validationProblems(message: string, problems: readonly Problem[]): BadRequestException {
  const listed = problems
    .slice(0, MAX_PROBLEMS_LISTED)
    .map((p) => ({ path: clip(p.path, 200), message: clip(p.message, 500) }));
  return new BadRequestException({
    message,
    problems: listed,
    ...(problems.length > listed.length ? { problemsNotListed: problems.length - listed.length } : {}),
  });
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * Every body, query and URL parameter of every route, before its schema: a string (or object key)
 * with a control character or an unpaired surrogate is refused with 400 naming its path — whether
 * or not the route has a schema, and before anything could reach the database (PostgreSQL refuses
 * NUL with error 22021). Then each `@Body({ schema })`, `@Query({ schema })` is validated with its
 * Standard Schema (zod): 400 with each problem and where it is, e.g.
 * `travellers.3.documents.0.number: is required`, so a client can fix the exact field.
 */
export class InputValidationPipe extends StandardSchemaValidationPipe {
  constructor(options: StandardSchemaValidationPipeOptions = {}) {
    super({
      ...options,
      exceptionFactory: (issues) =>
        validationProblems(
          `${plural(issues.length, 'validation problem')}`,
          issues.map((issue) => ({
            path: (issue.path ?? [])
              .map((p) => (typeof p === 'object' ? String(p.key) : String(p)))
              .join('.'),
            message: issue.message,
          })),
        ),
    });
  }

  override async transform<T>(value: T, metadata: ArgumentMetadata): Promise<T> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const prefix = metadata.data ? [metadata.data] : [];
      const problems = findTextProblems(value, {
        prefix,
        limit: MAX_PROBLEMS_LISTED,
        multiline: (path) => isMultilineAt(metadata.schema, path.slice(prefix.length)),
      });
      if (problems.length > 0) {
        throw validationProblems(`${plural(problems.length, 'text problem')}`, problems);
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): InputValidationPipe {
  return new InputValidationPipe();
}
