import { z } from 'zod';
import { COMMON_ENV, loadConfig, port, postgresUrl, redisUrl } from '@docscreen/config';

export const SERVICE_NAME = 'document-registry';
export const SERVICE_VERSION = '0.1.0';

/** Every variable the registry reads; documented in services/document-registry/README.md. */
export const REGISTRY_ENV = z.object({
  ...COMMON_ENV,
  PORT: port(3002),
  DATABASE_URL: postgresUrl,
  /** BullMQ's Redis: the queue of bulk imports. */
  REDIS_URL: redisUrl,
  /**
   * Where uploaded national lists are kept until their import completes (the import resumes from
   * them after a crash). Every replica that runs imports must see the same directory.
   */
  IMPORT_DIR: z.string().min(1).default('data/imports'),
  /** Largest national list accepted in one upload. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(4 * 1024 ** 3),
  /** Lines applied per transaction: the unit of progress and of resumption after a crash. */
  IMPORT_BATCH_LINES: z.coerce.number().int().min(100).max(200_000).default(10_000),
  /** Imports this replica runs at the same time; 0 runs none (an API-only replica). */
  IMPORT_CONCURRENCY: z.coerce.number().int().min(0).max(8).default(1),
  /** How often the outbox relay looks for unpublished changes when it is idle. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(200),
  /** Changes published per relay round. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).default(2_000),
  /**
   * How often the registry compares its topic with its database (and at start): a topic found behind
   * (a partition ending below what was published to it, or fewer events than listed entries) is
   * refilled by a republish without anyone asking. 0 turns the periodic check off (not the relay's).
   */
  TOPIC_CHECK_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often the outbox backlog and the relay's lag are read for the metrics (one indexed query). */
  METRICS_REFRESH_MS: z.coerce.number().int().min(100).default(15_000),
  /**
   * How often listed documents and blank series are counted by issuing state and status for the
   * metrics (a count over the whole tables: seconds at 100M records); 0 never counts them.
   */
  RECORD_COUNTS_MS: z.coerce.number().int().min(0).default(300_000),
  /** Listed entries staged in the outbox per transaction when the registry republishes its state. */
  REPUBLISH_BATCH_SIZE: z.coerce.number().int().min(100).max(100_000).default(10_000),
  /** Bearer token of the operators' API (/v1/admin); unset or empty, that API is disabled. */
  ADMIN_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(24, 'must be at least 24 characters').optional(),
  ),
});

export type RegistryConfig = z.output<typeof REGISTRY_ENV>;

let cached: Readonly<RegistryConfig> | undefined;

/** The one place the registry reads `process.env`; validated once, at boot. */
export function registryConfig(): Readonly<RegistryConfig> {
  cached ??= loadConfig(SERVICE_NAME, REGISTRY_ENV, process.env);
  return cached;
}
