// Import: bulk import of a national list through the running document registry (upload over HTTP,
// BullMQ job, COPY into staging, upsert into document_record, a DocumentStatusChanged event per
// record COPYed into the outbox and published by the outbox relay), in records per second from the
// upload to the import job completed; and how long until the relay had published every event. Beside
// a baseline in the same run: `psql \copy` of the same rows, as the tables store them, into the same
// tables (a second fresh database with the same migrations, so their indexes are there).
//
//   node --experimental-strip-types tests/bench/import.bench.ts [--quick] [--json] [--records N]
//        [--profile DIR]   (the registry runs with --cpu-prof and writes its profile into DIR)
//
// Needs `npx nx build document-registry` and the infrastructure (`npx docscreen stack up --infra`).
// The list is a realistic synthetic list of one state ('D': passports and identity cards, about one
// line in 1,000 a stolen blank series), imported by that state's own authority. Its events go to the
// registry topic of the broker, as every import's do.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
// The registry's own id generator: the baseline's rows get ids as the imported ones do.
import { uuidV7 } from '@docscreen/contracts';
import { SyntheticNationalList, csvField } from '@docscreen/national-list';
import { createTestDatabase, freePort, startServiceProcess } from '@docscreen/testing';
import { BenchWatchdog } from './support/watchdog.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'services/document-registry/prisma/migrations');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const parameters = {
  records: Number(option('--records') ?? (quick ? 100_000 : 1_000_000)),
  issuingState: 'D',
  format: 'csv' as const,
  seriesEvery: 1000,
  seed: 20261205,
};
const TARGET = 0.5;
const profileDir = option('--profile');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const infra = {
  kafka: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
  postgres: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  redis: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};
// A Redis database of its own, so the bench's BullMQ queue meets no other registry's jobs.
const watchdog = new BenchWatchdog('import', { brokers: infra.kafka });
const redisUrl = (() => {
  const url = new URL(infra.redis);
  url.pathname = '/13';
  return url.toString();
})();

const RECORD_COLUMNS = [
  'id',
  'issuing_state',
  'document_type',
  'document_number',
  'status',
  'reported_on',
  'lost_on',
  'authority_id',
  'authority_reference',
  'created_at',
  'updated_at',
];
const SERIES_COLUMNS = [
  'id',
  'issuing_state',
  'document_type',
  'prefix',
  'first_number',
  'last_number',
  'status',
  'reported_on',
  'authority_id',
  'authority_reference',
  'created_at',
  'updated_at',
];

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/**
 * Writes the national list and, for the baseline, the rows the registry's tables hold after importing
 * it (CSV with the tables' columns: an id per row as the registry gives them — time-ordered for
 * records, random for series —, the authority, the normalised values, the same timestamps on every row).
 */
async function generate(
  dir: string,
  authorityId: string,
): Promise<{ list: string; records: string; series: string; bytes: number; recordRows: number }> {
  const synthetic = new SyntheticNationalList({
    count: parameters.records,
    seed: parameters.seed,
    format: parameters.format,
    states: [parameters.issuingState],
    seriesEvery: parameters.seriesEvery,
  });
  const files = {
    list: path.join(dir, 'list.csv'),
    records: path.join(dir, 'document_record.csv'),
    series: path.join(dir, 'blank_series.csv'),
  };
  const list = createWriteStream(files.list);
  const records = createWriteStream(files.records);
  const series = createWriteStream(files.series);
  const now = new Date().toISOString();
  const text = (value: string | undefined) => (value === undefined ? '' : csvField(value));
  let buffers = { list: `${synthetic.header}\n`, records: '', series: '' };
  let recordRows = 0;
  const flush = async () => {
    await Promise.all([
      write(list, buffers.list),
      write(records, buffers.records),
      write(series, buffers.series),
    ]);
    buffers = { list: '', records: '', series: '' };
  };
  for (let i = 0; i < parameters.records; i++) {
    buffers.list += `${synthetic.line(i)}\n`;
    const entry = synthetic.entry(i);
    if (entry.kind === 'record') {
      const r = entry.record;
      recordRows++;
      buffers.records += `${uuidV7()},${r.issuingState},${r.documentType},${text(r.documentNumber)},${r.status},${r.reportedOn},${r.lostOn ?? ''},${authorityId},${text(r.authorityReference)},${now},${now}\n`;
    } else {
      const s = entry.series;
      buffers.series += `${randomUUID()},${s.issuingState},${s.documentType},${text(s.prefix) || '""'},${s.firstNumber},${s.lastNumber},${s.status},${s.reportedOn},${authorityId},${text(s.authorityReference)},${now},${now}\n`;
    }
    if (buffers.list.length > 1 << 20) {
      await flush();
      watchdog.progress();
    }
  }
  await flush();
  await Promise.all([close(list), close(records), close(series)]);
  return { ...files, bytes: (await stat(files.list)).size, recordRows };
}

/** Runs psql against `url` with the given commands; resolves with the seconds it took. */
async function psql(url: string, commands: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(
    'psql',
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...commands.flatMap((c) => ['-c', c])],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`psql exited ${code}: ${stderr}`);
  return (performance.now() - started) / 1000;
}

const copyInto = (table: string, columns: string[], file: string) =>
  `\\copy ${table} (${columns.join(', ')}) FROM '${file}' WITH (FORMAT csv)`;

interface ImportStatus {
  importId: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  totalLines: number;
  linesDone: number;
  added: number;
  updated: number;
  duplicate: number;
  rejected: number;
  error: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

watchdog.phase('start-up');
const work = await mkdtemp(path.join(tmpdir(), 'bench-import-'));
watchdog.cleanup(() => rm(work, { recursive: true, force: true }));
const importDb = watchdog.database(await createTestDatabase(infra.postgres, MIGRATIONS, 'bench_import'));
const copyDb = watchdog.database(await createTestDatabase(infra.postgres, MIGRATIONS, 'bench_import_copy'));
const importSql = new pg.Client({ connectionString: importDb.url });
await importSql.connect();
let registry: Awaited<ReturnType<typeof startServiceProcess>> | undefined;
try {
  // The baseline's authority: the rows reference it as the imported ones reference theirs.
  const authorityId = randomUUID();
  await psql(copyDb.url, [
    `INSERT INTO authority (id, code, name, issuing_state, credential_prefix, credential_hash)
     VALUES ('${authorityId}', 'bench', 'bench', '${parameters.issuingState}', 'x', '${'0'.repeat(64)}')`,
  ]);
  watchdog.phase('generating the national list');
  const files = await generate(work, authorityId);

  watchdog.phase('starting the registry');
  registry = await startServiceProcess({
    name: 'document-registry',
    serviceDir: path.join(ROOT, 'services/document-registry'),
    port: await freePort(),
    env: {
      KAFKA_BROKERS: infra.kafka,
      DATABASE_URL: importDb.url,
      REDIS_URL: redisUrl,
      IMPORT_DIR: path.join(work, 'imports'),
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
      ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}` } : {}),
    },
  });
  watchdog.service(registry);
  const registered = await fetch(`${registry.baseUrl}/v1/admin/authorities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'bench-authority', name: 'Bench', issuingState: parameters.issuingState }),
  });
  if (registered.status !== 201) throw new Error(`registering the authority: ${registered.status}`);
  const { credential } = (await registered.json()) as { credential: string };

  // Measured: from the upload's first byte to the import job completed (its finishedAt).
  watchdog.phase('registry import');
  const started = Date.now();
  const response = await fetch(`${registry.baseUrl}/v1/imports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${credential}`,
      'content-type': 'text/csv',
      'content-length': String(files.bytes),
    },
    body: Readable.toWeb(createReadStream(files.list)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const accepted = (await response.json()) as ImportStatus;
  if (response.status !== 202)
    throw new Error(`upload answered ${response.status}: ${JSON.stringify(accepted)}`);
  const uploaded = Date.now();
  let status = accepted;
  while (status.state === 'queued' || status.state === 'running') {
    await sleep(250);
    const done = status.linesDone;
    status = (await (
      await fetch(`${registry.baseUrl}/v1/imports/${accepted.importId}`, {
        headers: { authorization: `Bearer ${credential}` },
      })
    ).json()) as ImportStatus;
    if (status.linesDone !== done) watchdog.progress();
  }
  if (status.state !== 'completed') throw new Error(`the import ${status.state}: ${status.error}`);
  const job = (
    await importSql.query<{ started_at: Date; finished_at: Date }>(
      'SELECT started_at, finished_at FROM import_job WHERE id = $1',
      [accepted.importId],
    )
  ).rows[0]!;
  const pendingAtCompletion = Number(
    (
      await importSql.query<{ n: string }>(
        'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
      )
    ).rows[0]!.n,
  );
  // Then until the relay has published every event (polled; the time is the last row's mark).
  watchdog.phase('outbox relay');
  let left = Infinity;
  for (const deadline = Date.now() + 3_600_000; ;) {
    const { rows } = await importSql.query<{ n: string }>(
      'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
    );
    if (Number(rows[0]!.n) === 0) break;
    if (Number(rows[0]!.n) < left) watchdog.progress();
    left = Number(rows[0]!.n);
    if (Date.now() > deadline) throw new Error('the relay did not publish every event within an hour');
    await sleep(500);
  }
  const outbox = (
    await importSql.query<{ events: string; last: Date | null }>(
      'SELECT count(*) AS events, max(published_at) AS last FROM outbox_event',
    )
  ).rows[0]!;
  const stored = Number(
    (await importSql.query<{ n: string }>('SELECT count(*) AS n FROM document_record')).rows[0]!.n,
  );
  watchdog.release(registry);
  await registry.stop();
  registry = undefined;

  // Baseline: psql \copy of the same rows into the same tables, as migrated (indexes, constraints)...
  watchdog.phase('psql \\copy baseline');
  const copySeconds = await psql(copyDb.url, [
    copyInto('document_record', RECORD_COLUMNS, files.records),
    copyInto('blank_series', SERIES_COLUMNS, files.series),
  ]);
  // ...and, for reference, into tables of the same columns without their indexes and constraints.
  watchdog.phase('psql \\copy into tables without indexes');
  await psql(copyDb.url, [
    'CREATE TABLE bare_document_record (LIKE document_record)',
    'CREATE TABLE bare_blank_series (LIKE blank_series)',
  ]);
  const bareSeconds = await psql(copyDb.url, [
    copyInto('bare_document_record', RECORD_COLUMNS, files.records),
    copyInto('bare_blank_series', SERIES_COLUMNS, files.series),
  ]);

  const lines = parameters.records;
  const importSeconds = (job.finished_at.getTime() - started) / 1000;
  const publishedSeconds = ((outbox.last?.getTime() ?? started) - started) / 1000;
  const figures = {
    recordsPerSecond: Math.round(lines / importSeconds),
    importSeconds: Number(importSeconds.toFixed(2)),
    uploadSeconds: Number(((uploaded - started) / 1000).toFixed(2)),
    jobSeconds: Number(((job.finished_at.getTime() - job.started_at.getTime()) / 1000).toFixed(2)),
    added: status.added,
    rejected: status.rejected,
    storedRecords: stored,
    events: Number(outbox.events),
    unpublishedAtCompletion: pendingAtCompletion,
    allPublishedAtCompletion: pendingAtCompletion === 0,
    allPublishedSeconds: Number(publishedSeconds.toFixed(2)),
    publishedRecordsPerSecond: Math.round(lines / publishedSeconds),
    fileBytes: files.bytes,
  };
  const baseline = {
    copyRecordsPerSecond: Math.round(lines / copySeconds),
    copySeconds: Number(copySeconds.toFixed(2)),
    copyWithoutIndexesRecordsPerSecond: Math.round(lines / bareSeconds),
    copyWithoutIndexesSeconds: Number(bareSeconds.toFixed(2)),
  };
  if (status.added !== lines || stored !== files.recordRows || Number(outbox.events) !== lines)
    throw new Error(
      `the import is incomplete: ${status.added} added of ${lines} lines, ${stored} records stored of ${files.recordRows}, ${outbox.events} events`,
    );
  const ratio = Number((figures.recordsPerSecond / baseline.copyRecordsPerSecond).toFixed(3));
  const result = {
    name: 'import',
    parameters,
    figures,
    baseline,
    ratio,
    target: TARGET,
    met: ratio >= TARGET,
  };
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      [
        `import: ${lines} lines (${files.recordRows} records, ${lines - files.recordRows} blank series) of ${parameters.issuingState}, ${(files.bytes / 1e6).toFixed(1)} MB CSV`,
        `                                        records/s   seconds`,
        `  registry import (upload → completed)  ${String(figures.recordsPerSecond).padStart(9)}   ${String(figures.importSeconds).padStart(7)}   (upload ${figures.uploadSeconds} s, job ${figures.jobSeconds} s)`,
        `  … until the relay published all       ${String(figures.publishedRecordsPerSecond).padStart(9)}   ${String(figures.allPublishedSeconds).padStart(7)}   (${figures.unpublishedAtCompletion} of ${figures.events} events unpublished at completion)`,
        `  psql \\copy into the tables             ${String(baseline.copyRecordsPerSecond).padStart(9)}   ${String(baseline.copySeconds).padStart(7)}`,
        `  psql \\copy, tables without indexes     ${String(baseline.copyWithoutIndexesRecordsPerSecond).padStart(9)}   ${String(baseline.copyWithoutIndexesSeconds).padStart(7)}`,
        `  ratio import/\\copy: ${ratio} (target ≥ ${TARGET}: ${result.met ? 'met' : 'missed'})`,
        '',
      ].join('\n'),
    );
} finally {
  watchdog.disarm();
  await registry?.stop();
  await importSql.end();
  await importDb.drop();
  await copyDb.drop();
  await rm(work, { recursive: true, force: true });
}
