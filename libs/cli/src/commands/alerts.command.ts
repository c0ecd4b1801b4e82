import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  ALERT_RESOLUTIONS,
  type AlertView,
  EVENT_TYPE_HEADER,
  TOPICS,
  agencyAlertTopic,
  alertView,
  decodeEvent,
} from '@docscreen/contracts';
import { EXIT } from '../exit-codes.js';
import { callGateway, GatewayError } from './gateway-client.js';

const DEFAULT_ALERTS_URL = process.env['DOCSCREEN_ALERTS_URL'] ?? 'http://127.0.0.1:3003';
const DEFAULT_BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

const RESOLUTIONS = ALERT_RESOLUTIONS;

interface StreamOptions {
  agency?: string;
  follow?: boolean;
  fromBeginning?: boolean;
  json?: boolean;
  brokers: string;
}

interface ActionOptions {
  url: string;
  token?: string;
  actor?: string;
  note?: string;
  json?: boolean;
}

/** One alert on one line, for an officer watching a terminal. No personal data: the view has none. */
export function alertLine(view: AlertView): string {
  const t = view.traveller;
  const document = [t.documentType, t.issuingState, t.maskedDocumentNumber].filter((v) => v !== '').join(' ');
  const reasons = view.reasons.map((r) => r.code || r.check).join(', ');
  return [
    view.raisedAt,
    view.severity.padEnd(8),
    view.recommendedAction.padEnd(17),
    view.flight.flightKey,
    `traveller ${t.travellerRef} (${t.role}, ${t.nationality || '?'}, ${document || 'no document'})`,
    reasons === '' ? '' : `— ${reasons}`,
    `[${view.alertId}]`,
  ]
    .filter((part) => part !== '')
    .join('  ');
}

/** Who acts, when `--actor` is not given: the login and the machine, as `$USER@$(hostname)` reads. */
export function defaultActor(): string {
  return `${process.env['USER'] ?? userInfo().username}@${hostname()}`;
}

export function registerAlertsCommand(program: Command): void {
  const alerts = program
    .command('alerts')
    .description(
      "An agency's alerts: read them from its Kafka topic (alerts.<agency>.v1), acknowledge and resolve them",
    )
    .option('--agency <code>', 'the agency whose topic to read, e.g. nl-kmar')
    .option('--follow', 'keep reading new alerts until interrupted (default: stop at the end seen at start)')
    .option('--from-beginning', 'start with the oldest alert the topic still holds (default: only new ones)')
    .option('--json', 'one JSON object (the alert view) per line')
    .option('--brokers <list>', 'Kafka brokers, comma-separated (env KAFKA_BROKERS)', DEFAULT_BROKERS)
    .action(async (options: StreamOptions) => {
      if (!options.agency) return usage('alerts: give --agency <code>');
      let topic: string;
      try {
        topic = agencyAlertTopic(options.agency);
      } catch (error) {
        return usage(`alerts: ${(error as Error).message}`);
      }
      const unreadable = await streamAlerts(topic, options);
      process.exitCode = unreadable > 0 ? EXIT.INVALID : EXIT.OK;
    });

  const actionOptions = (command: Command): Command =>
    command
      .option('--note <text>', 'a note for the alert’s history')
      .option('--actor <name>', 'who acts (default: $USER@hostname)')
      .option('--url <url>', 'alert dispatch base URL (env DOCSCREEN_ALERTS_URL)', DEFAULT_ALERTS_URL)
      .option('--token <token>', 'the agency’s token (default: DOCSCREEN_AGENCY_TOKEN)')
      .option('--json', 'print the alert as JSON');

  actionOptions(
    alerts
      .command('ack')
      .description('Acknowledge an alert: the agency has seen it and works on it')
      .argument('<alertId>', 'the alert’s id'),
  ).action((alertId: string, _options: ActionOptions, command: Command) =>
    // With globals: `alerts` itself has a --json, which commander gives the parent wherever it stands.
    actOnAlert(alertId, 'acknowledge', {}, command.optsWithGlobals<ActionOptions>()),
  );

  actionOptions(
    alerts
      .command('resolve')
      .description('Resolve an alert with its outcome')
      .argument('<alertId>', 'the alert’s id')
      .requiredOption('--resolution <outcome>', RESOLUTIONS.join(', ')),
  ).action((alertId: string, _options: unknown, command: Command) => {
    const options = command.optsWithGlobals<ActionOptions & { resolution: string }>();
    if (!(RESOLUTIONS as readonly string[]).includes(options.resolution))
      return usage(`alerts resolve: --resolution must be one of ${RESOLUTIONS.join(', ')}`);
    return actOnAlert(alertId, 'resolve', { resolution: options.resolution }, options);
  });
}

function usage(message: string): void {
  process.stderr.write(`docscreen ${message}\n`);
  process.exitCode = EXIT.UNUSABLE;
}

async function actOnAlert(
  alertId: string,
  verb: 'acknowledge' | 'resolve',
  fields: Record<string, string>,
  options: ActionOptions,
): Promise<void> {
  const token = options.token ?? process.env['DOCSCREEN_AGENCY_TOKEN'];
  if (!token) return usage('alerts: give --token <token> or set DOCSCREEN_AGENCY_TOKEN');
  const body = {
    actor: options.actor ?? defaultActor(),
    ...fields,
    ...(options.note !== undefined ? { note: options.note } : {}),
  };
  try {
    const { body: alert } = await callGateway(
      `${options.url}/v1/alerts/${encodeURIComponent(alertId)}/${verb}`,
      { method: 'POST', token, contentType: 'application/json', body: JSON.stringify(body) },
    );
    process.stdout.write(options.json ? `${JSON.stringify(alert, null, 2)}\n` : alertStatusLines(alert));
    process.exitCode = EXIT.OK;
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    process.stderr.write(`docscreen alerts: ${actionFailure(error)}\n`);
    process.exitCode = error.status === 400 ? EXIT.UNUSABLE : EXIT.INVALID;
  }
}

/** What a refused acknowledgement or resolution means for the person who tried it. */
export function actionFailure(error: GatewayError): string {
  const message = (error.body as { message?: unknown } | null)?.message;
  const said = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : '';
  if (error.status === 404) return 'no such alert for this agency';
  if (error.status === 409) return said || 'the alert is not in a state that allows this';
  if (error.status === 401 || error.status === 403) return `the token was refused (${error.status})`;
  return said ? `alert dispatch answered ${error.status}: ${said}` : error.message;
}

/** The alert after an action: its status, then its history one entry a line. */
export function alertStatusLines(alert: unknown): string {
  const { alertId, status, history } = (alert ?? {}) as {
    alertId?: string;
    status?: string;
    history?: unknown[];
  };
  const lines = [`alert ${alertId ?? '?'}: ${status ?? '?'}`];
  for (const entry of history ?? []) {
    const e = (entry ?? {}) as Record<string, unknown>;
    const when = e['at'] ?? e['occurredAt'] ?? e['createdAt'];
    const what = e['action'] ?? e['status'] ?? e['event'];
    const parts = [
      when,
      what,
      e['actor'] ? `by ${String(e['actor'])}` : '',
      e['note'] ? `— ${String(e['note'])}` : '',
    ];
    lines.push(
      `  ${
        parts
          .filter((p) => p !== undefined && p !== '')
          .map(String)
          .join('  ') || JSON.stringify(entry)
      }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Prints the alerts of `topic` from the chosen start (the oldest kept, or the end) up to the end
 * offsets seen at start, or on and on with --follow. It reads with a throwaway consumer group that
 * never commits, so it moves no one else's position and leaves nothing behind. Returns how many
 * records could not be read as alerts.
 */
async function streamAlerts(topic: string, options: StreamOptions): Promise<number> {
  silenceKafkaJsTimeoutWarning();
  // Loaded here, not at the top: every other command starts without kafkajs and OpenTelemetry.
  const [{ createKafkaClient }, { createLogger }] = await Promise.all([
    import('@docscreen/kafka'),
    import('@docscreen/observability'),
  ]);
  const brokers = options.brokers
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const kafka = createKafkaClient({
    clientId: 'docscreen-cli',
    brokers,
    // kafkajs would log every retry; the one message that matters is ours.
    logger: createLogger({ service: 'docscreen-cli', level: 'silent', destination: process.stderr }),
    connectionTimeoutMs: 3_000,
    retries: 2,
  });
  const admin = kafka.admin();
  let ranges: { partition: number; start: number; end: number }[];
  try {
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    ranges = offsets.map((o) => ({
      partition: o.partition,
      start: Number(options.fromBeginning ? o.low : o.high),
      end: Number(o.high),
    }));
  } catch (error) {
    await admin.disconnect().catch(() => undefined);
    throw new Error(brokerFailure(error, topic, brokers));
  }

  const pending = new Set(ranges.filter((r) => r.start < r.end).map((r) => r.partition));
  if (!options.follow && pending.size === 0) {
    await admin.disconnect();
    return 0;
  }
  const groupId = `docscreen-cli-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const endOf = new Map(ranges.map((r) => [r.partition, r.end]));
  let unreadable = 0;
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  process.once('SIGINT', () => finish());
  process.once('SIGTERM', () => finish());
  // kafkajs restarts the consumer after most failures; one it gives up on must not leave us waiting.
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) fail(new Error(brokerFailure(payload.error, topic, brokers)));
  });

  try {
    await consumer.connect().catch((error: unknown) => {
      throw new Error(brokerFailure(error, topic, brokers));
    });
    await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? false });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const end = endOf.get(batch.partition) ?? 0;
        for (const record of batch.messages) {
          if (!options.follow && Number(record.offset) >= end) break;
          const eventType = record.headers?.[EVENT_TYPE_HEADER]?.toString();
          try {
            // Per-agency topics carry the very AlertRaised payload of TOPICS.ALERT_RAISED.
            const view = alertView(
              decodeEvent(TOPICS.ALERT_RAISED, record.value ?? new Uint8Array(), eventType),
            );
            process.stdout.write(`${options.json ? JSON.stringify(view) : alertLine(view)}\n`);
          } catch (error) {
            unreadable++;
            process.stderr.write(
              `docscreen alerts: partition ${batch.partition} offset ${record.offset} is not a readable alert: ${(error as Error).message.replace(`${TOPICS.ALERT_RAISED}: `, '')}\n`,
            );
          }
        }
        // The producer is not transactional, so offsets have no gaps: the last one before `end` ends it.
        if (!options.follow && Number(batch.lastOffset()) + 1 >= end) {
          pending.delete(batch.partition);
          if (pending.size === 0) finish();
        }
      },
    });
    for (const range of ranges)
      consumer.seek({ topic, partition: range.partition, offset: String(range.start) });
    await finished;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    // The group never committed, so it holds nothing; deleting it just keeps group listings clean.
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  return unreadable;
}

/**
 * KafkaJS 2.2.4 on Node 24 emits TimeoutNegativeWarning from its request queue, a known KafkaJS bug
 * (docs/adr/0002) that means nothing to someone reading alerts; every other warning still prints.
 */
function silenceKafkaJsTimeoutWarning(): void {
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name !== 'TimeoutNegativeWarning') for (const print of printers) print(warning);
  });
}

/** A sentence for a failed connection or metadata request, naming what to check. */
export function brokerFailure(error: unknown, topic: string, brokers: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/does not host this topic|UNKNOWN_TOPIC|not exist/i.test(message))
    return `no topic ${topic}: is the agency code right, and is the agency registered with alert dispatch?`;
  return `cannot read ${topic} from the Kafka broker at ${brokers.join(', ')}: ${message}`;
}
