import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@docscreen/observability';

interface HttpResponse {
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
  headersSent?: boolean;
}

/** How soon a client may try again after the database was found unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Every HTTP error as one JSON shape: `{ statusCode, error, message, ... }`. A database that cannot
 * be reached (restarting, a network cut) is 503 with Retry-After: the request may succeed in a few
 * seconds, and nothing was acknowledged. Other unexpected errors are logged with their stack and
 * answered 500 without internals (no stack, no personal data).
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
    if (databaseUnreachable(exception)) {
      this.logger.warn({ error: exception }, 'database unreachable; answered 503');
      response.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      response.status(503).json({
        statusCode: 503,
        error: 'SERVICE_UNAVAILABLE',
        message: 'the database is unreachable; nothing was stored: retry later',
      });
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

/** Prisma's codes for a server it cannot reach, a connection it lost, or no free connection in time. */
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/**
 * The same from the pg driver underneath, or a socket: the server shut the session (57P01) or crashed
 * (57P02), is shutting down or starting up (57P03), or the connection failed (class 08).
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08001',
  '08006',
]);

interface ErrorLink {
  name?: unknown;
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/**
 * Recognised by name and code, so this library needs no Prisma import. Prisma 7 through its pg
 * adapter reports the server's own error under `meta.driverAdapterError.cause` (`originalCode`), not as
 * a cause: a PostgreSQL restart's "the database system is shutting down" (57P03) was answered 500.
 */
function databaseUnreachable(exception: unknown): boolean {
  for (let error = exception as ErrorLink | undefined, depth = 0; error && depth < 5; depth++) {
    if (error.name === 'PrismaClientInitializationError') return true;
    for (const code of [error.code, error.originalCode])
      if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    if (/Can't reach database server|Connection terminated/.test(String(error.message))) return true;
    error = (error.cause ?? error.meta?.driverAdapterError) as ErrorLink | undefined;
  }
  return false;
}
