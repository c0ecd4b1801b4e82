import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@docscreen/testing';

// The watchdog inside a benchmark process (run on its own, it keeps the clock itself), for real: a child
// the benchmark started is killed, or a phase never progresses, and the run ends — the phase named, the
// cleanups run, exit 1 — instead of waiting for ever. (run.mjs keeps the same clock over IPC.)

const WATCHDOG = path.join(import.meta.dirname, 'watchdog.ts');

describe('a benchmark whose child exits', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bench-watchdog-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ends with a message naming the phase, its cleanups run, exit 1', async () => {
    const cleaned = path.join(dir, 'cleaned');
    const script = path.join(dir, 'fake.bench.ts');
    await writeFile(
      script,
      `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { BenchWatchdog } from ${JSON.stringify(WATCHDOG)};
const watchdog = new BenchWatchdog('fake');
watchdog.cleanup(() => writeFileSync(${JSON.stringify(cleaned)}, 'yes'));
watchdog.phase('start-up');
const generator = watchdog.child('the load generator', spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']));
watchdog.phase('load');
process.stdout.write(String(generator.pid) + '\\n');
await new Promise(() => setInterval(() => {}, 1000)); // a benchmark waiting on its generator for ever
`,
    );
    const bench = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    bench.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    bench.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => bench.once('exit', resolve));
    const generator = await waitFor('the generator’s pid', () => Number(stdout.trim()) || undefined, 15_000);

    process.kill(generator, 'SIGKILL');
    const killedAt = Date.now();
    expect(await exited).toBe(1);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    expect(stderr).toContain('bench fake: the load generator exited during phase "load"; cleaning up');
    expect(existsSync(cleaned)).toBe(true);
  }, 30_000);

  it('ends a phase that makes no progress for BENCH_STALL_SECONDS, naming it', async () => {
    const script = path.join(dir, 'stuck.bench.ts');
    await writeFile(
      script,
      `import { BenchWatchdog } from ${JSON.stringify(WATCHDOG)};
const watchdog = new BenchWatchdog('stuck');
watchdog.phase('waiting for an answer that never comes');
await new Promise(() => setInterval(() => {}, 1000));
`,
    );
    const bench = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', script], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BENCH_STALL_SECONDS: '2' },
    });
    let stderr = '';
    bench.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => bench.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /bench stuck: phase "waiting for an answer that never comes" made no progress for [23] s \(limit 2 s, BENCH_STALL_SECONDS\)/,
    );
  }, 30_000);
});
