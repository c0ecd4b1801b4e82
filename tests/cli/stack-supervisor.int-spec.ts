import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@docscreen/testing';

// The supervisor `docscreen stack up` puts in front of every service (`docscreen stack supervise`), on
// a tiny real child in place of a service: SIGKILLed, it is restarted after the backoff and counted in
// `docscreen stack status`; `docscreen stack down` stops the supervisor first, then the child, which
// is not restarted. (tests/cli/readme-try-it.int-spec.ts does the same to a real service of a whole
// stack started with `docscreen stack up`.)

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const run = promisify(execFile);
const NAME = 'document-registry'; // a stack service's name, so that status and down look at it

describe('docscreen stack supervise', () => {
  let runDir: string;
  /** Only the supervisor restarts the child: once it is gone, nothing can come back. */
  let supervisorPid: number;
  let env: NodeJS.ProcessEnv;
  const pidFile = () => path.join(runDir, 'pids', `${NAME}.pid`);
  const childPid = () => (existsSync(pidFile()) ? Number(readFileSync(pidFile(), 'utf8')) : undefined);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const docscreen = async (...args: string[]) => {
    try {
      return { code: 0, ...(await run(process.execPath, [BIN, ...args], { env })) };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  };

  beforeAll(async () => {
    runDir = await mkdtemp(path.join(tmpdir(), 'docscreen-supervisor-'));
    // Nothing of the real stack: no broker at this port, no service on 3002.
    env = { ...process.env, DOCSCREEN_RUN_DIR: runDir, KAFKA_BROKERS: '127.0.0.1:1' };
    await mkdir(path.join(runDir, 'supervisor'), { recursive: true });
    await mkdir(path.join(runDir, 'logs'), { recursive: true });
    await mkdir(path.join(runDir, 'pids'), { recursive: true });
    // What `stack up` writes for a service (launchSupervisor), here for a child that only waits.
    await writeFile(
      path.join(runDir, 'supervisor', `${NAME}.spec.json`),
      JSON.stringify({
        name: NAME,
        command: process.execPath,
        args: ['-e', 'setInterval(() => {}, 1000)'],
        cwd: runDir,
        env: { SUPERVISED: '1' },
        logFile: path.join(runDir, 'logs', `${NAME}.log`),
      }),
    );
    const supervisor = spawn(process.execPath, [BIN, 'stack', 'supervise', NAME], {
      env,
      detached: true,
      stdio: 'ignore',
    });
    supervisor.unref();
    supervisorPid = supervisor.pid!;
    await waitFor('the supervised child', () => childPid(), 15_000);
  });

  afterAll(async () => {
    await docscreen('stack', 'down', '--keep-kafka');
    await rm(runDir, { recursive: true, force: true });
  });

  it('restarts a SIGKILLed child after 1 s and shows it in docscreen stack status', async () => {
    const first = childPid()!;
    process.kill(first, 'SIGKILL');
    const killedAt = Date.now();
    const second = await waitFor(
      'the restarted child',
      () => {
        const pid = childPid();
        return pid !== undefined && pid !== first && alive(pid) ? pid : undefined;
      },
      15_000,
      50,
    );
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(900); // the first backoff: 1 s

    const status = await docscreen('stack', 'status');
    const row = status.stdout.split('\n').find((l) => l.includes(` ${NAME} `)) ?? '';
    expect(row).toContain(`pid ${second} restarts 1 (last SIGKILL at `);
    expect(row).toMatch(/restarted at \d{4}-\d\d-\d\dT/);
    expect(status.code).toBe(1); // nothing else of a stack runs here
  });

  it('counts every restart, with the signal that ended the child', async () => {
    const before = childPid()!;
    process.kill(before, 'SIGTERM'); // node exits on SIGTERM: a signal, not a code
    await waitFor('the third child', () => {
      const pid = childPid();
      return pid !== undefined && pid !== before && alive(pid) ? pid : undefined;
    });
    const row = (await docscreen('stack', 'status')).stdout.split('\n').find((l) => l.includes(` ${NAME} `));
    expect(row).toContain('restarts 2 (last SIGTERM at ');
  });

  it('docscreen stack down stops the supervisor first, then the child, which is not restarted', async () => {
    const last = childPid()!;
    const down = await docscreen('stack', 'down', '--keep-kafka');
    expect(down.stdout).toContain(`${NAME}: stopped`);
    expect(alive(last)).toBe(false);
    // No waiting for a restart that should not come: the only process that restarts the child is gone.
    expect(alive(supervisorPid)).toBe(false);
    expect(childPid()).toBeUndefined();
    const row = (await docscreen('stack', 'status')).stdout.split('\n').find((l) => l.includes(` ${NAME} `));
    expect(row).toMatch(new RegExp(`^DOWN +${NAME} +http://127.0.0.1:3002 pid - (?!restarts|unsupervised)`));
  });
});
