import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@docscreen/observability';

interface HttpResponse {
  status(code: number): HttpResponse;
  json(body: unknown): void;
  headersSent?: boolean;
}

/**
 * Every HTTP error as one JSON shape: `{ statusCode, error, message, ... }`. Unexpected errors are
 * logged with their stack and answered 500 without internals (no stack, no personal data).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = bodyTooLarge(exception.cause) ?? exception.getResponse();
      const error = HttpStatus[status] ?? 'ERROR';
      const payload =
        typeof body === 'string'
          ? { statusCode: status, error, message: body }
          : { statusCode: status, error, ...body };
      response.status(status).json(payload);
      return;
    }
    this.logger.error({ error: exception }, 'unhandled error');
    response.status(500).json({ statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
  }
}

/**
 * A body over the body parser's limit (body-parser's `entity.too.large`, which Nest's Express adapter
 * turns into a 413): the answer names the size and the limit, as every other limit does.
 */
function bodyTooLarge(cause: unknown): { message: string; bytes?: number; limit: number } | undefined {
  const error = cause as { type?: unknown; length?: unknown; limit?: unknown } | undefined;
  if (error?.type !== 'entity.too.large' || typeof error.limit !== 'number') return undefined;
  const { limit } = error;
  // Without a Content-Length the parser stops reading at the limit: the size is not known.
  return typeof error.length === 'number'
    ? {
        message: `the request body is ${error.length} bytes; at most ${limit} are accepted`,
        bytes: error.length,
        limit,
      }
    : { message: `the request body is over ${limit} bytes; at most ${limit} are accepted`, limit };
}
