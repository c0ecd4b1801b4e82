import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { waitFor, type TestDatabase } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// The archive retention job (ArchiveRetention → SubmissionsService.eraseExpiredArchives) as it runs
// in the gateway process, at start-up, on the real database: the raw message of a submission whose
// retention ended a minute ago is erased — its row, digest and receipt stay as the record — and the
// one whose retention ends in a minute is kept.

const RETENTION_DAYS = 90;

interface ArchivedRow {
  raw_message: Buffer | null;
  raw_sha256: string;
  status: string;
  receipt: { submissionId: string } | null;
}

const raw = (text: string) => Buffer.from(text);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function query<T extends pg.QueryResultRow>(
  db: TestDatabase,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('archive retention', () => {
  let gw: GatewayUnderTest;
  const expired = { id: randomUUID(), raw: raw('{"messageRef":"EXPIRED"}') };
  const fresh = { id: randomUUID(), raw: raw('{"messageRef":"FRESH"}') };

  /** Two accepted submissions received just over and just under RETENTION_DAYS ago. */
  async function backDatedSubmissions(db: TestDatabase): Promise<void> {
    const carrierId = randomUUID();
    await query(
      db,
      `INSERT INTO carrier (id, iata_code, name, contact_email) VALUES ($1, 'QR', 'QR Air', 'ops@example.org')`,
      [carrierId],
    );
    for (const [submission, age] of [
      [expired, `${RETENTION_DAYS} days 1 minute`],
      [fresh, `${RETENTION_DAYS} days -1 minute`],
    ] as const) {
      await query(
        db,
        `INSERT INTO manifest_submission
           (id, carrier_id, status, format, content_type, raw_message, raw_sha256, received_at,
            archive_expires_at, correlation_id, receipt)
         VALUES ($1::uuid, $2, 'accepted', 'json', 'application/json', $3, $4, now() - $5::interval,
                 now() - $5::interval + make_interval(days => $6), $1::text, $7)`,
        [
          submission.id,
          carrierId,
          submission.raw,
          sha256(submission.raw),
          age,
          RETENTION_DAYS,
          { submissionId: submission.id },
        ],
      );
    }
  }

  beforeAll(async () => {
    gw = await startGateway(
      { ARCHIVE_RETENTION_DAYS: String(RETENTION_DAYS) },
      { beforeStart: backDatedSubmissions },
    );
  }, 180_000);

  afterAll(async () => {
    expect(await gw?.stop()).toBe(0);
  });

  it('erases the raw message past its retention at start-up, keeps its digest and receipt, and keeps the fresh one', async () => {
    const rows = async () =>
      new Map(
        (
          await query<ArchivedRow & { id: string }>(
            gw.db,
            'SELECT id, raw_message, raw_sha256, status, receipt FROM manifest_submission',
          )
        ).map((row) => [row.id, row]),
      );
    const after = await waitFor('the expired raw message to be erased', async () => {
      const all = await rows();
      return all.get(expired.id)?.raw_message === null ? all : undefined;
    });
    expect(after.get(expired.id)).toEqual({
      id: expired.id,
      raw_message: null,
      raw_sha256: sha256(expired.raw),
      status: 'accepted',
      receipt: { submissionId: expired.id },
    });
    expect(after.get(fresh.id)?.raw_message).toEqual(fresh.raw);
    expect(after.get(fresh.id)?.raw_sha256).toBe(sha256(fresh.raw));
  });
});
