import type { Command } from 'commander';
import type { DeadLetterTopicSummary, RedriveResult } from '@docscreen/kafka';
import { EXIT } from '../exit-codes.js';
import { defaultActor } from './alerts.command.js';
import { adminToken, callGateway, GatewayError } from './gateway-client.js';

/** Where each service's operators' API answers, overridable as the other commands allow. */
const SERVICE_URLS: Readonly<Record<string, string>> = Object.freeze({
  'carrier-gateway': process.env['DOCSCREEN_GATEWAY_URL'] ?? 'http://127.0.0.1:3000',
  screening: process.env['DOCSCREEN_SCREENING_URL'] ?? 'http://127.0.0.1:3001',
  'document-registry': process.env['DOCSCREEN_REGISTRY_URL'] ?? 'http://127.0.0.1:3002',
  'alert-dispatch': process.env['DOCSCREEN_ALERTS_URL'] ?? 'http://127.0.0.1:3003',
});

interface DlqOptions {
  service?: string;
  url?: string;
  token?: string;
}

interface Target {
  service: string;
  url: string;
}

/**
 * `docscreen dlq list|show|redrive`: the services' dead letters through their operators' API
 * (`/v1/admin/dead-letters`). Exit 0 done, 1 refused or not found, 2 a wrong call.
 */
export function registerDlqCommand(program: Command): void {
  const dlq = program
    .command('dlq')
    .description('Dead letters of the services’ consumers: list, inspect, re-drive (operators’ API)')
    .option('--service <name>', `one service: ${Object.keys(SERVICE_URLS).join(', ')} (default: every one)`)
    .option('--url <url>', 'the service’s base URL (with --service, or alone for a service elsewhere)')
    .option(
      '--token <token>',
      'operator token (default: DOCSCREEN_ADMIN_TOKEN or the local stack’s .run/admin-token)',
    );

  dlq
    .command('list')
    .description('Every dead-letter topic per service: counts by reason, how many re-driven')
    .action(async () => {
      const options = dlq.opts<DlqOptions>();
      const token = adminToken(options.token);
      const listed = await Promise.all(
        targets(options).map(async ({ service, url }) => {
          try {
            return { service, url, topics: await topicsOf(url, token) };
          } catch (error) {
            // One service down must not hide the others' dead letters.
            return { service, url, error: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      print(listed);
      if (listed.some((l) => 'error' in l)) process.exitCode = EXIT.INVALID;
    });

  dlq
    .command('show')
    .description('One dead letter: reason, error, source, attempts, event id and type, size (not its data)')
    .argument('<topic>', 'the dead-letter topic, <topic>.dlq.<consumer group>')
    .argument('<offset>', 'the entry’s offset')
    .option('--payload', 'include the payload, base64 (personal data: only when needed)')
    .action(async (topic: string, offset: string, options: { payload?: boolean }) => {
      const dlqOptions = dlq.opts<DlqOptions>();
      const token = adminToken(dlqOptions.token);
      const { url } = await ownerOf(topic, dlqOptions, token);
      const query = options.payload ? '?payload=true' : '';
      await answer(() =>
        callGateway(
          `${url}/v1/admin/dead-letters/${encodeURIComponent(topic)}/${encodeURIComponent(offset)}${query}`,
          {
            method: 'GET',
            token,
          },
        ),
      );
    });

  dlq
    .command('redrive')
    .description(
      'Publish dead letters back to their original topic (consumers screen an event id once); recorded with who and when; an entry re-driven before is refused unless --force',
    )
    .argument('<topic>', 'the dead-letter topic, <topic>.dlq.<consumer group>')
    .option('--offset <offset...>', 'the entries to re-drive')
    .option('--reason <reason>', 'every entry dead-lettered for this reason (e.g. handler-failed)')
    .option('--all', 'every entry of the topic')
    .option('--actor <name>', 'who re-drives, for the audit trail (default: $USER@host)')
    .option('--force', 're-drive entries that were re-driven before')
    .action(
      async (
        topic: string,
        options: { offset?: string[]; reason?: string; all?: boolean; actor?: string; force?: boolean },
      ) => {
        const selections = [options.offset, options.reason, options.all].filter((s) => s !== undefined);
        if (selections.length !== 1) {
          console.error('docscreen dlq redrive: give exactly one of --offset, --reason or --all');
          process.exitCode = EXIT.UNUSABLE;
          return;
        }
        const dlqOptions = dlq.opts<DlqOptions>();
        const token = adminToken(dlqOptions.token);
        const { url } = await ownerOf(topic, dlqOptions, token);
        const body = {
          ...(options.offset ? { offsets: options.offset } : {}),
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
          ...(options.all ? { all: true } : {}),
          actor: options.actor ?? defaultActor(),
          force: options.force ?? false,
        };
        const result = await answer(() =>
          callGateway(`${url}/v1/admin/dead-letters/${encodeURIComponent(topic)}/redrive`, {
            method: 'POST',
            token,
            contentType: 'application/json',
            body: JSON.stringify(body),
          }),
        );
        const skipped = (result as RedriveResult | undefined)?.skipped ?? [];
        if (skipped.length > 0) {
          console.error(
            `docscreen dlq redrive: ${skipped.length} re-driven before and skipped (--force to send again)`,
          );
        }
      },
    );
}

function targets(options: DlqOptions): Target[] {
  if (options.service !== undefined) {
    const url = options.url ?? SERVICE_URLS[options.service];
    if (!url) {
      process.exitCode = EXIT.UNUSABLE; // main prints the message and keeps this code
      throw new Error(`unknown service ${options.service}: ${Object.keys(SERVICE_URLS).join(', ')}`);
    }
    return [{ service: options.service, url }];
  }
  if (options.url !== undefined) return [{ service: options.url, url: options.url }];
  return Object.entries(SERVICE_URLS).map(([service, url]) => ({ service, url }));
}

async function topicsOf(url: string, token: string): Promise<DeadLetterTopicSummary[]> {
  const { body } = await callGateway(`${url}/v1/admin/dead-letters`, { method: 'GET', token });
  return (body as { topics: DeadLetterTopicSummary[] }).topics;
}

/** The service whose consumer group the topic belongs to: given, or the one that lists it. */
async function ownerOf(topic: string, options: DlqOptions, token: string): Promise<Target> {
  const candidates = targets(options);
  if (candidates.length === 1) return candidates[0]!;
  for (const target of candidates) {
    const topics = await topicsOf(target.url, token).catch(() => []);
    if (topics.some((t) => t.topic === topic)) return target;
  }
  throw new Error(`no running service has a dead-letter topic ${topic} (try --service or --url)`);
}

/** Prints the service's answer; a refusal (404, 409) is printed to stderr and exits 1. */
async function answer(call: () => Promise<{ body: unknown }>): Promise<unknown> {
  try {
    const { body } = await call();
    print(body);
    return body;
  } catch (error) {
    if (!(error instanceof GatewayError) || error.status >= 500 || error.status === 401) throw error;
    console.error(`docscreen dlq: ${describe(error.body)}`);
    process.exitCode = error.status === 400 ? EXIT.UNUSABLE : EXIT.INVALID;
    return undefined;
  }
}

function describe(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : JSON.stringify(body);
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
