import { z } from 'zod';

// Building blocks shared by the services' env schemas, so that the same variable means the same thing
// everywhere (and docker-compose, the stack launcher and the README agree on one set of names).

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Comma-separated `host:port` list; `127.0.0.1` rather than `localhost`, which Node may resolve to ::1. */
export const kafkaBrokers = z
  .string({ error: 'KAFKA_BROKERS is required, e.g. 127.0.0.1:9092' })
  .transform((value) =>
    value
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'each broker must be host:port')).min(1));

export const postgresUrl = z
  .string({ error: 'DATABASE_URL is required, e.g. postgresql://postgres@127.0.0.1:5432/docscreen_gateway' })
  .url()
  .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgresql:// URL');

export const redisUrl = z
  .string({ error: 'REDIS_URL is required, e.g. redis://127.0.0.1:6379' })
  .url()
  .refine((u) => /^rediss?:\/\//.test(u), 'must be a redis:// URL');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info');

export const optionalUrl = z.string().url().optional();

export const durationMs = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** Variables every docscreen service reads, with the same names and defaults. */
export const COMMON_ENV = {
  LOG_LEVEL: logLevel,
  KAFKA_BROKERS: kafkaBrokers,
  /** OTLP/HTTP endpoint (e.g. http://127.0.0.1:4318); traces are exported only when it is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** Time given to in-flight work on SIGTERM before the process exits. */
  SHUTDOWN_GRACE_MS: durationMs(10_000),
} as const;
