import { z } from 'zod';
import { COMMON_ENV, flag, loadConfig, port, postgresUrl, redisUrl, secretsKeys } from '@docscreen/config';

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
  /**
   * Seconds a carrier is told to wait (Retry-After, 503) when the broker cannot take its events, or
   * when its rate limit cannot be checked (Redis unreachable).
   */
  BROKER_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(30),
  /** How long a request waits for the broker's acknowledgement before answering 503. */
  KAFKA_PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Days the raw message is kept in the archive; then it is erased (its digest and receipt stay). */
  ARCHIVE_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  /**
   * Requests one carrier may make per minute (manifests and interactive queries together), in a window
   * that starts with its first request; more get 429 with Retry-After. Redis unreachable: 503.
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Consumer group of the gateway's directive consumer (BoardingDirective → table, carrier topic, webhook). */
  KAFKA_GROUP_ID: z.string().min(1).default('carrier-gateway'),
  /** Delivery attempts of the same record before it goes to the dead-letter topic. */
  MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** How long a failing event is retried before it is dead-lettered (EventConsumer.retryWindowMs). */
  RETRY_WINDOW_MS: z.coerce.number().int().min(0).default(60_000),
  /** The screening service's interactive API (`POST /v1/screenings`). */
  SCREENING_URL: z.url().default('http://127.0.0.1:3001'),
  /** Bearer token for that API (screening's INTERACTIVE_TOKEN); unset, every interactive answer is the safe default. */
  SCREENING_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  /**
   * Time from an interactive query's arrival (its headers read, before the body) to answering it. When
   * screening has not answered by then, the answer is the safe default — contact the authority — never
   * "board"; screening still completes through Kafka and its directive supersedes the default (topic,
   * webhook, polling).
   */
  INTERACTIVE_BUDGET_MS: z.coerce.number().int().min(50).default(2_000),
  /**
   * Interactive queries one replica works on at once (submission and screening). Above it a query is
   * answered at once with the safe default (`answeredBy: "shed"`), stored in the background while
   * INTERACTIVE_SHED_STORE_MAX_IN_FLIGHT allows, so screening's directive still follows. The default
   * was measured on the 2-core CI machine (docs/performance.md).
   */
  INTERACTIVE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(8),
  /**
   * Shed interactive queries stored at once in the background (archive, publish, safe default recorded),
   * so that screening's directive follows. Beyond it a shed query is answered without being stored: the
   * carrier's manifest brings the traveller to screening. Storing every shed query would keep an
   * overloaded replica doing nearly the full work of each.
   */
  INTERACTIVE_SHED_STORE_MAX_IN_FLIGHT: z.coerce.number().int().min(0).default(2),
  /**
   * Manifests (POST /v1/manifests, counted from their arrival, before the body is read) being stored,
   * per replica. Above it a manifest gets 503 with Retry-After at once.
   */
  MANIFEST_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(32),
  /** Retry-After on the 503 of a saturated replica (MANIFEST_MAX_IN_FLIGHT): a moment, not an outage. */
  SATURATED_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(2),
  /** Travellers in one interactive query (one check-in transaction: a traveller or a family). */
  INTERACTIVE_MAX_TRAVELLERS: z.coerce.number().int().min(1).max(50).default(10),
  /** UNB sender of the CUSRES answers to interactive PAXLST queries. */
  CUSRES_SENDER_ID: z.string().min(1).max(35).default('DOCSCREEN'),
  /** Signed webhook delivery of directives to carriers that registered a URL (libs/webhooks). */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  WEBHOOK_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(300_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).default(16),
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
