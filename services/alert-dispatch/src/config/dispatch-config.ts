import { z } from 'zod';
import { COMMON_ENV, flag, loadConfig, port, postgresUrl, redisUrl, secretsKeys } from '@docscreen/config';

export const SERVICE_NAME = 'alert-dispatch';
export const SERVICE_VERSION = '0.1.0';

/** Every variable alert-dispatch reads; documented in services/alert-dispatch/README.md. */
export const DISPATCH_ENV = z.object({
  ...COMMON_ENV,
  PORT: port(3003),
  DATABASE_URL: postgresUrl,
  /** BullMQ's Redis: the queue of webhook deliveries. */
  REDIS_URL: redisUrl,
  /** Consumer group of the dispatch replicas on screening.alert-raised.v1. */
  KAFKA_GROUP_ID: z.string().min(1).default('alert-dispatch'),
  /**
   * Partitions of one replica handled at the same time (order is kept within a partition). An alert
   * waits on PostgreSQL, the broker and Redis, not on the CPU.
   */
  PARTITIONS_CONSUMED_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(12),
  /** Attempts for a transient failure before the alert goes to the dead-letter topic. */
  MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** How long a failing event is retried before it is dead-lettered (EventConsumer.retryWindowMs). */
  RETRY_WINDOW_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * BullMQ queue of the webhook deliveries (its dead letters: `<name>-dead-letter`). Every replica of
   * one deployment uses the same; deployments sharing a Redis must not.
   */
  WEBHOOK_QUEUE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens')
    .default('agency-webhooks'),
  /** Attempts of one webhook delivery, the first included, before it is dead-lettered. */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Exponential backoff between webhook attempts: base, doubled each time, capped at max. */
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  WEBHOOK_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(300_000),
  /** An agency's endpoint that has not answered within this is a failed attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Webhook deliveries this replica runs at the same time; 0 runs none (a consumer/API-only replica). */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(0).max(500).default(20),
  /**
   * Webhooks also to private, loopback and link-local addresses, and over plain http: local development
   * and tests only (`docscreen stack up` sets it). Off by default: https to public addresses only,
   * checked at registration and again, on every address the name resolves to, at each delivery.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: flag(false),
  /**
   * The key ring sealing webhook signing secrets at rest (AES-256-GCM): `id:base64key,...`, 32-byte
   * keys; the first seals, all open. Unset: no webhook can be registered (503), and none is stored in clear.
   */
  SECRETS_KEYS: secretsKeys,
  /** How often open alerts and the webhook queue are counted for the metrics (database and Redis). */
  METRICS_REFRESH_MS: z.coerce.number().int().min(100).default(15_000),
  /** Bearer token of the operators' API (/v1/admin); unset or empty, that API is disabled. */
  ADMIN_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(24, 'must be at least 24 characters').optional(),
  ),
});

export type DispatchConfig = z.output<typeof DISPATCH_ENV>;

let cached: Readonly<DispatchConfig> | undefined;

/** The one place alert-dispatch reads `process.env`; validated once, at boot. */
export function dispatchConfig(): Readonly<DispatchConfig> {
  cached ??= loadConfig(SERVICE_NAME, DISPATCH_ENV, process.env);
  return cached;
}
