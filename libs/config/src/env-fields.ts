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

/** `true` or `false` (nothing else: a typo must not silently mean either); `fallback` when unset. */
export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

/**
 * The address a service's HTTP server listens on: loopback unless told otherwise, so a service started
 * on a laptop or a CI machine is not reachable from its network. Container images, compose and
 * Kubernetes set `0.0.0.0` (or `::`) explicitly.
 */
export const bindAddress = z
  .union([z.ipv4(), z.ipv6()], { error: 'must be an IP address, e.g. 127.0.0.1 or 0.0.0.0' })
  .default('127.0.0.1');

/** One key of SECRETS_KEYS: its id (stored with what it seals) and its 32 bytes. */
export interface SecretsKey {
  id: string;
  key: Buffer;
}

/**
 * SECRETS_KEYS, the key ring that seals secrets stored at rest (AES-256-GCM): `id:base64key,...`, each
 * key 32 bytes in base64. The first seals, every one opens: to rotate, put a new key first and keep the
 * old ones until every replica runs with the new ring and has sealed its rows again.
 */
export const secretsKeys = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .string()
    .transform((value, ctx): SecretsKey[] => {
      const keys: SecretsKey[] = [];
      for (const [index, entry] of value
        .split(',')
        .map((part) => part.trim())
        .entries()) {
        const at = entry.indexOf(':');
        const id = entry.slice(0, at);
        const key = Buffer.from(entry.slice(at + 1), 'base64');
        // The value itself never goes into a message: it is a key.
        if (at < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
          ctx.addIssue({
            code: 'custom',
            message: `entry ${index + 1}: <id>:<base64 key>, id of A-Z a-z 0-9 _ -`,
          });
        else if (key.byteLength !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(entry.slice(at + 1)))
          ctx.addIssue({ code: 'custom', message: `key ${id}: 32 bytes in base64 are required` });
        else if (keys.some((k) => k.id === id))
          ctx.addIssue({ code: 'custom', message: `key ${id} appears twice` });
        else keys.push({ id, key });
      }
      return keys;
    })
    .optional(),
);

/** Variables every docscreen service reads, with the same names and defaults. */
export const COMMON_ENV = {
  LOG_LEVEL: logLevel,
  /** Where the HTTP server listens; loopback by default. */
  BIND_ADDRESS: bindAddress,
  KAFKA_BROKERS: kafkaBrokers,
  /** OTLP/HTTP endpoint (e.g. http://127.0.0.1:4318); traces are exported only when it is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** Zipkin's span intake (e.g. http://127.0.0.1:9411/api/v2/spans, what `npm start` runs); also optional. */
  ZIPKIN_ENDPOINT: optionalUrl,
  /** Time given to in-flight work on SIGTERM before the process exits. */
  SHUTDOWN_GRACE_MS: durationMs(10_000),
} as const;
