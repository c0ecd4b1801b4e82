import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fromRoot, RUN_DIR } from '../paths.js';
import type { LocalInfrastructure } from './stack-services.js';

function run(script: string, args: string[], quiet = false): number {
  const result = spawnSync('bash', [fromRoot(script), ...args], { stdio: quiet ? 'ignore' : 'inherit' });
  return result.status ?? 1;
}

/** PostgreSQL and Redis are the machine's own (or compose's): checked, never started here. */
export function checkDatabaseAndCache(): void {
  if (run('infra/scripts/check-services.sh', []) !== 0) {
    throw new Error('PostgreSQL or Redis is not answering (see above for the command that starts it)');
  }
}

export async function startKafka(infra: LocalInfrastructure): Promise<void> {
  if (!infra.localKafka) {
    const first = infra.kafkaBrokers.split(',')[0] ?? '';
    if (!(await tcpAnswers(first)))
      throw new Error(`KAFKA_BROKERS=${infra.kafkaBrokers} is set but ${first} does not answer`);
    return;
  }
  if (run('infra/kafka/kafka.sh', ['start']) !== 0)
    throw new Error('the Kafka broker did not start (see above)');
}

export function stopKafka(infra: LocalInfrastructure): void {
  if (infra.localKafka) run('infra/kafka/kafka.sh', ['stop']);
}

/**
 * Starts the local Zipkin (infra/zipkin/zipkin.sh) in the background, beside Kafka and the services:
 * resolves with whether it answered. Its output goes to its own log, shown only if it failed.
 */
export function startZipkin(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('bash', [fromRoot('infra/zipkin/zipkin.sh'), 'start'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', () => resolve(false));
    child.once('exit', (code) => {
      if (code !== 0) process.stderr.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

export function stopZipkin(): void {
  run('infra/zipkin/zipkin.sh', ['stop'], true);
}

/** Whether the local Zipkin was started (`npm start` without --no-traces) and whether it answers. */
export function zipkinState(): { started: boolean; ready: boolean } {
  const ready = run('infra/zipkin/zipkin.sh', ['status'], true) === 0;
  return { started: ready || existsSync(path.join(RUN_DIR, 'zipkin', 'zipkin.pid')), ready };
}

export function kafkaRunning(infra: LocalInfrastructure): Promise<boolean> {
  const first = infra.kafkaBrokers.split(',')[0] ?? '';
  return tcpAnswers(first);
}

export function tcpAnswers(hostPort: string, timeoutMs = 2_000): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host: host ?? '127.0.0.1', port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
