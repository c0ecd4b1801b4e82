import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { WaitAborted, waitFor } from './wait-for.js';

export interface RunningService {
  name: string;
  baseUrl: string;
  output: string[];
  /** The process id: the same one before and after a dependency came back means it never restarted. */
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** SIGTERM: a clean shutdown; resolves with the exit code. */
  stop(): Promise<number | null>;
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
    ['--import', './dist/instrument.js', './dist/main.js'],
    {
      cwd: options.serviceDir,
      env: { ...process.env, ...options.env, PORT: String(options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
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
    stop: async () => {
      if (alive) child.kill('SIGTERM');
      const code = await exited;
      // An unclean stop is a failure the test will report; show why.
      if (code !== 0)
        process.stderr.write(`--- ${options.name} exited ${code} ---\n${output.join('').slice(-4000)}\n`);
      return code;
    },
    kill: async () => {
      if (alive) child.kill('SIGKILL');
      await exited;
    },
    pause: () => {
      if (alive) child.kill('SIGSTOP');
    },
    resume: () => {
      if (alive) child.kill('SIGCONT');
    },
  };
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
