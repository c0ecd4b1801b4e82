import { logFile, readiness, runningPid } from './service-process.js';
import type { StackService } from './stack-services.js';
import { describeExit, supervisorState } from './supervisor.js';

/**
 * Waits for every service's readiness probe; a service that exits meanwhile fails at once with its log
 * (its supervisor keeps restarting it with backoff until `docscreen stack down`).
 */
export async function waitUntilReady(
  services: readonly StackService[],
  timeoutMs: number,
  /** When they were started: an exit since then is an exit during start-up. */
  since = Date.now(),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(services);
  while (pending.size > 0) {
    for (const service of [...pending]) {
      const exit = supervisorState(service.name)?.lastExit;
      if (exit && Date.parse(exit.at) >= since)
        throw new Error(
          `${service.name} exited during start-up (${describeExit(exit)}): see ${logFile(service)}`,
        );
      if (runningPid(service) === undefined)
        throw new Error(`${service.name} exited during start-up: see ${logFile(service)}`);
      if ((await readiness(service)).ready) pending.delete(service);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) {
      const names = [...pending].map((s) => `${s.name} (${logFile(s)})`).join(', ');
      throw new Error(`not ready after ${timeoutMs / 1000} s: ${names}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
