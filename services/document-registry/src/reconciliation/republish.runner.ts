import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { createPgPool } from '../database/pg-pool.js';
import { uuidV7 } from '@docscreen/contracts';
import { KAFKA, LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import type { DocumentStatusName, DocumentTypeName } from '@docscreen/travel-documents';
import { blankSeriesKey, documentKey } from '@docscreen/travel-documents';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { batchHeaders, copyRaw, outboxRow } from '../imports/import-batch.writer.js';
import { recordChanged, seriesChanged } from '../registry/registry-events.js';
import { REGISTRY_TOPIC, registryTopicEnds } from './registry-topic.js';

/** One runner at a time across replicas (session lock, held for the whole republish). */
const RUN_LOCK = 0x0d0c_0b11;
const REQUEST_LOCK = 0x0d0c_0b10;
const TOPIC = REGISTRY_TOPIC.topic;

interface RecordRow {
  issuing_state: string;
  document_type: DocumentTypeName;
  document_number: string;
  status: DocumentStatusName;
  reported_on: string;
  lost_on: string | null;
  authority_reference: string | null;
  authority_code: string;
}

interface SeriesRow {
  issuing_state: string;
  document_type: DocumentTypeName;
  prefix: string;
  first_number: string;
  last_number: string;
  status: DocumentStatusName;
  reported_on: string;
  authority_reference: string | null;
  authority_code: string;
}

// Keyset pages in the unique indexes' order: each page is an index range scan, whatever the size of
// the registry, and nothing but one page is ever in memory. FOR SHARE: a change committing while a
// page is read waits for the page's transaction (or the page waits for it and reads the changed row),
// so a withdrawal's events always follow, in the outbox, the republished event they supersede.
const RECORD_PAGE = `
SELECT r.issuing_state, r.document_type, r.document_number, r.status,
       to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on, to_char(r.lost_on, 'YYYY-MM-DD') AS lost_on,
       r.authority_reference, a.code AS authority_code
  FROM document_record r JOIN authority a ON a.id = r.authority_id
 WHERE r.withdrawn_at IS NULL AND (r.issuing_state, r.document_type, r.document_number) > ($1, $2, $3)
 ORDER BY r.issuing_state, r.document_type, r.document_number
 LIMIT $4
   FOR SHARE OF r`;

const SERIES_PAGE = `
SELECT s.issuing_state, s.document_type, s.prefix, s.first_number, s.last_number, s.status,
       to_char(s.reported_on, 'YYYY-MM-DD') AS reported_on, s.authority_reference, a.code AS authority_code
  FROM blank_series s JOIN authority a ON a.id = s.authority_id
 WHERE s.withdrawn_at IS NULL
   AND (s.issuing_state, s.document_type, s.prefix, s.first_number, s.last_number) > ($1, $2, $3, $4, $5)
 ORDER BY s.issuing_state, s.document_type, s.prefix, s.first_number, s.last_number
 LIMIT $6
   FOR SHARE OF s`;

/**
 * Runs requested republishes: every listed record and blank series of the registry is staged in the
 * outbox as its current state (an ADDED event), a page per transaction, so the relay publishes them
 * with the same ordering and durability as every change. Requests come from operators
 * (`POST /v1/admin/republishes`) and from the reconciler, which finds the topic behind the database.
 * A republish interrupted by a crash is started again from the beginning (its events are idempotent:
 * the latest state per key).
 */
@Injectable()
export class RepublishRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pool: pg.Pool;
  private readonly task: PeriodicTask;
  private readonly stopping = new AbortController();
  private active: Promise<void> | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.pool = createPgPool(
      { connectionString: config.DATABASE_URL, max: 2, application_name: 'document-registry-republish' },
      logger,
    );
    this.task = new PeriodicTask({ name: 'registry-republish', everyMs: 5_000, logger, runAtStart: true });
  }

  onApplicationBootstrap(): void {
    this.task.start(() => this.runPending());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.task.stop();
    await this.active?.catch(() => undefined);
    await this.pool.end();
  }

  /** Runs what is requested now rather than at the next period (a request was just made). */
  kick(): void {
    void this.runPending().catch((error: unknown) =>
      this.logger.warn({ error }, 'republish not started now; the next period tries again'),
    );
  }

  private async runPending(): Promise<void> {
    if (this.active || this.stopping.signal.aborted) return;
    this.active = this.runAll();
    try {
      await this.active;
    } finally {
      this.active = undefined;
    }
  }

  private async runAll(): Promise<void> {
    const client = await this.pool.connect();
    let locked = false;
    try {
      locked =
        (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RUN_LOCK])).rows[0]
          ?.ok === true;
      if (!locked) return; // another replica runs them
      // Holding the lock, any republish still marked running was left by a runner that died.
      await client.query(`UPDATE republish SET state = 'requested' WHERE state = 'running'`);
      while (!this.stopping.signal.aborted) {
        const id = await this.start(client);
        if (!id) return;
        try {
          await this.stage(client, id);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          // Stopped by a shutdown: left running, so the next runner starts it again.
          if (this.stopping.signal.aborted) return;
          await client.query(`UPDATE republish SET state = 'failed', error = $2 WHERE id = $1`, [
            id,
            String((error as Error).message ?? error).slice(0, 2000),
          ]);
          throw error;
        }
      }
    } finally {
      if (locked) await client.query('SELECT pg_advisory_unlock($1)', [RUN_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  /**
   * Takes the oldest request and accepts the topic as it is now as the baseline: the marks of a lost
   * topic are set to its current ends (the relay would otherwise find them behind again and ask for
   * a second republish of the same loss).
   */
  private async start(client: pg.PoolClient): Promise<string | undefined> {
    const admin = this.kafka.admin();
    await admin.connect();
    let offsets: { partition: number; high: string }[];
    try {
      offsets = await registryTopicEnds(admin);
    } finally {
      await admin.disconnect();
    }
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [REQUEST_LOCK]);
      const picked = await client.query<{ id: string }>(
        `UPDATE republish SET state = 'running', started_at = now(), records = 0, series = 0, error = NULL,
                total = (SELECT count(*) FROM document_record WHERE withdrawn_at IS NULL)
                      + (SELECT count(*) FROM blank_series WHERE withdrawn_at IS NULL)
          WHERE id = (SELECT id FROM republish WHERE state = 'requested' ORDER BY started_at LIMIT 1)
          RETURNING id::text AS id`,
      );
      const id = picked.rows[0]?.id;
      if (id)
        for (const o of offsets)
          await client.query(
            `INSERT INTO topic_partition_mark (topic, partition, end_offset, updated_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (topic, partition) DO UPDATE SET end_offset = excluded.end_offset, updated_at = now()`,
            [TOPIC, o.partition, o.high],
          );
      await client.query('COMMIT');
      return id;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async stage(client: pg.PoolClient, id: string): Promise<void> {
    const started = Date.now();
    const size = this.config.REPUBLISH_BATCH_SIZE;
    const headers = batchHeaders();
    let after: unknown[] = ['', '', ''];
    for (;;) {
      if (this.stopping.signal.aborted) throw new Error('stopped by a shutdown');
      const page = await this.page<RecordRow>(client, id, RECORD_PAGE, [...after, size], 'records', (r) =>
        outboxRow(
          documentKey({
            issuingState: r.issuing_state,
            documentType: r.document_type,
            documentNumber: r.document_number,
          }),
          recordChanged(
            'added',
            {
              issuingState: r.issuing_state,
              documentType: r.document_type,
              documentNumber: r.document_number,
              status: r.status,
              reportedOn: r.reported_on,
              lostOn: r.lost_on,
              authorityCode: r.authority_code,
              authorityReference: r.authority_reference,
            },
            { eventId: uuidV7() },
          ),
          headers,
        ),
      );
      const last = page.at(-1);
      if (!last || page.length < size) break;
      after = [last.issuing_state, last.document_type, last.document_number];
    }
    after = ['', '', '', '', ''];
    for (;;) {
      const page = await this.page<SeriesRow>(client, id, SERIES_PAGE, [...after, size], 'series', (s) => {
        const series = {
          issuingState: s.issuing_state,
          documentType: s.document_type,
          prefix: s.prefix,
          firstNumber: s.first_number,
          lastNumber: s.last_number,
        };
        return outboxRow(
          blankSeriesKey(series),
          seriesChanged('added', {
            ...series,
            status: s.status,
            reportedOn: s.reported_on,
            authorityCode: s.authority_code,
            authorityReference: s.authority_reference,
          }),
          headers,
        );
      });
      const last = page.at(-1);
      if (!last || page.length < size) break;
      after = [last.issuing_state, last.document_type, last.prefix, last.first_number, last.last_number];
    }
    const done = await client.query<{ records: number; series: number }>(
      `UPDATE republish SET state = 'staged', staged_at = now() WHERE id = $1 RETURNING records, series`,
      [id],
    );
    this.logger.info(
      { republishId: id, ...done.rows[0], ms: Date.now() - started },
      'registry state staged for republishing',
    );
  }

  /** One page in one transaction: read (locked), its events COPYed into the outbox, progress counted. */
  private async page<Row>(
    client: pg.PoolClient,
    id: string,
    sql: string,
    params: unknown[],
    counter: 'records' | 'series',
    toOutboxRow: (row: Row) => string,
  ): Promise<Row[]> {
    await client.query('BEGIN');
    const rows = (await client.query(sql, params)).rows as Row[];
    if (rows.length > 0) {
      await copyRaw(
        client,
        'COPY outbox_event (id, topic, key, payload, headers) FROM STDIN',
        rows.map(toOutboxRow),
      );
      await client.query(
        `UPDATE republish SET ${counter} = ${counter} + $2,
                last_sequence = currval(pg_get_serial_sequence('outbox_event', 'sequence')) WHERE id = $1`,
        [id, rows.length],
      );
    }
    await client.query('COMMIT');
    return rows;
  }
}
