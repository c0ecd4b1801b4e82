import { metrics, type Counter } from '@opentelemetry/api';
import type { Logger } from './logger.js';

/**
 * Work a service does on its own, away from any request: start-up connections, index snapshots,
 * retention, outbox relays, reference-data polls. Its failures are the ones nobody sees at once, so
 * they are logged, counted (`docscreen_background_failures_total{task}`) and retried with backoff —
 * never thrown into the void, where Node turns an unhandled rejection into the death of the process
 * and every traveller after it waits unscreened.
 */
// Made on first use, not at import: services import this library in instrument.ts before the SDK starts,
// and the metrics API has no proxy provider, so a counter made at import stayed a no-op for good.
let failureCounter: Counter | undefined;
const failures = (): Counter =>
  (failureCounter ??= metrics
    .getMeter('@docscreen/observability')
    .createCounter('docscreen.background.failures', {
      description: 'Failed runs of a background task (each is logged and retried), by task',
    }));

export interface Backoff {
  /** Wait after the first failure. */
  initialMs: number;
  /** The wait doubles after each further failure up to this. */
  maxMs: number;
}

/**
 * Logs and counts one failed run of a background task that retries on its own schedule (a relay
 * loop); PeriodicTask and retryUntilDone do this themselves.
 */
export function backgroundFailure(task: string, logger: Logger, error: unknown, fields: object = {}): void {
  failures().add(1, { task });
  logger.error({ task, ...fields, error }, 'background task failed; retrying');
}

const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000 };

/** The wait before attempt `attempt + 1` after `attempt` failures in a row (1-based). */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt - 1, 30));
}

/** Resolves after `ms`, or at once when `signal` aborts (without throwing). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    // Unref'd: a pending retry never keeps a stopping process alive; its servers do that.
    const timer = setTimeout(done, ms).unref();
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface RetryOptions {
  logger: Logger;
  /** Stops the retries (the service is shutting down): the last error is then thrown. */
  signal?: AbortSignal;
  backoff?: Backoff;
}

/**
 * Runs `work` until it succeeds: each failure is logged, counted and retried after a backoff. For
 * what a service needs before it can serve (a broker that is still starting, a topic still electing
 * its leaders, a database that comes up after the service): the service stays not-ready meanwhile
 * instead of exiting. Throws only when `signal` aborts.
 */
export async function retryUntilDone<T>(
  task: string,
  work: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  // The task's series exists from the start (at 0), so "no failures" reads 0, not "no data".
  failures().add(0, { task });
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const retryInMs = backoffDelay(attempt, options.backoff);
      failures().add(1, { task });
      options.logger.warn({ task, attempt, retryInMs, error }, 'background task failed; retrying');
      await pause(retryInMs, options.signal);
      if (options.signal?.aborted) throw error;
    }
  }
}

export interface PeriodicTaskOptions {
  /** A bounded name: the metric label and the log field `task`. */
  name: string;
  everyMs: number;
  logger: Logger;
  /** Run once at start, not only after the first period. */
  runAtStart?: boolean;
  /** How soon a failed run is retried (capped by `everyMs`). */
  backoff?: Backoff;
}

/**
 * Runs `work` every `everyMs`. A failed run is logged, counted and retried sooner, with backoff, and
 * never stops the task nor the process. One run at a time; `stop` waits for the run in progress.
 */
export class PeriodicTask {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  /** Failed runs in a row; 0 after a success. */
  consecutiveFailures = 0;
  lastSuccessAt: Date | undefined;

  constructor(private readonly options: PeriodicTaskOptions) {}

  start(work: () => Promise<void>): void {
    if (this.loop) return;
    failures().add(0, { task: this.options.name });
    this.loop = this.run(work);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(work: () => Promise<void>): Promise<void> {
    const { name, everyMs, logger, runAtStart } = this.options;
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    if (!runAtStart) await pause(everyMs, this.abort.signal);
    while (!this.abort.signal.aborted) {
      let waitMs = everyMs;
      try {
        await work();
        this.consecutiveFailures = 0;
        this.lastSuccessAt = new Date();
      } catch (error) {
        this.consecutiveFailures++;
        waitMs = Math.min(everyMs, backoffDelay(this.consecutiveFailures, backoff));
        backgroundFailure(name, logger, error, {
          consecutiveFailures: this.consecutiveFailures,
          retryInMs: waitMs,
        });
      }
      await pause(waitMs, this.abort.signal);
    }
  }
}
