import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { generateNationalList, type NationalListFormat } from '@docscreen/national-list';
import { EXIT } from '../exit-codes.js';
import { ProgressBar } from '../progress-bar.js';
import { defaultActor } from './alerts.command.js';
import { adminToken, callGateway } from './gateway-client.js';

const DEFAULT_REGISTRY = process.env['DOCSCREEN_REGISTRY_URL'] ?? 'http://127.0.0.1:3002';

interface RegistryOptions {
  registry: string;
  token?: string;
  authority?: string;
  credential?: string;
}

/** services/document-registry's republish as its operators' API answers it. */
interface RepublishStatus {
  republishId: string;
  state: 'requested' | 'running' | 'staged' | 'published' | 'failed';
  records: number;
  series: number;
  total: number;
}

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
  linesPerSecond: number | null;
}

/**
 * How a command acts for an authority: its own credential (`--credential` or
 * DOCSCREEN_AUTHORITY_CREDENTIAL), or the operator token with `--authority <code>`.
 */
function actingAs(options: RegistryOptions): { token: string; headers: Record<string, string> } {
  const credential = options.credential ?? process.env['DOCSCREEN_AUTHORITY_CREDENTIAL'];
  if (credential) return { token: credential, headers: {} };
  if (!options.authority)
    throw new Error(
      'say who acts: --authority <code> (with the operator token) or --credential <authority credential>',
    );
  return { token: adminToken(options.token), headers: { 'x-docscreen-authority': options.authority } };
}

export function registerSltdCommand(program: Command): void {
  const sltd = program
    .command('sltd')
    .description(
      'The lost, stolen and revoked documents registry: import, check, withdraw, republish, generate',
    )
    .option('--registry <url>', 'document registry base URL', DEFAULT_REGISTRY)
    .option(
      '--token <token>',
      'operator token (default: DOCSCREEN_ADMIN_TOKEN or the local stack’s .run/admin-token)',
    );

  sltd
    .command('import')
    .description(
      'Bulk-import a national list (CSV with a header row, or JSON Lines); progress bar, then a JSON summary',
    )
    .argument('<file>', 'the list: .csv, or .jsonl/.ndjson')
    .option('--authority <code>', 'the authority the operator imports for')
    .option('--credential <secret>', 'import with an authority’s own credential instead')
    .option('--format <format>', 'csv or jsonl (default: from the file name)')
    .option('--rejects <file>', 'write the rejects report (line, reason) to this file as JSON Lines')
    .action(async (file: string, options: RegistryOptions & { format?: string; rejects?: string }) => {
      const { registry } = sltd.opts<RegistryOptions>();
      const { token, headers } = actingAs({ ...sltd.opts<RegistryOptions>(), ...options });
      const format = options.format ?? (/\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv');
      const size = (await stat(file)).size;
      const started = Date.now();
      const response = await fetch(`${registry}/v1/imports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': format === 'jsonl' ? 'application/jsonl' : 'text/csv',
          'content-length': String(size),
          ...headers,
        },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const accepted = (await response.json()) as ImportStatus;
      if (response.status !== 202)
        throw new Error(`registry answered ${response.status}: ${JSON.stringify(accepted)}`);

      const bar = new ProgressBar('lines');
      let status = accepted;
      while (status.state === 'queued' || status.state === 'running') {
        bar.update(status.linesDone, status.totalLines);
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (
          await callGateway(`${registry}/v1/imports/${accepted.importId}`, { method: 'GET', token, headers })
        ).body as ImportStatus;
      }
      bar.update(status.linesDone, status.totalLines);
      bar.finish();
      if (options.rejects) await writeRejects(registry, accepted.importId, token, headers, options.rejects);
      const seconds = (Date.now() - started) / 1000;
      const records = status.added + status.updated + status.duplicate;
      process.stdout.write(
        `${JSON.stringify(
          {
            importId: status.importId,
            state: status.state,
            lines: status.totalLines,
            accepted: status.added + status.updated,
            added: status.added,
            updated: status.updated,
            duplicate: status.duplicate,
            rejected: status.rejected,
            seconds: Number(seconds.toFixed(2)),
            recordsPerSecond: Math.round((records + status.rejected) / seconds),
            ...(status.error ? { error: status.error } : {}),
            ...(status.rejected > 0 && !options.rejects
              ? { rejects: `${registry}/v1/imports/${status.importId}/rejects` }
              : {}),
          },
          null,
          2,
        )}\n`,
      );
      if (status.state !== 'completed') process.exitCode = EXIT.INVALID;
    });

  sltd
    .command('check')
    .description('Is this document listed? JSON answer; exit 0 not listed, 1 listed')
    .argument('<issuingState>', 'ICAO 9303 code, e.g. NLD or D')
    .argument('<number>', 'document number in any spelling')
    .option('--type <code>', 'document type: P, I, V, … (default: any)')
    .action(async (issuingState: string, number: string, options: { type?: string }) => {
      const { registry, token } = sltd.opts<RegistryOptions>();
      const { body } = await callGateway(`${registry}/v1/admin/lookups`, {
        method: 'POST',
        token: adminToken(token),
        contentType: 'application/json',
        body: JSON.stringify({
          issuingState,
          documentNumber: number,
          ...(options.type ? { documentType: options.type } : {}),
        }),
      });
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      process.exitCode = (body as { listed: boolean }).listed ? EXIT.INVALID : EXIT.OK;
    });

  sltd
    .command('withdraw')
    .description('Withdraw a listed document (or, with --series, a blank series) of the authority’s state')
    .argument('<issuingState>', 'ICAO 9303 code')
    .argument('[number]', 'document number (omit with --series)')
    .requiredOption('--type <code>', 'document type: P, I, V, …')
    .option('--series <first-last>', 'a blank series, e.g. 01000-01999 (digits), with --prefix')
    .option('--prefix <prefix>', 'the series’ prefix, e.g. C', '')
    .option('--reason <reason>', 'recovered, cancelled or reported-in-error', 'recovered')
    .option('--authority <code>', 'the authority the operator acts for')
    .option('--credential <secret>', 'act with an authority’s own credential instead')
    .action(
      async (
        issuingState: string,
        number: string | undefined,
        options: RegistryOptions & { type: string; series?: string; prefix: string; reason: string },
      ) => {
        const { registry } = sltd.opts<RegistryOptions>();
        const { token, headers } = actingAs({ ...sltd.opts<RegistryOptions>(), ...options });
        const [firstNumber, lastNumber] = options.series?.split('-') ?? [];
        if (!options.series && !number) throw new Error('give the document number, or --series first-last');
        const { url, payload } = options.series
          ? {
              url: `${registry}/v1/series/withdraw`,
              payload: {
                issuingState,
                documentType: options.type,
                prefix: options.prefix,
                firstNumber,
                lastNumber,
              },
            }
          : {
              url: `${registry}/v1/records/withdraw`,
              payload: { issuingState, documentType: options.type, documentNumber: number },
            };
        const { body } = await callGateway(url, {
          method: 'POST',
          token,
          headers,
          contentType: 'application/json',
          body: JSON.stringify({ ...payload, reason: options.reason }),
        });
        process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      },
    );

  sltd
    .command('republish')
    .description(
      'Republish every listed record and blank series to the registry topic (after a broker lost it): a progress bar, then a JSON summary; exit 0 once all are published',
    )
    .option('--actor <name>', 'who asks, for the audit trail (default: $USER@host)')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--no-wait', 'answer once it is requested, without following it')
    .action(async (options: { actor?: string; reason?: string; wait: boolean }) => {
      const { registry, token } = sltd.opts<RegistryOptions>();
      const operator = adminToken(token);
      const { body } = await callGateway(`${registry}/v1/admin/republishes`, {
        method: 'POST',
        token: operator,
        contentType: 'application/json',
        body: JSON.stringify({
          actor: options.actor ?? defaultActor(),
          ...(options.reason ? { reason: options.reason } : {}),
        }),
      });
      let status = body as RepublishStatus;
      const bar = new ProgressBar('entries');
      while (options.wait && ['requested', 'running', 'staged'].includes(status.state)) {
        bar.update(status.records + status.series, status.total);
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (
          await callGateway(`${registry}/v1/admin/republishes/${status.republishId}`, {
            method: 'GET',
            token: operator,
          })
        ).body as RepublishStatus;
      }
      bar.update(status.records + status.series, status.total);
      bar.finish();
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      if (status.state === 'failed' || (options.wait && status.state !== 'published'))
        process.exitCode = EXIT.INVALID;
    });

  sltd
    .command('generate')
    .description('Write a realistic synthetic national list (per-state number formats, some blank series)')
    .requiredOption('--count <n>', 'data lines to write', (v) => Number.parseInt(v, 10))
    .requiredOption('--out <file>', 'output file (.csv or .jsonl)')
    .option('--format <format>', 'csv or jsonl (default: from the file name)')
    .option('--seed <n>', 'random seed: the same seed writes the same list', (v) => Number.parseInt(v, 10), 1)
    .option('--states <codes>', 'comma-separated ICAO codes (default: every state with a known format)')
    .action(
      async (options: { count: number; out: string; format?: string; seed: number; states?: string }) => {
        if (!Number.isSafeInteger(options.count) || options.count < 0)
          throw new Error('--count must be a whole number');
        const format: NationalListFormat = (options.format ??
          (/\.(jsonl|ndjson)$/i.test(options.out) ? 'jsonl' : 'csv')) as NationalListFormat;
        const out = createWriteStream(options.out);
        const bar = new ProgressBar('lines');
        let written = 0;
        let buffer = '';
        for (const line of generateNationalList({
          count: options.count,
          seed: options.seed,
          format,
          ...(options.states ? { states: options.states.split(',').map((s) => s.trim().toUpperCase()) } : {}),
        })) {
          buffer += `${line}\n`;
          written++;
          if (buffer.length > 1 << 20) {
            if (!out.write(buffer)) await once(out, 'drain');
            buffer = '';
            bar.update(written, options.count);
          }
        }
        out.end(buffer);
        await once(out, 'finish');
        bar.update(written, written);
        bar.finish();
        process.stdout.write(`${JSON.stringify({ out: options.out, format, lines: written })}\n`);
      },
    );
}

async function writeRejects(
  registry: string,
  importId: string,
  token: string,
  headers: Record<string, string>,
  file: string,
): Promise<void> {
  const out = createWriteStream(file);
  for (let after = 0; ;) {
    const { body } = await callGateway(
      `${registry}/v1/imports/${importId}/rejects?afterLine=${after}&limit=10000`,
      {
        method: 'GET',
        token,
        headers,
      },
    );
    const page = (body as { rejects: { line: number; reason: string }[] }).rejects;
    for (const reject of page) out.write(`${JSON.stringify(reject)}\n`);
    if (page.length < 10_000) break;
    after = page[page.length - 1]!.line;
  }
  out.end();
  await once(out, 'finish');
}
