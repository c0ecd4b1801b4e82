import type { Command } from 'commander';
import { migrateServices } from '../stack/migrate.js';
import {
  checkDatabaseAndCache,
  kafkaRunning,
  startKafka,
  startZipkin,
  stopKafka,
  stopZipkin,
  tcpAnswers,
  zipkinState,
} from '../stack/infrastructure.js';
import { logFile, readiness, runningPid, startService, stopService } from '../stack/service-process.js';
import { localInfrastructure, serviceEnvironment, STACK_SERVICES } from '../stack/stack-services.js';
import { describeExit, supervise, supervisorPid, supervisorState } from '../stack/supervisor.js';
import { waitUntilReady } from '../stack/wait-until-ready.js';
import { EXIT } from '../exit-codes.js';

export function registerStackCommand(program: Command): void {
  const stack = program
    .command('stack')
    .description('Run the whole system locally: Kafka, Zipkin, migrations, every service');

  stack
    .command('up')
    .description(
      'Start Kafka and Zipkin (checks PostgreSQL and Redis), apply migrations, start every service, wait until ready',
    )
    .option('--infra', 'only the infrastructure (what `npm test` needs), no services')
    .option(
      '--no-traces',
      'no local Zipkin: spans are not exported (unless OTEL_EXPORTER_OTLP_ENDPOINT is set)',
    )
    .action(async (options: { infra?: boolean; traces: boolean }) => {
      const started = Date.now();
      const infra = localInfrastructure();
      checkDatabaseAndCache();
      // Zipkin boots (a JVM, a few seconds) while Kafka starts and the services come up.
      const traces = !options.infra && options.traces;
      const zipkin = traces ? startZipkin() : Promise.resolve(false);
      await startKafka(infra);
      if (options.infra) {
        log(`infrastructure ready in ${seconds(started)} s: Kafka ${infra.kafkaBrokers}, PostgreSQL, Redis`);
        return;
      }
      await migrateServices(infra);
      const launched = Date.now();
      for (const service of STACK_SERVICES) {
        const pid = await startService(service, serviceEnvironment(infra, service, { traces }));
        log(`${service.name}: pid ${pid}, logs ${logFile(service)}`);
      }
      await waitUntilReady(STACK_SERVICES, 90_000, launched);
      const zipkinUp = await zipkin;
      if (traces && !zipkinUp)
        log('zipkin did not start (see above): the services run, their traces are not kept');
      log(`\ndocscreen is up in ${seconds(started)} s`);
      for (const service of STACK_SERVICES) {
        log(
          `  ${service.name.padEnd(16)} http://127.0.0.1:${service.port}  (docs /docs, health /health/ready, metrics /metrics)`,
        );
      }
      log(`  kafka            ${infra.kafkaBrokers}`);
      log(
        zipkinUp
          ? `  traces           ${infra.zipkinUrl}  (Zipkin; find a submission's trace by its correlation id, see README)`
          : `  traces           off (\`npm start\` without --no-traces runs Zipkin at ${infra.zipkinUrl})`,
      );
      log(`  stop with        npm stop`);
    });

  stack
    .command('down')
    .description(
      'Stop every service (its supervisor first; the service drains and commits), then Zipkin and the local Kafka broker',
    )
    .option('--keep-kafka', 'leave the broker running')
    .action(async (options: { keepKafka?: boolean }) => {
      for (const service of [...STACK_SERVICES].reverse())
        log(`${service.name}: ${await stopService(service)}`);
      stopZipkin();
      if (!options.keepKafka) stopKafka(localInfrastructure());
    });

  stack
    .command('supervise', { hidden: true })
    .description('Run one service and restart it with backoff when it exits (started by `stack up`)')
    .argument('<service>', 'the service, as named in .run/supervisor/<service>.spec.json')
    .action((name: string) => supervise(name));

  stack
    .command('status')
    .description(
      'What runs and where; exits 0 only when the broker, the database, Redis and every service are ready',
    )
    .action(async () => {
      const infra = localInfrastructure();
      const rows: [string, boolean, string][] = [
        ['kafka', await kafkaRunning(infra), infra.kafkaBrokers],
        [
          'postgres',
          await tcpAnswers(new URL(infra.postgresServer).host || '127.0.0.1:5432'),
          infra.postgresServer,
        ],
        ['redis', await tcpAnswers(new URL(infra.redisUrl).host), infra.redisUrl],
      ];
      // Zipkin counts only when `stack up` started it (not with --no-traces).
      const zipkin = zipkinState();
      if (zipkin.started) rows.push(['zipkin', zipkin.ready, infra.zipkinUrl]);
      for (const service of STACK_SERVICES) {
        const state = await readiness(service);
        const pid = runningPid(service);
        rows.push([
          service.name,
          state.ready,
          [`http://127.0.0.1:${service.port} pid ${pid ?? '-'}`, supervision(service.name, pid), state.detail]
            .filter((part) => part !== '')
            .join(' '),
        ]);
      }
      for (const [name, ok, where] of rows) log(`${ok ? 'ready  ' : 'DOWN   '} ${name.padEnd(16)} ${where}`);
      process.exitCode = rows.every(([, ok]) => ok) ? EXIT.OK : EXIT.INVALID;
    });
}

/** "restarts 2 (last SIGKILL at …, restarted at …)"; "unsupervised" for a process no supervisor watches. */
function supervision(name: string, pid: number | undefined): string {
  const state = supervisorState(name);
  if (supervisorPid(name) === undefined || !state) return pid === undefined ? '' : 'unsupervised';
  if (!state.lastExit) return `restarts ${state.restarts}`;
  const restart = state.nextRestartAt
    ? `restarting at ${state.nextRestartAt}`
    : `restarted at ${state.lastRestartAt ?? '-'}`;
  return `restarts ${state.restarts} (last ${describeExit(state.lastExit)} at ${state.lastExit.at}, ${restart})`;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
