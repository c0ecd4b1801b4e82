import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Every process a test starts is listed (a file named by its pid) in the folder the Jest run's global
// set-up made (infra/jest/global-setup.js); its global tear-down kills what is left, so a test that failed
// before its `stop` never outlives the run. (`process.on('exit')` does not fire inside Jest's sandbox.)
const PROCESS_LIST = process.env['DOCSCREEN_TEST_PROCESSES'];

/** Lists a process the run's tear-down kills if it is still running then. */
export function listProcess(pid: number | undefined, name: string): void {
  if (PROCESS_LIST && pid) writeFileSync(path.join(PROCESS_LIST, String(pid)), name);
}

/** Takes a process that ended (or was stopped on purpose) off the list. */
export function forgetProcess(pid: number | undefined): void {
  if (PROCESS_LIST && pid) rmSync(path.join(PROCESS_LIST, String(pid)), { force: true });
}
