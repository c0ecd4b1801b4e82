import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from '../paths.js';
import { serviceDir, type StackService } from './stack-services.js';
import {
  launchSupervisor,
  livePid,
  pidFile,
  stopSupervisor,
  supervisorPid,
  supervisorState,
} from './supervisor.js';

export const logFile = (service: StackService) => path.join(RUN_DIR, 'logs', `${service.name}.log`);

export function runningPid(service: StackService): number | undefined {
  return livePid(pidFile(service.name));
}

/**
 * Starts a built service, with OpenTelemetry loaded first (`--import instrument.js`), under a detached
 * supervisor that restarts it when it exits (see supervisor.ts). A service already supervised is left
 * as it is: its pid is answered once it runs.
 */
export async function startService(service: StackService, env: Record<string, string>): Promise<number> {
  if (supervisorPid(service.name) !== undefined) {
    const deadline = Date.now() + 70_000; // the longest backoff, and then some
    for (;;) {
      const pid = runningPid(service);
      if (pid !== undefined || Date.now() > deadline) return pid ?? supervisorState(service.name)?.pid ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const unsupervised = runningPid(service);
  if (unsupervised !== undefined) return unsupervised;
  const dir = serviceDir(service);
  const main = path.join(dir, 'dist', 'main.js');
  if (!existsSync(main))
    throw new Error(`${service.name} is not built (${main} missing): run \`npm run build\``);
  return launchSupervisor({
    name: service.name,
    command: process.execPath,
    args: ['--enable-source-maps', '--import', './dist/instrument.js', './dist/main.js'],
    cwd: dir,
    env,
    logFile: logFile(service),
  });
}

/**
 * Stops the supervisor first, so that it does not restart what is being stopped; then SIGTERM (the
 * service drains and commits), and SIGKILL after the grace period.
 */
export async function stopService(
  service: StackService,
  graceMs = 20_000,
): Promise<'stopped' | 'killed' | 'not running'> {
  await stopSupervisor(service.name);
  const pid = runningPid(service);
  if (pid === undefined) return 'not running';
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (runningPid(service) === undefined) return 'stopped';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill(pid, 'SIGKILL');
  rmSync(pidFile(service.name), { force: true });
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
