// A webhook worker in a process of its own, so an integration test can kill -9 it in the middle of a
// delivery. Node 24 runs it as it is (type stripping): `node delivery-worker.ts`. It loads the built
// library (dist/, which the int-test target builds first) and type-checks against the sources.
//
// Its durable record of 2xx answers is a JSON Lines file, fsync'd before onDelivered returns: the
// stand-in for the PostgreSQL table a service would use. Everything it does is reported on stdout as
// one JSON object a line.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type * as Webhooks from '../index.js';

const { WebhookDispatcher } = (await import(
  new URL('../../dist/index.js', import.meta.url).href
)) as typeof Webhooks;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const recordFile = required('RECORD_FILE');
// Set for the run that must die after recording the 2xx but before BullMQ marks the job complete.
const hangAfterRecord = process.env['HANG_AFTER_RECORD'] === '1';

function report(event: object): void {
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...event })}\n`);
}

function recorded(deliveryId: string): boolean {
  if (!existsSync(recordFile)) return false;
  return readFileSync(recordFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .some((line) => (JSON.parse(line) as { deliveryId: string }).deliveryId === deliveryId);
}

function record(entry: object): void {
  const fd = openSync(recordFile, 'a');
  try {
    writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const dispatcher = new WebhookDispatcher({
  queueName: required('QUEUE_NAME'),
  prefix: required('PREFIX'),
  connection: { url: required('REDIS_URL') },
  resolveEndpoint: async () => ({ url: required('RECEIVER_URL'), secret: required('SECRET') }),
  isDelivered: async (deliveryId) => recorded(deliveryId),
  onDelivered: async (delivery) => {
    record({ ...delivery, pid: process.pid });
    report({ event: 'recorded', deliveryId: delivery.deliveryId });
    if (hangAfterRecord) {
      report({ event: 'hanging', deliveryId: delivery.deliveryId });
      await new Promise(() => undefined);
    }
  },
  attempts: 3,
  backoff: { baseMs: 100, maxMs: 500 },
  // The receiver listens on 127.0.0.1.
  allowPrivateTargets: true,
  lockDuration: Number(required('LOCK_MS')),
  stalledInterval: Number(required('STALLED_MS')),
  logger: {
    info: (obj, msg) => report({ event: 'log', level: 'info', msg, ...obj }),
    warn: (obj, msg) => report({ event: 'log', level: 'warn', msg, ...obj }),
    error: (obj, msg) => report({ event: 'log', level: 'error', msg, ...obj }),
  },
});

process.once('SIGTERM', () => {
  void dispatcher.close().then(() => process.exit(0));
});

dispatcher.startWorker();
report({ event: 'started' });
