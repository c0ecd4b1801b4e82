import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './service-process.js';

const run = promisify(execFile);
const ZIPKIN_SH = path.resolve(import.meta.dirname, '../../../infra/zipkin/zipkin.sh');

/** A Zipkin server of a test's own (in-memory storage), started as `npm start` starts the local one. */
export interface ThrowawayZipkin {
  /** `http://127.0.0.1:<port>`: the UI and the query API (`/api/v2/...`). */
  readonly url: string;
  /** What a service's ZIPKIN_ENDPOINT is set to. */
  readonly spansEndpoint: string;
  stop(): Promise<void>;
}

export async function throwawayZipkin(): Promise<ThrowawayZipkin> {
  const runDir = await mkdtemp(path.join(tmpdir(), 'docscreen-zipkin-'));
  const port = await freePort();
  const env = { ...process.env, DOCSCREEN_RUN_DIR: runDir, ZIPKIN_PORT: String(port) };
  const zipkin = (command: string) => run('bash', [ZIPKIN_SH, command], { env, timeout: 180_000 });
  await zipkin('start');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    spansEndpoint: `${url}/api/v2/spans`,
    stop: async () => {
      await zipkin('stop').catch(() => undefined);
      await rm(runDir, { recursive: true, force: true });
    },
  };
}
