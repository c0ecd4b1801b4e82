import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CONTENT_TYPE, encodeEvent, eventTypeOf, TOPICS, uuidV7 } from '@docscreen/contracts';
import { HEADERS, injectTraceContext } from '@docscreen/kafka';
import { blankSeriesKey, documentKey, type DocumentTypeName } from '@docscreen/travel-documents';
import { recordChanged, seriesChanged, type RegistryChange } from '../registry/registry-events.js';
import { copyRow, type CopyValue } from './copy-text.js';
import type { BatchCounts, ImportBatch, ImportedRecord } from './import-batch.js';

export interface ImportIdentity {
  importId: string;
  authorityId: string;
  authorityCode: string;
}

const TOPIC = TOPICS.DOCUMENT_STATUS_CHANGED;

// Upserts the staged records and answers the rows that changed, with what they were before: a row
// whose state is already exactly what the list says is left alone and counts as a duplicate (so
// importing the same list twice publishes nothing the second time). The statement's snapshot does not
// see its own insertions and updates, so the subquery reads each changed row as it was before: an index
// probe per changed row, whatever the planner knows of the (never analysed) staging table — a join of
// the staging table with document_record was planned as a hash join over the whole table, once per
// batch. The rows are inserted in the unique index's order, so each batch walks the index once.
const UPSERT_RECORDS = `
WITH up AS (
  INSERT INTO document_record AS d (id, issuing_state, document_type, document_number, status,
         reported_on, lost_on, authority_id, authority_reference, created_at, updated_at)
  SELECT s.id, s.issuing_state, s.document_type, s.document_number, s.status,
         s.reported_on, s.lost_on, $1::uuid, s.authority_reference, now(), now()
    FROM import_stage s
   ORDER BY s.issuing_state, s.document_type, s.document_number
  ON CONFLICT (issuing_state, document_type, document_number) DO UPDATE
     SET status = excluded.status, reported_on = excluded.reported_on, lost_on = excluded.lost_on,
         authority_id = excluded.authority_id, authority_reference = excluded.authority_reference,
         withdrawn_at = NULL, withdrawal_reason = NULL, updated_at = now()
   WHERE d.withdrawn_at IS NOT NULL
      OR (d.status, d.reported_on, d.lost_on, d.authority_reference)
         IS DISTINCT FROM (excluded.status, excluded.reported_on, excluded.lost_on, excluded.authority_reference)
  RETURNING d.issuing_state, d.document_type, d.document_number
)
SELECT up.issuing_state, up.document_type, up.document_number,
       coalesce((SELECT prior.withdrawn_at IS NULL FROM document_record prior
                  WHERE prior.issuing_state = up.issuing_state AND prior.document_type = up.document_type
                    AND prior.document_number = up.document_number), false) AS was_live
  FROM up`;

const UPSERT_SERIES = `
WITH prior AS (
  SELECT withdrawn_at IS NULL AS live FROM blank_series
   WHERE issuing_state = $2 AND document_type = $3 AND prefix = $4 AND first_number = $5 AND last_number = $6
), up AS (
  INSERT INTO blank_series AS b (id, issuing_state, document_type, prefix, first_number, last_number,
         status, reported_on, authority_id, authority_reference, created_at, updated_at)
  VALUES (gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8::date, $1::uuid, $9, now(), now())
  ON CONFLICT (issuing_state, document_type, prefix, first_number, last_number) DO UPDATE
     SET status = excluded.status, reported_on = excluded.reported_on,
         authority_id = excluded.authority_id, authority_reference = excluded.authority_reference,
         withdrawn_at = NULL, withdrawal_reason = NULL, updated_at = now()
   WHERE b.withdrawn_at IS NOT NULL
      OR (b.status, b.reported_on, b.authority_reference)
         IS DISTINCT FROM (excluded.status, excluded.reported_on, excluded.authority_reference)
  RETURNING 1
)
SELECT coalesce((SELECT live FROM prior), false) AS was_live FROM up`;

/**
 * Applies one batch of an import in one transaction, at COPY speed: the records are COPYed into a
 * staging table and upserted by one statement; their DocumentStatusChanged events are COPYed into
 * the outbox; the rejects are stored; and the import's checkpoint moves to the batch's last line.
 * A batch at or before the checkpoint is skipped (a resumed import re-reading it), so each line is
 * applied exactly once however often the worker crashes.
 *
 * @returns the batch's counts, or `undefined` when it had already been applied.
 */
export async function applyImportBatch(
  client: PoolClient,
  job: ImportIdentity,
  batch: ImportBatch,
): Promise<BatchCounts | undefined> {
  await client.query('BEGIN');
  try {
    const checkpoint = await client.query<{ lines_done: number }>(
      'SELECT lines_done FROM import_job WHERE id = $1 FOR UPDATE',
      [job.importId],
    );
    if ((checkpoint.rows[0]?.lines_done ?? Infinity) >= batch.lastLine) {
      await client.query('ROLLBACK');
      return undefined;
    }
    const counts: BatchCounts = { added: 0, updated: 0, duplicate: 0, rejected: batch.rejects.length };
    const outbox: string[] = [];
    const headers = batchHeaders();

    // The last line about a document wins; earlier ones in the same batch change nothing.
    const latest = new Map<string, ImportedRecord>();
    for (const { record } of batch.records) latest.set(documentKey(record), record);
    counts.duplicate += batch.records.length - latest.size;
    if (latest.size > 0) {
      await client.query(
        `CREATE TEMP TABLE import_stage (issuing_state varchar(3), document_type varchar(32),
           document_number text, status text, reported_on date, lost_on date, authority_reference text,
           id uuid) ON COMMIT DROP`,
      );
      await copyRows(
        client,
        'COPY import_stage FROM STDIN',
        [...latest.values()].map((r) => [
          r.issuingState,
          r.documentType,
          r.documentNumber,
          r.status,
          r.reportedOn,
          r.lostOn,
          r.authorityReference,
          uuidV7(),
        ]),
      );
      const upsert = client.query<{
        issuing_state: string;
        document_type: DocumentTypeName;
        document_number: string;
        was_live: boolean;
      }>(UPSERT_RECORDS, [job.authorityId]);
      // Its failure is thrown where it is awaited below (and rolls the batch back), not reported as
      // an unhandled rejection while the events are being built.
      upsert.catch(() => undefined);
      // While PostgreSQL upserts, the events are built as if every record were added (what most lines
      // of a list are): Node's work overlaps the database's instead of following it. Those the upsert
      // finds updated are built again; those it leaves alone (duplicates) are dropped unused.
      const asAdded = new Map<string, string>();
      let built = 0;
      for (const [key, record] of latest) {
        asAdded.set(
          key,
          outboxRow(
            key,
            recordChanged('added', { ...record, authorityCode: job.authorityCode }, { eventId: uuidV7() }),
            headers,
          ),
        );
        // Now and then let the event loop run: the query's bytes go out, the relay gets a turn.
        if (++built % 1000 === 0) await setImmediate();
      }
      const changed = await upsert;
      counts.duplicate += latest.size - changed.rowCount!;
      for (const row of changed.rows) {
        const key = `${row.issuing_state}:${row.document_type}:${row.document_number}`;
        if (!row.was_live) {
          counts.added++;
          outbox.push(asAdded.get(key)!);
          continue;
        }
        counts.updated++;
        const record = latest.get(key)!;
        outbox.push(
          outboxRow(
            key,
            recordChanged('updated', { ...record, authorityCode: job.authorityCode }, { eventId: uuidV7() }),
            headers,
          ),
        );
      }
    }

    for (const { series } of batch.series) {
      const result = await client.query<{ was_live: boolean }>(UPSERT_SERIES, [
        job.authorityId,
        series.issuingState,
        series.documentType,
        series.prefix,
        series.firstNumber,
        series.lastNumber,
        series.status,
        series.reportedOn,
        series.authorityReference ?? null,
      ]);
      const row = result.rows[0];
      if (!row) {
        counts.duplicate++;
        continue;
      }
      const change: RegistryChange = row.was_live ? 'updated' : 'added';
      counts[change === 'added' ? 'added' : 'updated']++;
      outbox.push(
        outboxRow(
          blankSeriesKey(series),
          seriesChanged(change, { ...series, authorityCode: job.authorityCode }),
          headers,
        ),
      );
    }

    if (outbox.length > 0)
      await copyRaw(client, 'COPY outbox_event (id, topic, key, payload, headers) FROM STDIN', outbox);
    if (batch.rejects.length > 0)
      await copyRows(
        client,
        'COPY import_reject (import_id, line, reason) FROM STDIN',
        batch.rejects.map((r) => [job.importId, r.line, r.reason]),
      );
    await client.query(
      `UPDATE import_job SET lines_done = $2, added = added + $3, updated = updated + $4,
              duplicate = duplicate + $5, rejected = rejected + $6 WHERE id = $1`,
      [job.importId, batch.lastLine, counts.added, counts.updated, counts.duplicate, counts.rejected],
    );
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

const EVENT_ID_SLOT = '00000000-0000-0000-0000-000000000000';

/**
 * The headers of every event of one batch are the same but for the event id: serialised once (with
 * the import's or republish's trace context), the id put in per row.
 */
export function batchHeaders(): (eventId: string) => string {
  const [before, after] = JSON.stringify(
    injectTraceContext({
      [HEADERS.CONTENT_TYPE]: CONTENT_TYPE,
      [HEADERS.EVENT_TYPE]: eventTypeOf(TOPIC),
      [HEADERS.EVENT_ID]: EVENT_ID_SLOT,
    }),
  ).split(EVENT_ID_SLOT) as [string, string];
  return (eventId) => before + eventId + after;
}

export function outboxRow(
  key: string,
  message: ReturnType<typeof recordChanged>,
  headers: (eventId: string) => string,
): string {
  const eventId = message.envelope!.eventId;
  return copyRow([eventId, TOPIC, key, encodeEvent(TOPIC, message), headers(eventId)]);
}

async function copyRows(
  client: PoolClient,
  sql: string,
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  await copyRaw(client, sql, rows.map(copyRow));
}

export async function copyRaw(client: PoolClient, sql: string, lines: readonly string[]): Promise<void> {
  await pipeline(Readable.from(chunked(lines)), client.query(copyFrom(sql)));
}

// Fewer, larger writes: COPY throughput depends on it.
function* chunked(lines: readonly string[], size = 256 * 1024): Generator<string> {
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
