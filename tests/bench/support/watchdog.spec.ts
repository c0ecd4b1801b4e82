import { DEFAULT_STALL_SECONDS, stallMsFromEnv, Watchdog } from './watchdog.ts';

describe('the benchmarks’ watchdog', () => {
  it('lets a phase that keeps making progress go on', () => {
    const watchdog = new Watchdog(120_000, 0);
    watchdog.phase('load', 1_000);
    for (let t = 1_000; t <= 600_000; t += 60_000) {
      watchdog.progress(t);
      expect(watchdog.verdict(t + 59_000)).toBeUndefined();
    }
  });

  it('ends a phase that made no progress for the stated time, naming it', () => {
    const watchdog = new Watchdog(120_000, 0);
    watchdog.phase('warm-up', 10_000);
    watchdog.handle({ type: 'progress' }, 20_000);
    expect(watchdog.verdict(139_999)).toBeUndefined();
    expect(watchdog.verdict(140_000)).toBe(
      'phase "warm-up" made no progress for 120 s (limit 120 s, BENCH_STALL_SECONDS)',
    );
  });

  it('starts the clock again with each phase', () => {
    const watchdog = new Watchdog(5_000, 0);
    watchdog.handle({ type: 'phase', name: 'index 1M' }, 4_000);
    watchdog.handle({ type: 'phase', name: 'index 10M' }, 8_000);
    expect(watchdog.verdict(12_000)).toBeUndefined();
    expect(watchdog.verdict(13_000)).toMatch(/^phase "index 10M" made no progress for 5 s/);
  });

  it('gives a phase that states a longer limit its own, never a shorter one', () => {
    const watchdog = new Watchdog(120_000, 0);
    watchdog.handle({ type: 'phase', name: 'screening start-up', stallMs: 600_000 }, 0);
    expect(watchdog.verdict(599_000)).toBeUndefined();
    expect(watchdog.verdict(600_000)).toMatch(/limit 600 s, this phase’s own/);
    watchdog.phase('screening', 600_000, 10_000);
    expect(watchdog.verdict(719_999)).toBeUndefined();
    expect(watchdog.verdict(720_000)).toMatch(/limit 120 s, BENCH_STALL_SECONDS/);
  });

  it('ends the run at once when something it depends on failed, with the phase it failed in', () => {
    const watchdog = new Watchdog(120_000, 0);
    watchdog.phase('measure', 0);
    watchdog.handle({ type: 'failed', reason: 'carrier-gateway exited' }, 1_000);
    watchdog.fail('the broker 127.0.0.1:19092 stopped answering');
    watchdog.progress(2_000);
    expect(watchdog.verdict(2_000)).toBe('carrier-gateway exited during phase "measure"');
  });

  it('remembers the databases to drop should the benchmark have to be killed', () => {
    const watchdog = new Watchdog(120_000, 0);
    watchdog.handle({ type: 'database', url: 'postgresql://127.0.0.1/bench_import_1' }, 0);
    expect(watchdog.databases).toEqual(['postgresql://127.0.0.1/bench_import_1']);
  });

  it('reads its limit from BENCH_STALL_SECONDS, 120 s unless a positive number is given', () => {
    expect(stallMsFromEnv({ BENCH_STALL_SECONDS: '30' })).toBe(30_000);
    expect(stallMsFromEnv({})).toBe(DEFAULT_STALL_SECONDS * 1000);
    expect(stallMsFromEnv({ BENCH_STALL_SECONDS: 'soon' })).toBe(120_000);
  });
});
