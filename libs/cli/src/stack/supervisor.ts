import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fromRoot, RUN_DIR } from '../paths.js';
import { DEFAULT_RESTART_POLICY, restartDelay, type RestartPolicy } from './restart-policy.js';

// One small detached supervisor process per service (`docscreen stack supervise <name>`), started by
// `stack up`, outliving it: it runs the service, restarts it with backoff when it exits, and records
// what happened under .run/ for `stack status`. `stack down` stops the supervisor before the service.

/** What a supervisor runs: written by `stack up` to .run/supervisor/<name>.spec.json (mode 0600: tokens). */
export interface SupervisedProcess {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  /** Added to the environment of `stack up`, which the supervisor inherits. */
  env: Record<string, string>;
  /** stdout and stderr of every run, appended. */
  logFile: string;
}

/** What a supervisor has seen, in .run/supervisor/<name>.state.json. */
export interface SupervisorState {
  name: string;
  supervisorPid: number | null;
  /** The process now running; null between an exit and its restart. */
  pid: number | null;
  restarts: number;
  lastExit: { code: number | null; signal: string | null; at: string } | null;
  lastRestartAt: string | null;
  nextRestartAt: string | null;
}

const SUPERVISOR_DIR = path.join(RUN_DIR, 'supervisor');
const BIN = fromRoot('libs', 'cli', 'bin', 'docscreen.js');
const specFile = (name: string) => path.join(SUPERVISOR_DIR, `${name}.spec.json`);
const stateFile = (name: string) => path.join(SUPERVISOR_DIR, `${name}.state.json`);
const supervisorPidFile = (name: string) => path.join(RUN_DIR, 'pids', `${name}.supervisor.pid`);
export const supervisorLogFile = (name: string) => path.join(RUN_DIR, 'logs', `${name}.supervisor.log`);
/** The pid of the supervised process itself: what `stack down` signals after the supervisor. */
export const pidFile = (name: string) => path.join(RUN_DIR, 'pids', `${name}.pid`);

/** The pid in `file` if that process is alive; a stale file is removed. */
export function livePid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').trim();
  const pid = Number(text);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) return pid;
  // Only if it still names the dead process: the supervisor may have just written its successor.
  if (existsSync(file) && readFileSync(file, 'utf8').trim() === text) rmSync(file, { force: true });
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const supervisorPid = (name: string): number | undefined => livePid(supervisorPidFile(name));

export function supervisorState(name: string): SupervisorState | undefined {
  try {
    return JSON.parse(readFileSync(stateFile(name), 'utf8')) as SupervisorState;
  } catch {
    return undefined;
  }
}

/**
 * Starts a detached supervisor for `spec` and waits until it has started the process; answers its pid.
 * A supervisor that dies before that fails with its log.
 */
export async function launchSupervisor(spec: SupervisedProcess, timeoutMs = 15_000): Promise<number> {
  for (const dir of [SUPERVISOR_DIR, path.dirname(pidFile(spec.name)), path.dirname(spec.logFile)])
    mkdirSync(dir, { recursive: true });
  writeFileSync(specFile(spec.name), JSON.stringify(spec, null, 2), { mode: 0o600 });
  rmSync(stateFile(spec.name), { force: true });
  rmSync(pidFile(spec.name), { force: true });
  const out = openSync(supervisorLogFile(spec.name), 'a');
  const supervisor = spawn(process.execPath, [BIN, 'stack', 'supervise', spec.name], {
    env: { ...process.env, DOCSCREEN_RUN_DIR: RUN_DIR },
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  supervisor.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pid = supervisorState(spec.name)?.pid;
    if (pid) return pid;
    if (supervisor.exitCode !== null || supervisor.signalCode !== null)
      throw new Error(`the supervisor of ${spec.name} exited: see ${supervisorLogFile(spec.name)}`);
    await sleep(50);
  }
  throw new Error(`the supervisor of ${spec.name} did not start it in ${timeoutMs / 1000} s`);
}

/** Stops a service's supervisor (it leaves the service running, for the caller to drain). */
export async function stopSupervisor(name: string, graceMs = 5_000): Promise<void> {
  const pid = supervisorPid(name);
  if (pid === undefined) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(50);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(supervisorPidFile(name), { force: true });
}

/**
 * The supervisor itself (`docscreen stack supervise <name>`): runs the process of the spec, and when it
 * exits restarts it after the policy's backoff, until SIGTERM — which leaves the process running.
 */
export function supervise(name: string, policy: RestartPolicy = DEFAULT_RESTART_POLICY): void {
  const spec = JSON.parse(readFileSync(specFile(name), 'utf8')) as SupervisedProcess;
  writeFileSync(supervisorPidFile(name), String(process.pid));
  const state: SupervisorState = {
    name,
    supervisorPid: process.pid,
    pid: null,
    restarts: 0,
    lastExit: null,
    lastRestartAt: null,
    nextRestartAt: null,
  };
  // Written whole, then renamed: `stack status` never reads half a file.
  const save = () => {
    writeFileSync(`${stateFile(name)}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${stateFile(name)}.tmp`, stateFile(name));
  };
  let stopping = false;
  let delay: number | undefined;
  let pending: NodeJS.Timeout | undefined;

  const start = () => {
    const out = openSync(spec.logFile, 'a');
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      detached: true, // its own process group: signals to the supervisor never reach it
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    const startedAt = Date.now();
    let exited = false;
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (exited || stopping) return;
      exited = true;
      if (child.pid !== undefined && readPid(pidFile(name)) === child.pid)
        rmSync(pidFile(name), { force: true });
      delay = restartDelay(delay, Date.now() - startedAt, policy);
      const at = new Date();
      state.pid = null;
      state.lastExit = { code, signal, at: at.toISOString() };
      state.nextRestartAt = new Date(at.getTime() + delay).toISOString();
      save();
      note(`${name} exited (${describeExit(state.lastExit)}); restarting in ${delay / 1000} s`);
      pending = setTimeout(() => {
        state.restarts += 1;
        state.lastRestartAt = new Date().toISOString();
        state.nextRestartAt = null;
        start();
      }, delay);
    };
    child.once('exit', onExit);
    child.once('error', (error) => {
      note(`${name} could not start: ${error.message}`);
      onExit(null, null);
    });
    if (child.pid !== undefined) {
      writeFileSync(pidFile(name), String(child.pid));
      state.pid = child.pid;
      save();
      note(`${name} started: pid ${child.pid}`);
    }
  };

  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    if (pending) clearTimeout(pending);
    state.supervisorPid = null;
    state.nextRestartAt = null;
    save();
    rmSync(supervisorPidFile(name), { force: true });
    note(`supervisor stopped (${signal}); ${name} left to \`stack down\``);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', () => undefined);
  start();
}

/** "exit 1", "SIGKILL", or "did not start". */
export function describeExit(exit: SupervisorState['lastExit']): string {
  if (!exit) return '-';
  if (exit.signal) return exit.signal;
  return exit.code === null ? 'did not start' : `exit ${exit.code}`;
}

function readPid(file: string): number | undefined {
  try {
    return Number(readFileSync(file, 'utf8').trim());
  } catch {
    return undefined;
  }
}

function note(line: string): void {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
