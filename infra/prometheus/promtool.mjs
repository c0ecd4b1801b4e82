// The Prometheus configuration's checks, run by Nx (infra/prometheus/project.json) and so by `npm test`:
//   node infra/prometheus/promtool.mjs check   promtool check config (which checks the rules it loads)
//   node infra/prometheus/promtool.mjs test    promtool test rules, one run per file in tests/, with the
//                                              outcome written like a Jest run's for summarise-tests.mjs
// promtool comes with Debian's `prometheus` package (.ci/run installs it); without it, both fail saying so.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '../..');
const command = process.argv[2];

function promtool(args) {
  const run = spawnSync('promtool', args, { cwd: here, encoding: 'utf8' });
  if (run.error?.code === 'ENOENT') {
    console.error('promtool is not installed: apt-get install -y prometheus (Debian ships promtool with it)');
    process.exit(1);
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

if (command === 'check') {
  const result = promtool(['check', 'config', 'prometheus.yml']);
  console.log(result.output);
  process.exit(result.ok ? 0 : 1);
} else if (command === 'test') {
  const files = readdirSync(path.join(here, 'tests'))
    .filter((f) => f.endsWith('.test.yml'))
    .sort();
  const results = files.map((file) => {
    const started = Date.now();
    const { ok, output } = promtool(['test', 'rules', path.join('tests', file)]);
    console.log(`${ok ? 'PASS' : 'FAIL'} infra/prometheus/tests/${file}`);
    if (!ok) console.log(output);
    return { file, ok, output, ms: Date.now() - started };
  });
  const failed = results.filter((r) => !r.ok).length;
  // The shape of `jest --json` that summarise-tests.mjs adds up: one test per rules test file.
  const report = {
    success: failed === 0 && files.length > 0,
    numPassedTests: files.length - failed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    numRuntimeErrorTestSuites: 0,
    testResults: results.map((r) => ({
      name: path.join(here, 'tests', r.file),
      assertionResults: [
        { title: r.file, status: r.ok ? 'passed' : 'failed', failureMessages: r.ok ? [] : [r.output] },
      ],
    })),
  };
  const out = path.join(root, '.run/test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'prometheus.test.json'), JSON.stringify(report));
  console.log(`promtool test rules: ${report.numPassedTests} passed, ${failed} failed`);
  process.exit(report.success ? 0 : 1);
} else {
  console.error('usage: node infra/prometheus/promtool.mjs check|test');
  process.exit(2);
}
