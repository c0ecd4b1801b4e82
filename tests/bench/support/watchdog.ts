// Benchmarks never hang. Each benchmark names its phases and reports progress; what it started (service
// processes, load generators, databases) it registers here. A run ends — with a message naming the
// phase, cleaned up, exit 1 — when a registered process exits unasked, when the broker stops answering,
// or when a phase makes no progress for BENCH_STALL_SECONDS (default 120).
//
// Under run.mjs the timing is done by run.mjs (fed over IPC), so that a benchmark whose event loop is
// busy or stuck is still caught, and its whole process group killed; run directly, by the benchmark.
// Plain TypeScript without parameter properties or enums: benchmarks run under --experimental-strip-types.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

export const DEFAULT_STALL_SECONDS = 120;

/** What a benchmark tells its watchdog (and, over IPC, run.mjs). */
export type WatchdogMessage =
  /** `stallMs`: a phase known to go quiet longer (a service loading a 10M-record index) states its own. */
  | { type: 'phase'; name: string; stallMs?: number }
  | { type: 'progress' }
  | { type: 'database'; url: string }
  | { type: 'failed'; reason: string };

/**
 * The watchdog's logic, with no timers or processes: it is told what happens and when, and asked
 * whether the run must end. Used by run.mjs and by a benchmark run on its own.
 */
export class Watchdog {
  readonly stallMs: number;
  phaseName = 'start-up';
  private lastProgressAt: number;
  /** What failed (with its phase), once something has. */
  failure: string | undefined;
  readonly databases: string[] = [];

  constructor(stallMs: number, now: number) {
    this.stallMs = stallMs;
    this.lastProgressAt = now;
  }

  private phaseStallMs: number | undefined;

  /** A new phase: its clock starts now; it may state a longer limit of its own. */
  phase(name: string, now: number, stallMs?: number): void {
    this.phaseName = name;
    this.phaseStallMs = stallMs;
    this.lastProgressAt = now;
  }

  progress(now: number): void {
    this.lastProgressAt = now;
  }

  /** Something the run depends on failed (a process exited, the broker went away): the first one counts. */
  fail(reason: string): void {
    this.failure ??= `${reason} during phase "${this.phaseName}"`;
  }

  handle(message: WatchdogMessage, now: number): void {
    if (message.type === 'phase') this.phase(message.name, now, message.stallMs);
    else if (message.type === 'progress') this.progress(now);
    else if (message.type === 'database') this.databases.push(message.url);
    else this.fail(message.reason);
  }

  /** Why the run must end now, or undefined while it may go on. */
  verdict(now: number): string | undefined {
    if (this.failure) return this.failure;
    const quiet = now - this.lastProgressAt;
    const limit = Math.max(this.stallMs, this.phaseStallMs ?? 0);
    const source = limit === this.stallMs ? 'BENCH_STALL_SECONDS' : 'this phase’s own';
    if (quiet >= limit)
      return `phase "${this.phaseName}" made no progress for ${Math.round(quiet / 1000)} s (limit ${limit / 1000} s, ${source})`;
    return undefined;
  }
}

export function stallMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env['BENCH_STALL_SECONDS'] ?? DEFAULT_STALL_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_STALL_SECONDS) * 1000;
}

/** A service started with @docscreen/testing's startServiceProcess, as the watchdog sees it. */
interface WatchedService {
  name: string;
  alive(): boolean;
  kill(): Promise<void>;
}

/** A database created with createTestDatabase. */
interface WatchedDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The watchdog inside one benchmark process. */
export class BenchWatchdog {
  private readonly bench: string;
  private readonly local: Watchdog | undefined;
  private readonly services = new Set<WatchedService>();
  /** Everything registered and not released, kept after `disarm`: what a crash is checked against. */
  private readonly watched = new Set<WatchedService>();
  private readonly cleanups: (() => Promise<unknown> | unknown)[] = [];
  private readonly brokers: string | undefined;
  private brokerMisses = 0;
  private readonly timer: NodeJS.Timeout;
  private lastSent = 0;
  private ending = false;

  constructor(bench: string, options: { brokers?: string } = {}) {
    this.bench = bench;
    this.brokers = options.brokers;
    // Under run.mjs (an IPC channel) run.mjs keeps the clock; on its own, this process does.
    this.local = process.send ? undefined : new Watchdog(stallMsFromEnv(), Date.now());
    this.timer = setInterval(() => void this.tick(), 1_000);
    this.timer.unref();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, this.onSignal);
    process.on('uncaughtException', this.onCrash);
  }

  private readonly onSignal = (signal: NodeJS.Signals) => void this.end(`stopped by ${signal}`);

  /**
   * The benchmark threw (a request to a service that had just died, say): if a watched process is dead,
   * that is the reason, and it ends the run; otherwise the error is the benchmark's own (exit 1).
   */
  private readonly onCrash = (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    const dead = [...this.watched].find((service) => !service.alive());
    if (!dead) process.exit(1);
    const reason = `${dead.name} exited`;
    if (!this.ending) return void this.end(reason);
    // Disarmed: its `finally` has cleaned up already.
    if (this.local) {
      process.stderr.write(`bench ${this.bench}: ${this.describe(reason)}\n`);
      process.exit(1);
    }
    process.send?.({ type: 'failed', reason } satisfies WatchdogMessage, () => process.exit(1));
  };

  /** A new phase; `stallSeconds` for one that may go quiet longer than BENCH_STALL_SECONDS. */
  phase(name: string, options: { stallSeconds?: number } = {}): void {
    const { stallSeconds } = options;
    this.tell({ type: 'phase', name, ...(stallSeconds ? { stallMs: stallSeconds * 1000 } : {}) });
  }

  /** Call as work completes (a request answered, an event read); cheap: at most one message a second. */
  progress(): void {
    const now = Date.now();
    if (now - this.lastSent < 1_000) return;
    this.lastSent = now;
    this.tell({ type: 'progress' });
  }

  /** A service process whose exit ends the run, until released; killed if the run ends early. */
  service<S extends WatchedService>(service: S): S {
    this.services.add(service);
    this.watched.add(service);
    this.cleanups.push(() => service.kill());
    return service;
  }

  /** A child process (load generator, baseline server) whose exit ends the run, until released. */
  child(label: string, child: ChildProcess): ChildProcess {
    const watched: WatchedService = {
      name: label,
      alive: () => child.exitCode === null && child.signalCode === null,
      kill: async () => {
        if (watched.alive()) child.kill('SIGKILL');
      },
    };
    this.service(watched);
    return child;
  }

  /** Stops watching a process the benchmark is about to stop itself. */
  release(service: { name: string }): void {
    for (const s of this.services) if (s.name === service.name) this.services.delete(s);
    for (const s of this.watched) if (s.name === service.name) this.watched.delete(s);
  }

  /** A bench_* database, dropped if the run ends early (and by run.mjs should this process be killed). */
  database<D extends WatchedDatabase>(db: D): D {
    this.tell({ type: 'database', url: db.url });
    this.cleanups.push(() => db.drop());
    return db;
  }

  /** Anything else to undo if the run ends early (a temporary folder, a Kafka client). */
  cleanup(undo: () => Promise<unknown> | unknown): void {
    this.cleanups.push(undo);
  }

  /** The benchmark finished (or is in its own `finally`): nothing is watched any more. */
  disarm(): void {
    clearInterval(this.timer);
    // From here a signal ends the process as usual; run.mjs drops the databases it was told about.
    process.off('SIGTERM', this.onSignal);
    process.off('SIGINT', this.onSignal);
    this.services.clear();
    this.ending = true;
  }

  private tell(message: WatchdogMessage): void {
    if (this.local) this.local.handle(message, Date.now());
    else process.send?.(message);
  }

  private async tick(): Promise<void> {
    if (this.ending) return;
    for (const service of this.services) if (!service.alive()) return this.end(`${service.name} exited`);
    if (this.brokers) {
      const first = this.brokers.split(',')[0] ?? '';
      this.brokerMisses = (await answers(first)) ? 0 : this.brokerMisses + 1;
      if (this.brokerMisses >= 3) return this.end(`the broker ${first} stopped answering`);
    }
    const verdict = this.local?.verdict(Date.now());
    if (verdict) await this.end(verdict, true);
  }

  /** Ends the run: the reason (with the phase) on stderr, every cleanup in reverse order, exit 1. */
  private async end(reason: string, judged = false): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    clearInterval(this.timer);
    const message = judged ? reason : this.describe(reason);
    if (!judged) process.send?.({ type: 'failed', reason } satisfies WatchdogMessage);
    process.stderr.write(`bench ${this.bench}: ${message}; cleaning up\n`);
    const deadline = setTimeout(() => process.exit(1), 60_000);
    for (const undo of this.cleanups.reverse())
      await Promise.resolve()
        .then(undo)
        .catch(() => undefined);
    clearTimeout(deadline);
    process.exit(1);
  }

  private describe(reason: string): string {
    if (!this.local) return reason; // run.mjs names the phase
    this.local.fail(reason);
    return this.local.verdict(Date.now()) ?? reason;
  }
}

/**
 * Runs the benchmark `script` again with node `flags` (a bigger heap, --expose-gc), passing its watchdog
 * messages on to run.mjs, and exits with its exit code.
 */
export async function rerunWith(script: string, flags: string[]): Promise<never> {
  const child = spawn(process.execPath, [...flags, script, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (message) => process.send?.(message));
  const [code] = (await once(child, 'exit')) as [number | null];
  process.exit(code ?? 1);
}

function answers(hostPort: string): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host: host || '127.0.0.1', port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
