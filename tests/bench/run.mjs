// `npm run bench [-- --quick] [-- --json] [name…]`: runs the benchmarks one after another, each in its
// own process (never part of `npm test`: figures on a shared 2-core machine are read as ratios to the
// baseline each benchmark measures in the same run, not as pass/fail).
//
// The benchmarks publish hundreds of thousands of events and a million-record registry topic. So that
// they neither fill the development broker (whose registry topic every screening start reads whole)
// nor measure against what it already holds, they get a broker of their own: a throwaway one started
// here on 127.0.0.1:19092 (infra/kafka/kafka.sh, data in a temporary folder, removed afterwards).
// `--broker host:port` uses an existing broker instead.
//
// A run never hangs (support/watchdog.ts): each benchmark reports its phases and progress here over
// IPC; a phase with no progress for BENCH_STALL_SECONDS (default 120; `--stall-seconds N`), a process
// of the benchmark that exits unasked, or the broker dying ends the run: the message names the phase,
// the benchmark's process group is stopped (SIGTERM: it cleans up; SIGKILL after 30 s), the bench_*
// databases it reported are dropped, the broker stopped, and the exit code is 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { stallMsFromEnv, Watchdog } from './support/watchdog.ts';

const dir = import.meta.dirname;
const kafkaScript = path.resolve(dir, '../../infra/kafka/kafka.sh');
const known = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
// `--flag value` pairs go to every benchmark (`--travellers 20000`, `--rates 100,500`); a word that
// names a benchmark picks it.
const names = [];
const flags = [];
let existingBroker;
let stallSeconds = process.env.BENCH_STALL_SECONDS;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  const next = argv[i + 1];
  const takesValue = !['--quick', '--json'].includes(arg);
  const value =
    takesValue && next !== undefined && !next.startsWith('--') && !known.includes(next) ? next : undefined;
  if (arg === '--broker') existingBroker = argv[++i];
  else if (arg === '--stall-seconds') stallSeconds = argv[++i];
  else if (arg.startsWith('--')) flags.push(arg, ...(value !== undefined ? [argv[++i]] : []));
  else names.push(arg);
}
const unknown = names.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`bench: no benchmark named ${unknown.join(', ')} (there are: ${known.join(', ')})\n`);
  process.exit(2);
}
const benches = known.filter((name) => names.length === 0 || names.includes(name));
const stallMs = stallMsFromEnv({ BENCH_STALL_SECONDS: stallSeconds });

let brokers = existingBroker;
let runDir;
const kafka = (command) =>
  spawnSync('bash', [kafkaScript, command], {
    stdio: ['ignore', 2, 2], // its progress on stderr: stdout carries --json results
    env: { ...process.env, DOCSCREEN_RUN_DIR: runDir, KAFKA_PORT: '19092', KAFKA_CONTROLLER_PORT: '19093' },
  });
/** The broker started here is alive (by its pid); an existing one is not ours to judge. */
const brokerAlive = () => {
  if (!runDir) return true;
  const pidFile = path.join(runDir, 'kafka', 'kafka.pid');
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0);
    return true;
  } catch {
    return false;
  }
};
const stopBroker = () => {
  if (!runDir) return;
  kafka('stop');
  rmSync(runDir, { recursive: true, force: true });
  runDir = undefined;
};
let current; // the benchmark running now: { child, stop(reason) }
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    if (current) current.stop(`the run was interrupted (${signal})`);
    else {
      stopBroker();
      process.exit(1);
    }
  });

if (!brokers) {
  runDir = mkdtempSync(path.join(tmpdir(), 'docscreen-bench-broker-'));
  if (kafka('start').status !== 0) {
    rmSync(runDir, { recursive: true, force: true });
    process.stderr.write('bench: the benchmarks’ own broker did not start (see above)\n');
    process.exit(1);
  }
  brokers = '127.0.0.1:19092';
}
let failed = 0;
let ended;
try {
  for (const name of benches) {
    const outcome = await runBench(name);
    if (outcome.ended) {
      ended = outcome.ended;
      failed++;
      break;
    }
    if (outcome.code !== 0) failed++;
  }
} finally {
  stopBroker();
}
if (ended) process.stderr.write(`bench: run ended: ${ended}\n`);
process.exit(failed ? 1 : 0);

/**
 * One benchmark in its own process group, watched: answers its exit code, or why the watchdog ended it
 * (then the group is gone and the databases it reported are dropped).
 */
function runBench(name) {
  const watchdog = new Watchdog(stallMs, Date.now());
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', path.join(dir, `${name}.bench.ts`), ...flags],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, KAFKA_BROKERS: brokers, BENCH_STALL_SECONDS: String(stallMs / 1000) },
      detached: true, // its own process group: the services and generators it starts go with it
    },
  );
  child.on('message', (message) => watchdog.handle(message, Date.now()));
  return new Promise((resolve) => {
    let ended;
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const stop = (reason) => {
      if (ended) return;
      ended = reason;
      process.stderr.write(`bench ${name}: ${reason}; stopping it\n`);
      signalGroup('SIGTERM');
      setTimeout(() => signalGroup('SIGKILL'), 30_000).unref();
    };
    current = { child, stop };
    const timer = setInterval(() => {
      if (!brokerAlive()) watchdog.fail(`the benchmarks’ broker (${brokers}) exited`);
      const verdict = watchdog.verdict(Date.now());
      if (verdict) stop(verdict);
    }, 1_000);
    child.once('exit', async (code, signal) => {
      clearInterval(timer);
      current = undefined;
      // A benchmark that ends itself over a failure (a process of its own exited) ends the run too.
      if (!ended && code !== 0 && watchdog.failure) ended = watchdog.failure;
      if (code !== 0 || ended) {
        signalGroup('SIGKILL'); // whatever of the group outlived it
        if (!ended)
          process.stderr.write(
            `bench ${name}: exited ${code ?? signal} during phase "${watchdog.phaseName}"\n`,
          );
      }
      // What it reported and did not drop itself (a benchmark that dropped them: nothing to do).
      await dropDatabases(watchdog.databases);
      resolve(ended ? { code: code ?? 1, ended: `${name}: ${ended}` } : { code: code ?? 1 });
    });
  });
}

/** Drops what the benchmark reported and did not get to drop itself. */
async function dropDatabases(urls) {
  for (const url of urls) {
    const target = new URL(url);
    const name = target.pathname.slice(1);
    if (!/^bench_[a-z0-9_]+$/.test(name)) continue;
    target.pathname = '/postgres';
    const client = new pg.Client({ connectionString: target.toString() });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } catch (error) {
      process.stderr.write(`bench: could not drop ${name}: ${error.message}\n`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
