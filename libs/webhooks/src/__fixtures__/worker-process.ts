import { spawn } from 'node:child_process';
import path from 'node:path';

// Runs delivery-worker.ts in a child process (Node 24 strips its types), so a test can SIGKILL a
// worker in the middle of a delivery, as a crash or an OOM kill would.

const WORKER_SCRIPT = path.join(import.meta.dirname, 'delivery-worker.ts');

export type WorkerEvent = Record<string, unknown>;

export interface WorkerProcess {
  /** What the worker reported on stdout, one JSON object a line. */
  events: WorkerEvent[];
  waitForEvent(what: string, match: (event: WorkerEvent) => boolean, timeoutMs?: number): Promise<void>;
  /** SIGKILL: no chance to finish anything; resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the worker closes gracefully. */
  stop(): Promise<void>;
}

export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--no-warnings', WORKER_SCRIPT], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: WorkerEvent[] = [];
  const stderr: string[] = [];
  // Re-checked on every reported event and on exit.
  const listeners = new Set<() => void>();
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as WorkerEvent);
    listeners.forEach((listener) => listener());
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let alive = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      alive = false;
      listeners.forEach((listener) => listener());
      resolve();
    }),
  );
  return {
    events,
    waitForEvent: (what, match, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => settle(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
          timeoutMs,
        );
        const check = () => {
          if (events.some(match)) settle();
          else if (!alive) settle(new Error(`the worker process exited before ${what}:\n${stderr.join('')}`));
        };
        const settle = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve();
        };
        listeners.add(check);
        check();
      }),
    kill: async () => {
      if (alive) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (alive) child.kill('SIGTERM');
      await exited;
    },
  };
}
