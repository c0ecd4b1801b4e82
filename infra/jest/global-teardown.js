// Jest global tear-down: kills the service processes a test left running (see global-setup.js), so
// none outlives the run — a hung child once held a CI run open until its time ran out.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export default function globalTeardown() {
  const folder = process.env.DOCSCREEN_TEST_PROCESSES;
  if (!folder) return;
  for (const pid of readdirSync(folder)) {
    const name = readFileSync(path.join(folder, pid), 'utf8');
    try {
      process.kill(Number(pid), 'SIGKILL');
      process.stderr.write(`jest tear-down: killed ${name} (pid ${pid}), left running by a test\n`);
    } catch {
      // Already gone.
    }
  }
  rmSync(folder, { recursive: true, force: true });
}
