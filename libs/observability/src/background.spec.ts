import { Writable } from 'node:stream';
import { backoffDelay, PeriodicTask, retryUntilDone } from './background.js';
import { createLogger } from './logger.js';

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger({ service: 'test', destination }), lines };
}

const fast = { initialMs: 1, maxMs: 4 };

describe('backoffDelay', () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [7, 30_000],
    [100, 30_000],
  ])('after %i failures waits %i ms', (attempt, ms) => {
    expect(backoffDelay(attempt)).toBe(ms);
  });
});

describe('retryUntilDone', () => {
  it('retries a failing start-up step until it succeeds, logging each failure with its task', async () => {
    const { logger, lines } = capturingLogger();
    let calls = 0;
    const result = await retryUntilDone(
      'kafka-connect',
      async () => {
        if (++calls < 4) throw new Error(`not yet ${calls}`);
        return 'connected';
      },
      { logger, backoff: fast },
    );
    expect(result).toBe('connected');
    expect(calls).toBe(4);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((l) => l['task'] === 'kafka-connect')).toHaveLength(3);
  });

  it('gives up only when its signal aborts, with the last error', async () => {
    const { logger } = capturingLogger();
    const abort = new AbortController();
    const run = retryUntilDone(
      'never',
      async () => {
        throw new Error('still down');
      },
      { logger, signal: abort.signal, backoff: { initialMs: 50, maxMs: 50 } },
    );
    setTimeout(() => abort.abort(), 20);
    await expect(run).rejects.toThrow('still down');
  });
});

describe('PeriodicTask', () => {
  it('survives failing runs, retries them sooner and recovers; stop waits for the run in progress', async () => {
    const { logger, lines } = capturingLogger();
    const task = new PeriodicTask({
      name: 'snapshot',
      everyMs: 10_000,
      logger,
      runAtStart: true,
      backoff: fast,
    });
    let runs = 0;
    let finished = false;
    const recovered = new Promise<void>((resolve) =>
      task.start(async () => {
        runs++;
        if (runs <= 3) throw new Error('disk full');
        await new Promise((r) => setTimeout(r, 20));
        finished = true;
        resolve();
      }),
    );
    await recovered;
    await task.stop();
    expect(finished).toBe(true);
    expect(task.consecutiveFailures).toBe(0);
    expect(task.lastSuccessAt).toBeInstanceOf(Date);
    // The period is 10 s: the three retries came from the backoff, and stop() did not wait a period.
    expect(runs).toBe(4);
    expect(lines.filter((l) => l['task'] === 'snapshot' && l['level'] === 'error')).toHaveLength(3);
  });
});
