import { z } from 'zod';
import { COMMON_ENV, loadConfig, optionalUrl, port, postgresUrl } from '@docscreen/config';

export const SERVICE_NAME = 'screening';
export const SERVICE_VERSION = '0.1.0';

/** Every variable screening reads; documented in services/screening/README.md. */
export const SCREENING_ENV = z.object({
  ...COMMON_ENV,
  PORT: port(3001),
  DATABASE_URL: postgresUrl,
  /** Consumer group of the screening replicas: they share the passenger topic's partitions. */
  KAFKA_GROUP_ID: z.string().min(1).default('screening'),
  /**
   * Partitions of one replica handled at the same time (order is kept within a partition). Each event
   * waits on PostgreSQL and on the broker's acknowledgement, not on the CPU (the rules take ~40 µs), so
   * as many as the topic has partitions.
   */
  PARTITIONS_CONSUMED_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(12),
  /**
   * Most consecutive events of one partition screened together (one insert, one produce request).
   * A quiet partition gives one event at a time, so this bounds only a busy partition's batches.
   */
  BATCH_MAX_EVENTS: z.coerce.number().int().min(1).max(5_000).default(500),
  /** Attempts for a transient failure before the event goes to the dead-letter topic. */
  MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** How long a failing event is retried before it is dead-lettered (EventConsumer.retryWindowMs). */
  RETRY_WINDOW_MS: z.coerce.number().int().min(0).default(60_000),
  /** How often the active rule set, visa matrix and violations are re-read (a switch needs no restart). */
  REFERENCE_DATA_POLL_MS: z.coerce.number().int().min(100).default(5_000),
  /** Bearer token of the operators' API (/v1/admin); unset or empty, that API is disabled. */
  ADMIN_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(24, 'must be at least 24 characters').optional(),
  ),
  /**
   * Bearer token the carrier gateway presents on the interactive API (`POST /v1/screenings`); unset or
   * empty, that API is disabled and interactive check-in falls back to the gateway's safe default.
   */
  INTERACTIVE_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(24, 'must be at least 24 characters').optional(),
  ),
  /** Travellers one interactive request may carry (iAPI queries are one traveller or a family). */
  INTERACTIVE_MAX_TRAVELLERS: z.coerce.number().int().min(1).max(1000).default(50),
  /**
   * Where the lost/stolen index is snapshotted with its topic offsets, for a fast restart; unset, the
   * index is rebuilt from the compacted registry topic at every start.
   */
  SLTD_SNAPSHOT_PATH: z.string().min(1).optional(),
  /** How often the snapshot is rewritten (and at shutdown); 0 only at shutdown. */
  SLTD_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(0).default(300_000),
  /**
   * The document registry's base URL, for its topic watermark (ADR 0012): screening is not ready, and
   * screens no document against the index, while the index is behind what the registry published
   * (e.g. a broker that lost the topic, until the registry has refilled it). Unset, the index is
   * compared with the topic only — which cannot tell an emptied topic from an empty registry.
   */
  REGISTRY_URL: optionalUrl,
  /** How often the registry's watermark (and the topic's end offsets) are compared with the index. */
  REGISTRY_WATERMARK_POLL_MS: z.coerce.number().int().min(100).default(5_000),
});

export type ScreeningConfig = z.output<typeof SCREENING_ENV>;

let cached: Readonly<ScreeningConfig> | undefined;

/** The one place screening reads `process.env`; validated once, at boot. */
export function screeningConfig(): Readonly<ScreeningConfig> {
  cached ??= loadConfig(SERVICE_NAME, SCREENING_ENV, process.env);
  return cached;
}
