import type { ArgumentsHost } from '@nestjs/common';
import { createLogger } from '@docscreen/observability';
import { ProblemFilter } from './problem.filter.js';

const filter = new ProblemFilter(createLogger({ service: 'problem-filter-spec', level: 'silent' }));

/** What the filter answers for an exception thrown by a handler. */
function answer(exception: unknown): { status: number; headers: Record<string, string>; body: unknown } {
  const out = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const response = {
    status(code: number) {
      out.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      out.headers[name] = value;
    },
    json(body: unknown) {
      out.body = body;
    },
  };
  filter.catch(exception, {
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost);
  return out;
}

/** The shape Prisma 7 throws through its pg adapter when the server refuses a query (seen in tests/chaos). */
function prismaAdapterError(originalCode: string, originalMessage: string): Error {
  const adapterError = Object.assign(new Error(originalMessage), {
    name: 'DriverAdapterError',
    cause: { kind: 'postgres', code: originalCode, originalCode, originalMessage, severity: 'FATAL' },
  });
  return Object.assign(
    new Error(
      `Invalid \`prisma.carrierApiKey.findMany()\` invocation: Database error. Code: \`${originalCode}\``,
    ),
    { name: 'PrismaClientKnownRequestError', code: 'P2039', meta: { driverAdapterError: adapterError } },
  );
}

describe('ProblemFilter', () => {
  it('answers 503 with Retry-After while PostgreSQL restarts (Prisma adapter error, 57P03 and 57P01)', () => {
    for (const [code, message] of [
      ['57P03', 'the database system is shutting down'],
      ['57P01', 'terminating connection due to administrator command'],
    ] as const) {
      const { status, headers } = answer(prismaAdapterError(code, message));
      expect({ code, status, retryAfter: headers['retry-after'] }).toEqual({
        code,
        status: 503,
        retryAfter: '5',
      });
    }
  });

  it('answers 503 for a server Prisma cannot reach', () => {
    const error = Object.assign(new Error("Can't reach database server"), { code: 'P1001' });
    expect(answer(error).status).toBe(503);
  });

  it('answers 500 without internals for any other error, a database error included', () => {
    const { status, body } = answer(
      prismaAdapterError('23505', 'duplicate key value violates unique constraint'),
    );
    expect(status).toBe(500);
    expect(body).toEqual({ statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
    expect(answer(new TypeError('x is undefined')).status).toBe(500);
  });
});
