import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { fromRoot } from '../paths.js';

const BENCH_DIR = fromRoot('tests', 'bench');

/** The benchmarks in tests/bench, by name (`pipeline`, `interactive`, …). */
export function benchmarkNames(files: readonly string[] = readdirSync(BENCH_DIR)): string[] {
  return files
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort();
}

/**
 * `docscreen bench <name>`: one benchmark of tests/bench, the same runner as `npm run bench` (each in
 * its own process, beside its baseline). Never part of `npm test`.
 */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(
      'Run a benchmark of tests/bench beside its baseline, against a throwaway Kafka broker of its own (needs npm run build, PostgreSQL and Redis)',
    )
    .argument('[names...]', `benchmarks to run (default: all): ${benchmarkNames().join(', ')}`)
    .option('--quick', 'smaller N: under a minute each')
    .option('--json', 'one JSON object per benchmark on stdout')
    .option('--broker <host:port>', 'an existing Kafka broker instead of a throwaway one of their own')
    .action((names: string[], options: { quick?: boolean; json?: boolean; broker?: string }) => {
      const known = benchmarkNames();
      const unknown = names.filter((n) => !known.includes(n));
      if (unknown.length > 0) {
        process.stderr.write(
          `docscreen bench: no benchmark ${unknown.join(', ')}; there are ${known.join(', ')}\n`,
        );
        process.exitCode = EXIT.UNUSABLE;
        return;
      }
      const flags = [
        ...(options.quick ? ['--quick'] : []),
        ...(options.json ? ['--json'] : []),
        ...(options.broker ? ['--broker', options.broker] : []),
      ];
      const result = spawnSync(
        process.execPath,
        [fromRoot('tests', 'bench', 'run.mjs'), ...flags, ...names],
        {
          stdio: 'inherit',
          cwd: fromRoot(),
        },
      );
      process.exitCode = result.status ?? EXIT.INVALID;
    });
}
