// Jest global set-up: a folder where libs/testing's startServiceProcess lists the service processes
// a test starts (a file per pid), so the global tear-down can kill any a failed test left running.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function globalSetup() {
  process.env.DOCSCREEN_TEST_PROCESSES = mkdtempSync(path.join(tmpdir(), 'docscreen-test-processes-'));
}
