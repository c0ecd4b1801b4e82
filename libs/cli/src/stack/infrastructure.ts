import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { fromRoot } from '../paths.js';
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
