// `npm run bench [-- --quick] [-- --json] [name…]`: runs the benchmarks one after another, each in its
// own process (never part of `npm test`: figures on a shared 2-core machine are read as ratios to the
// baseline each benchmark measures in the same run, not as pass/fail).
//
// The benchmarks publish hundreds of thousands of events and a million-record registry topic. So that
// they neither fill the development broker (whose registry topic every screening start reads whole)
// nor measure against what it already holds, they get a broker of their own: a throwaway one started
// here on 127.0.0.1:19092 (infra/kafka/kafka.sh, data in a temporary folder, removed afterwards).
// `--broker host:port` uses an existing broker instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  const next = argv[i + 1];
  const takesValue = !['--quick', '--json'].includes(arg);
  const value =
    takesValue && next !== undefined && !next.startsWith('--') && !known.includes(next) ? next : undefined;
  if (arg === '--broker') existingBroker = argv[++i];
  else if (arg.startsWith('--')) flags.push(arg, ...(value !== undefined ? [argv[++i]] : []));
  else names.push(arg);
}
const unknown = names.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`bench: no benchmark named ${unknown.join(', ')} (there are: ${known.join(', ')})\n`);
  process.exit(2);
}
const benches = known
  .filter((name) => names.length === 0 || names.includes(name))
  .map((n) => `${n}.bench.ts`);

let brokers = existingBroker;
let runDir;
const kafka = (command) =>
  spawnSync('bash', [kafkaScript, command], {
    stdio: ['ignore', 2, 2], // its progress on stderr: stdout carries --json results
    env: { ...process.env, DOCSCREEN_RUN_DIR: runDir, KAFKA_PORT: '19092', KAFKA_CONTROLLER_PORT: '19093' },
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
try {
  for (const bench of benches) {
    const result = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', path.join(dir, bench), ...flags],
      { stdio: 'inherit', env: { ...process.env, KAFKA_BROKERS: brokers } },
    );
    if (result.status !== 0) failed++;
  }
} finally {
  if (runDir) {
    kafka('stop');
    rmSync(runDir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
