import { benchmarkNames } from './bench.command.js';

describe('benchmarkNames', () => {
  it('names the *.bench.ts files of tests/bench, sorted, and nothing else', () => {
    expect(
      benchmarkNames(['pipeline.bench.ts', 'README.md', 'run.mjs', 'index.bench.ts', 'support']),
    ).toEqual(['index', 'pipeline']);
  });

  it('finds the benchmarks the repository has', () => {
    expect(benchmarkNames()).toEqual(expect.arrayContaining(['index', 'interactive', 'pipeline']));
  });
});
