import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { hungProcessReport } from './hung-process.js';
import { forgetProcess, listProcess } from './process-list.js';
import { WaitAborted, waitFor } from './wait-for.js';

/** How long a clean SIGTERM shutdown may take before the process is reported hung and killed. */
const STOP_TIMEOUT_MS = 30_000;

export interface RunningService {
  name: string;
  baseUrl: string;
  output: string[];
  /** The process id: the same one before and after a dependency came back means it never restarted. */
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /**
   * SIGTERM: a clean shutdown; resolves with the exit code. A process still running after
   * `timeoutMs` (default 30 s) is reported hung — with its JavaScript stack and state — then killed,
   * and resolves with null.
   */
  stop(timeoutMs?: number): Promise<number | null>;
  /** SIGKILL: a crash, with no chance to finish anything; resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: a process that hangs (a stalled dependency) and comes back. */
  pause(): void;
  resume(): void;
}

/**
 * Runs a built service as its own process, exactly as production does (`node --import instrument.js
 * main.js`), and waits until its readiness probe answers 200.
 */
export async function startServiceProcess(options: {
  name: string;
  serviceDir: string;
  port: number;
  env: Record<string, string>;
  readyTimeoutMs?: number;
  /** false: return once the process runs, ready or not (for services started before what they need). */
  awaitReady?: boolean;
}): Promise<RunningService> {
  const main = path.join(options.serviceDir, 'dist', 'main.js');
  if (!existsSync(main))
    throw new Error(`${options.name} is not built: ${main} is missing (run npm run build)`);
  const output: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    // The inspector stays closed; a port is set so that SIGUSR1 can open it when a stop hangs.
    ['--inspect-port=0', '--import', './dist/instrument.js', './dist/main.js'],
    {
      cwd: options.serviceDir,
      env: { ...process.env, ...options.env, PORT: String(options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  listProcess(child.pid, options.name);
  // The pipes and the process do not hold the test run open: leftovers are killed at its end (process-list.ts).
  child.unref();
  for (const stream of [child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
    stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      forgetProcess(child.pid);
      resolve(code);
    }),
  );
  let alive = true;
  void exited.then(() => (alive = false));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    if (options.awaitReady !== false)
      await waitFor(
        `${options.name} to be ready`,
        async () => {
          if (!alive) throw new WaitAborted(`${options.name} exited`);
          const response = await fetch(`${baseUrl}/health/ready`);
          return response.ok ? true : undefined;
        },
        options.readyTimeoutMs ?? 60_000,
        250,
      );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `${(error as Error).message}\n--- ${options.name} output ---\n${output.join('').slice(-4000)}`,
    );
  }
  return {
    name: options.name,
    baseUrl,
    output,
    pid: child.pid ?? 0,
    alive: () => alive,
    stop: async (timeoutMs = STOP_TIMEOUT_MS) => {
      if (alive) child.kill('SIGTERM');
      const code = await exitedWithin(exited, timeoutMs);
      if (code === 'hung') {
        process.stderr.write(
          `--- ${options.name} still running ${timeoutMs} ms after SIGTERM: killed ---\n` +
            `${await hungProcessReport(child, output)}\n${output.join('').slice(-4000)}\n`,
        );
        child.kill('SIGKILL');
        await exitedWithin(exited, timeoutMs);
        return null;
      }
      // An unclean stop is a failure the test will report; show why.
      if (code !== 0)
        process.stderr.write(`--- ${options.name} exited ${code} ---\n${output.join('').slice(-4000)}\n`);
      return code;
    },
    kill: async () => {
      if (alive) child.kill('SIGKILL');
      await exitedWithin(exited, STOP_TIMEOUT_MS);
    },
    pause: () => {
      if (alive) child.kill('SIGSTOP');
    },
    resume: () => {
      if (alive) child.kill('SIGCONT');
    },
  };
}

/**
 * The exit code, or 'hung' after `ms`. The timer is referenced: the process and its pipes are not (so
 * that they never hold a test run open), and a script with nothing else to wait for (a benchmark)
 * would otherwise end right there with an unsettled await (exit code 13).
 */
async function exitedWithin(exited: Promise<number | null>, ms: number): Promise<number | null | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  try {
    return await Promise.race([exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
