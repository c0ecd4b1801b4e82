import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from '../paths.js';
import { serviceDir, type StackService } from './stack-services.js';

const pidFile = (service: StackService) => path.join(RUN_DIR, 'pids', `${service.name}.pid`);
export const logFile = (service: StackService) => path.join(RUN_DIR, 'logs', `${service.name}.log`);

export function runningPid(service: StackService): number | undefined {
  const file = pidFile(service);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
}

/** Starts a built service detached, with OpenTelemetry loaded first (`--import instrument.js`). */
export function startService(service: StackService, env: Record<string, string>): number {
  const dir = serviceDir(service);
  const main = path.join(dir, 'dist', 'main.js');
  if (!existsSync(main))
    throw new Error(`${service.name} is not built (${main} missing): run \`npm run build\``);
  mkdirSync(path.dirname(pidFile(service)), { recursive: true });
  mkdirSync(path.dirname(logFile(service)), { recursive: true });
  const out = openSync(logFile(service), 'a');
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '--import', './dist/instrument.js', './dist/main.js'],
    {
      cwd: dir,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new Error(`${service.name} did not start`);
  writeFileSync(pidFile(service), String(child.pid));
  return child.pid;
}

/** SIGTERM (the service drains and commits), then SIGKILL after the grace period. */
export async function stopService(
  service: StackService,
  graceMs = 20_000,
): Promise<'stopped' | 'killed' | 'not running'> {
  const pid = runningPid(service);
  if (pid === undefined) return 'not running';
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (runningPid(service) === undefined) return 'stopped';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill(pid, 'SIGKILL');
  rmSync(pidFile(service), { force: true });
  return 'killed';
}

export interface Readiness {
  ready: boolean;
  detail: string;
}

export async function readiness(service: StackService): Promise<Readiness> {
  try {
    const response = await fetch(`http://127.0.0.1:${service.port}/health/ready`, {
      signal: AbortSignal.timeout(3_000),
    });
    const body = (await response.json()) as { status?: string; error?: Record<string, { message?: string }> };
    if (response.ok) return { ready: true, detail: 'ready' };
    const failing = Object.entries(body.error ?? {}).map(([name, v]) => `${name}: ${v.message ?? 'down'}`);
    return { ready: false, detail: failing.join('; ') || `HTTP ${response.status}` };
  } catch (error) {
    return { ready: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
