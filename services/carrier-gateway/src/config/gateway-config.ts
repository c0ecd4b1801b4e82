import { z } from 'zod';
import { COMMON_ENV, loadConfig, port, postgresUrl, redisUrl } from '@docscreen/config';

export const SERVICE_NAME = 'carrier-gateway';
export const SERVICE_VERSION = '0.1.0';

/** Every variable the gateway reads; documented in services/carrier-gateway/README.md. */
export const GATEWAY_ENV = z.object({
  ...COMMON_ENV,
  PORT: port(3000),
  DATABASE_URL: postgresUrl,
  REDIS_URL: redisUrl,
  /** Largest request body accepted; larger gets 413. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /** Travellers accepted in one JSON manifest. */
  MAX_TRAVELLERS_PER_MANIFEST: z.coerce.number().int().min(1).default(1000),
  /** Seconds a carrier is told to wait (Retry-After) when the broker cannot take its events. */
  BROKER_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(30),
  /** How long a request waits for the broker's acknowledgement before answering 503. */
  KAFKA_PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Days the raw message is kept in the archive; then it is erased (its digest and receipt stay). */
  ARCHIVE_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  /** Requests one carrier may make per minute; more get 429 with Retry-After. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Bearer token of the operators' API (/v1/admin); unset, that API is disabled. */
  ADMIN_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(24, 'must be at least 24 characters').optional(),
  ),
});

export type GatewayConfig = z.output<typeof GATEWAY_ENV>;

let cached: Readonly<GatewayConfig> | undefined;

/** The one place the gateway reads `process.env`; validated once, at boot. */
export function gatewayConfig(): Readonly<GatewayConfig> {
  cached ??= loadConfig(SERVICE_NAME, GATEWAY_ENV, process.env);
  return cached;
}
