import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './service-process.js';

const run = promisify(execFile);
const KAFKA_SH = path.resolve(import.meta.dirname, '../../../infra/kafka/kafka.sh');

/** A Kafka broker of a test's own: formatted anew in a temporary folder, on free ports. */
export interface ThrowawayBroker {
  /** `127.0.0.1:<port>`: known before the broker runs, so services can be pointed at it first. */
  readonly address: string;
  /** Formats storage (on the first start) and starts the broker; resolves once it serves. */
  start(): Promise<void>;
  /** Stops the broker, keeping its data: `start` brings the same cluster back (a broker outage). */
  stop(): Promise<void>;
  /**
   * The broker replaced by an empty one at the same address: stopped, its data and cluster id deleted,
   * formatted as a new cluster and started on the same ports (a lost disk, a disaster recovery).
   */
  replaceWithEmpty(): Promise<void>;
  /** Stops the broker and removes its data. */
  destroy(): Promise<void>;
}

/**
 * What a new user's first `npm start` meets: a broker whose storage was formatted seconds ago, with no
 * topic yet. Uses the same `infra/kafka/kafka.sh` as the local stack, in its own run folder.
 */
export async function throwawayBroker(): Promise<ThrowawayBroker> {
  const runDir = await mkdtemp(path.join(tmpdir(), 'docscreen-broker-'));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    DOCSCREEN_RUN_DIR: runDir,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_HEAP_OPTS: '-Xmx512m -Xms128m',
  };
  const kafka = (command: string) => run('bash', [KAFKA_SH, command], { env, timeout: 180_000 });
  // A new cluster id written here spares kafka.sh a JVM to make one (a Kafka Uuid: 16 bytes, base64url).
  const newClusterId = async () => {
    let id: string;
    do id = randomBytes(16).toString('base64url');
    while (id.startsWith('-'));
    await mkdir(path.join(runDir, 'kafka'), { recursive: true });
    await writeFile(path.join(runDir, 'kafka', 'cluster-id'), id);
  };
  await newClusterId();
  return {
    address: `127.0.0.1:${port}`,
    start: async () => void (await kafka('start')),
    stop: async () => void (await kafka('stop')),
    replaceWithEmpty: async () => {
      await kafka('stop');
      // The data, not the logs, and a new cluster id: kafka.sh formats a new cluster on its next start.
      await rm(path.join(runDir, 'kafka', 'data'), { recursive: true, force: true });
      await newClusterId();
      await kafka('start');
    },
    destroy: async () => {
      await kafka('stop').catch(() => undefined);
      await rm(runDir, { recursive: true, force: true });
    },
  };
}
