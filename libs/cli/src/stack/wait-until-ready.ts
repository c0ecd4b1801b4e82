import { logFile, readiness, runningPid } from './service-process.js';
import type { StackService } from './stack-services.js';

/** Waits for every service's readiness probe; a service that exits meanwhile fails at once with its log. */
export async function waitUntilReady(services: readonly StackService[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(services);
  while (pending.size > 0) {
    for (const service of [...pending]) {
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
