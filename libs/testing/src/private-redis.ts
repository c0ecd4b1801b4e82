import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { forgetProcess, listProcess } from './process-list.js';
import { freePort } from './service-process.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

/** A redis-server of a test's own, with persistence on, which it may restart without touching anyone else's. */
export interface PrivateRedis {
  /** `redis://127.0.0.1:<port>`: known before the server runs. */
  readonly url: string;
  readonly port: number;
  /** Starts the server on its port and data folder; resolves once it answers PING (its AOF loaded). */
  start(): Promise<void>;
  /** SHUTDOWN (the append-only file written out, every client cut), then `start` on the same port and data. */
  restart(): Promise<void>;
  /** SHUTDOWN, keeping the data folder. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>;
}

/**
 * redis-server on a free port with its own data folder, run as production must run it for BullMQ
 * (the webhook queues live there): `appendonly yes`, `appendfsync everysec`, `maxmemory-policy
 * noeviction`, no RDB snapshots. A restart is SHUTDOWN and a new process on the same folder, so what
 * survives it is what the append-only file kept — nothing else.
 */
export async function privateRedis(): Promise<PrivateRedis> {
  const server = redisServer();
  const folder = await mkdtemp(path.join(tmpdir(), 'docscreen-redis-'));
  const port = await freePort();
  const pidFile = path.join(folder, 'redis.pid');
  const logFile = path.join(folder, 'redis.log');
  let pid: number | undefined;
  const start = async () => {
    await run(
      server,
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', folder],
        ...['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
        ...['--maxmemory-policy', 'noeviction'],
        ...['--daemonize', 'yes', '--pidfile', pidFile, '--logfile', logFile],
      ],
      { timeout: 30_000 },
    );
    try {
      await waitFor(
        `redis-server on port ${port}`,
        async () => ((await ping(port)) ? true : undefined),
        60_000,
      );
    } catch (error) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`${(error as Error).message}\n${log.slice(-3000)}`);
    }
    pid = Number((await readFile(pidFile, 'utf8')).trim());
    listProcess(pid, `private Redis on port ${port}`);
  };
  const stop = async () => {
    if (!pid) return;
    const stopping = pid;
    await shutdown(port);
    await waitFor(
      `redis-server (pid ${stopping}) to exit`,
      () => (alive(stopping) ? undefined : true),
      60_000,
    );
    forgetProcess(stopping);
    pid = undefined;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    stop,
    destroy: async () => {
      await stop().catch(() => {
        if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
      });
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function redisServer(): string {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'redis-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(
    'privateRedis() needs redis-server on PATH (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis).',
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One RESP command over a fresh connection; resolves with the first reply line, or '' if the server closed it. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error(`redis on port ${port}: no answer to ${line}`)));
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

/** Answers PONG: up, and done loading its append-only file (until then it answers -LOADING). */
async function ping(port: number): Promise<boolean> {
  return (await command(port, 'PING').catch(() => '')) === '+PONG';
}

/** SHUTDOWN: Redis writes its append-only file out and exits without a reply; an error reply is a failure. */
async function shutdown(port: number): Promise<void> {
  // A connection reset as the process exits is no failure: the caller waits for the process to be gone.
  const reply = await command(port, 'SHUTDOWN').catch(() => '');
  if (reply.startsWith('-')) throw new Error(`redis on port ${port} refused SHUTDOWN: ${reply}`);
}
