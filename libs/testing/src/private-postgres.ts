import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { forgetProcess, listProcess } from './process-list.js';
import { freePort } from './service-process.js';

const run = promisify(execFile);

/** A PostgreSQL cluster of a test's own, which it may restart and stop without touching anyone else's. */
export interface PrivatePostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`: known before the cluster runs. */
  readonly url: string;
  readonly port: number;
  /** Creates the cluster (on the first start) and starts it; resolves once it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`: every connection is terminated, as when an operator restarts the server. */
  restart(): Promise<void>;
  /** Stops the server (fast shutdown), keeping its data: `start` brings it back. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>;
}

/** Trust on loopback (a throwaway cluster), and no fsync while initdb writes it: seconds, not tens. */
const INITDB_OPTIONS = ['-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];

const INSTALL = `privatePostgres() needs PostgreSQL's server binaries (initdb, pg_ctl, postgres):
  Debian/Ubuntu: apt-get install -y postgresql   (they land in /usr/lib/postgresql/<version>/bin)
  or set POSTGRES_BIN_DIR to the folder that holds them.`;

/**
 * A cluster made with initdb in a temporary folder, on a free port, started and stopped with pg_ctl —
 * as the postgres user when the tests run as root (PostgreSQL refuses to run as root). For faults that
 * only a real server shows: a restart ends every session, and a pool must reconnect by itself.
 *
 * fsync is off: a restart or a stop is a clean shutdown that writes everything out, and the faults
 * this cluster serves are process restarts, never a machine losing power.
 */
export async function privatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const owner = await ownerOf();
  const folder = await mkdtemp(path.join(tmpdir(), 'docscreen-postgres-'));
  if (owner) await chown(folder, owner.uid, owner.gid);
  const data = path.join(folder, 'data');
  const log = path.join(folder, 'server.log');
  const port = await freePort();
  // As the cluster's owner when the tests run as root; as the current user otherwise.
  const asOwner = (binary: string, args: string[]) =>
    owner
      ? run('runuser', ['-u', owner.name, '--', path.join(bin, binary), ...args], { timeout: 120_000 })
      : run(path.join(bin, binary), args, { timeout: 120_000 });
  const pgCtl = async (...args: string[]) => {
    try {
      await asOwner('pg_ctl', ['-D', data, ...args]);
    } catch (error) {
      const tail = await readFile(log, 'utf8').catch(() => '');
      throw new Error(`pg_ctl ${args.join(' ')}: ${(error as Error).message}\n${tail.slice(-3000)}`);
    }
  };
  let created = false;
  const started = async () => {
    // The postmaster's pid is the first line of postmaster.pid; listed so a failed run never leaves it.
    const pid = Number((await readFile(path.join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    listProcess(pid, `private PostgreSQL on port ${port}`);
    return pid;
  };
  let pid: number | undefined;
  const stopServer = async () => {
    if (!created || !existsSync(path.join(data, 'postmaster.pid'))) return;
    await pgCtl('-m', 'fast', '-w', '-t', '60', 'stop');
    if (pid) forgetProcess(pid);
    pid = undefined;
  };
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: async () => {
      if (!created) {
        await asOwner('initdb', ['-D', data, ...INITDB_OPTIONS]);
        const settings = [
          `port = ${port}`,
          `listen_addresses = '127.0.0.1'`,
          `unix_socket_directories = '${folder}'`,
          'fsync = off',
          'max_connections = 200',
          '',
        ].join('\n');
        await writeFile(path.join(data, 'postgresql.auto.conf'), settings);
        if (owner) await chown(path.join(data, 'postgresql.auto.conf'), owner.uid, owner.gid);
        created = true;
      }
      await pgCtl('-l', log, '-w', '-t', '60', 'start');
      pid = await started();
    },
    restart: async () => {
      if (pid) forgetProcess(pid);
      await pgCtl('-l', log, '-m', 'fast', '-w', '-t', '60', 'restart');
      pid = await started();
    },
    stop: stopServer,
    destroy: async () => {
      await stopServer().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** The folder of initdb and pg_ctl: POSTGRES_BIN_DIR, the newest /usr/lib/postgresql/<v>/bin, or PATH. */
function postgresBinDir(): string {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(dir, b)));
  const fromEnv = process.env['POSTGRES_BIN_DIR'];
  if (fromEnv) {
    if (has(fromEnv)) return fromEnv;
    throw new Error(`POSTGRES_BIN_DIR=${fromEnv} lacks initdb, pg_ctl or postgres.\n${INSTALL}`);
  }
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions)
    if (has(path.join(debian, version, 'bin'))) return path.join(debian, version, 'bin');
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) if (dir && has(dir)) return dir;
  throw new Error(`no PostgreSQL server binaries found.\n${INSTALL}`);
}

/** As root, the account that owns and runs the cluster (PostgreSQL refuses root); otherwise none. */
async function ownerOf(): Promise<{ name: string; uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const name = 'postgres';
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    await run('runuser', ['--help']);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      `privatePostgres() runs as root here, and PostgreSQL refuses to: it needs a user named ${name} and runuser (util-linux) to start the cluster as that user.\n` +
        `  Debian/Ubuntu: apt-get install -y postgresql util-linux   (the package creates the user), or run the tests as a user other than root.`,
    );
  }
}
