import { DEFAULT_RESTART_POLICY, restartDelay } from './restart-policy.js';

describe('restartDelay', () => {
  it('waits 1 s before the first restart', () => {
    expect(restartDelay(undefined, 10)).toBe(1_000);
  });

  it('doubles while the process keeps crashing, up to 60 s', () => {
    const delays: number[] = [];
    let delay: number | undefined;
    for (let i = 0; i < 9; i++) delays.push((delay = restartDelay(delay, 500)));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('starts again from 1 s once the process stayed up a while', () => {
    expect(restartDelay(60_000, DEFAULT_RESTART_POLICY.stableAfterMs)).toBe(1_000);
    expect(restartDelay(60_000, DEFAULT_RESTART_POLICY.stableAfterMs - 1)).toBe(60_000);
  });

  it('follows a policy of its own', () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 250, stableAfterMs: 1_000 };
    expect([undefined, 100, 200].map((d) => restartDelay(d, 0, policy))).toEqual([100, 200, 250]);
  });
});
