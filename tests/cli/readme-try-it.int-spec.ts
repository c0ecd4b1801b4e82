import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { conformanceDir, freePort, testInfrastructure, waitFor } from '@docscreen/testing';

// The README's "Try it" block, as written, on a stack started with `docscreen stack up` — and that
// stack's supervisors: a service SIGKILLed is restarted and counted in `docscreen stack status`.
//
// The block talks to 127.0.0.1:3000–3003 and reads .run/admin-token from the repository root, so it
// runs from a temporary "checkout" (docs/, node_modules/ and package.json linked to this one, ../shared
// linked to the conformance corpus' folder) whose .run/ is the stack's DOCSCREEN_RUN_DIR. The stack has
// a broker of its own on free ports, its own databases (DOCSCREEN_DB_SUFFIX) and Redis database 12; the
// block gets KAFKA_BROKERS for that broker. Ports 3000–3003 must be free (no `npm start` stack running).

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const STACK_PORTS = [3000, 3001, 3002, 3003];
const REDIS_DB = 12; // the import benchmark uses 13
const run = promisify(execFile);

/** The commands of the README's "Try it" bash block, a command continued with `\` kept whole. */
function tryItCommands(readme: string): string[] {
  const from = readme.indexOf('\nTry it');
  const block = /```bash\n([\s\S]*?)```/.exec(readme.slice(from))?.[1];
  if (from < 0 || block === undefined) throw new Error('README.md has no "Try it" bash block');
  const commands: string[] = [];
  let current = '';
  for (const line of block.split('\n')) {
    current += current ? `\n${line}` : line;
    if (!line.endsWith('\\')) {
      if (current.trim()) commands.push(current);
      current = '';
    }
  }
  return commands;
}

interface Step {
  command: string;
  output: string;
  exit: number;
}

/** Runs the commands in one bash session, as a reader pastes them, and splits the output by command. */
async function runInOneShell(commands: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Step[]> {
  const marker = `@@step-${randomBytes(4).toString('hex')}`;
  const script = commands.map((c, i) => `{\n${c}\n} 2>&1\necho "${marker} ${i} $?"`).join('\n');
  const bash = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  bash.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => bash.once('close', resolve));
  const steps: Step[] = [];
  let output = '';
  for (const line of out.split('\n')) {
    const end = new RegExp(`^(.*)${marker} (\\d+) (\\d+)$`).exec(line);
    if (!end) {
      output += `${line}\n`;
      continue;
    }
    output += end[1] ?? '';
    steps.push({ command: commands[Number(end[2])] ?? '', output, exit: Number(end[3]) });
    output = '';
  }
  return steps;
}

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the README on a stack started with docscreen stack up', () => {
  let work: string;
  let checkout: string;
  let runDir: string;
  let env: NodeJS.ProcessEnv;
  let pgServer: string;
  const suffix = `_readme_${randomBytes(3).toString('hex')}`;
  let stackStarted = false;

  /** The end of every log of the stack: why a service did not come up. */
  const logTails = () =>
    readdirSync(path.join(runDir, 'logs'))
      .map((f) => `\n--- ${f} ---\n${readFileSync(path.join(runDir, 'logs', f), 'utf8').slice(-3000)}`)
      .join('');

  const docscreen = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 300_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    const infra = await testInfrastructure();
    const busy = [];
    for (const port of STACK_PORTS) if (await portAnswers(port)) busy.push(port);
    if (busy.length > 0)
      throw new Error(
        `ports ${busy.join(', ')} are in use (a stack from \`npm start\`?): the README's block talks to 3000–3003`,
      );
    work = await mkdtemp(path.join(tmpdir(), 'docscreen-readme-'));
    checkout = path.join(work, 'main');
    runDir = path.join(checkout, '.run');
    await mkdir(checkout);
    for (const entry of ['docs', 'node_modules', 'package.json'])
      await symlink(path.join(ROOT, entry), path.join(checkout, entry));
    await symlink(path.dirname(conformanceDir()), path.join(work, 'shared'));
    pgServer = infra.databaseUrl.replace(/\/[^/]*$/, '');
    env = {
      ...process.env,
      KAFKA_BROKERS: undefined, // stack up starts a broker of its own (KAFKA_PORT)
      DOCSCREEN_RUN_DIR: runDir,
      KAFKA_PORT: String(await freePort()),
      KAFKA_CONTROLLER_PORT: String(await freePort()),
      KAFKA_HEAP_OPTS: '-Xmx512m -Xms128m',
      ZIPKIN_PORT: String(await freePort()),
      DOCSCREEN_PG_SERVER: pgServer,
      DOCSCREEN_DB_SUFFIX: suffix,
      REDIS_URL: `${infra.redisUrl.replace(/\/\d*$/, '')}/${REDIS_DB}`,
      LOG_LEVEL: 'warn',
      // A loaded 2-core machine may take longer than the default 2 s for a cold first query; the
      // block shows screening's answers, not the safe default.
      INTERACTIVE_BUDGET_MS: '10000',
    };
    stackStarted = true;
    const up = await docscreen('stack', 'up');
    if (up.code !== 0) throw new Error(`docscreen stack up failed:\n${up.stdout}\n${up.stderr}${logTails()}`);
  }, 360_000);

  afterAll(async () => {
    if (stackStarted) {
      const down = await docscreen('stack', 'down');
      if (down.code !== 0) process.stderr.write(`docscreen stack down: ${down.stdout}${down.stderr}\n`);
    }
    if (pgServer) {
      const client = new pg.Client({ connectionString: `${pgServer}/postgres` });
      await client.connect();
      for (const db of ['gateway', 'screening', 'registry', 'alerts'])
        await client.query(`DROP DATABASE IF EXISTS docscreen_${db}${suffix} WITH (FORCE)`);
      await client.end();
    }
    // The stack's queues (BullMQ) in its Redis database; redis-cli as infra/scripts/check-services.sh uses it.
    if (env?.['REDIS_URL'])
      await run('redis-cli', ['-u', env['REDIS_URL'], 'FLUSHDB']).catch(() => undefined);
    if (work) await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('runs the "Try it" block in order, and each command shows what it promises', async () => {
    const commands = tryItCommands(await readFile(path.join(ROOT, 'README.md'), 'utf8'));
    const steps = await runInOneShell(commands, checkout, {
      ...env,
      KAFKA_BROKERS: `127.0.0.1:${env['KAFKA_PORT']}`,
    });
    expect(steps.map((s) => s.command)).toEqual(commands);
    const step = (start: string): Step => {
      const found = steps.find((s) => s.command.includes(start));
      if (!found) throw new Error(`the block no longer has \`${start}\``);
      return found;
    };
    const ok = (s: Step) =>
      expect({ command: s.command, exit: s.exit, output: s.output }).toEqual({
        command: s.command,
        exit: 0,
        output: s.output,
      });

    ok(step('visa-rules import'));
    expect(step('/v1/admin/authorities').output).toContain('"nld-kmar"');
    expect(step('/v1/records').output).toContain('SPECI2014');
    ok(step('sltd generate'));
    const imported = step('sltd import');
    ok(imported);
    expect(imported.output).toMatch(/"added": ?\d{5}/);
    const listed = step('sltd check NLD SPECI2014');
    expect({ exit: listed.exit, listed: listed.output.includes('SPECI2014') }).toEqual({
      exit: 1,
      listed: true,
    });

    // screen: traveller 1 clear, 2 hit by the listing, 3 hit for the visa the USA requires.
    const screened = step('docscreen screen');
    expect(screened.exit).toBe(1);
    const row = (ref: string) => screened.output.split('\n').find((l) => l.startsWith(`${ref} `)) ?? '';
    expect(row('1')).toMatch(/^1\s+clear\s+no-action\s*$/);
    expect(row('2')).toMatch(/^2\s+hit\s+do-not-board\s+DOCUMENT_LISTED$/);
    expect(row('3')).toMatch(/^3\s+hit\s+do-not-board\s+VISA_REQUIRED_MISSING$/);

    expect(step('/v1/admin/agencies').output).toContain('"de-bpol"');
    ok(step('carriers add'));
    const submitted = step('docscreen submit');
    ok(submitted);
    const receipt = JSON.parse(submitted.output) as { accepted: { travellerRef: string }[] };
    expect(receipt.accepted.map((a) => a.travellerRef)).toEqual(['1', '2', '3']);

    // check: the interactive answer, traveller by traveller (1 board, 2 and 3 do-not-board).
    const checked = step('docscreen check');
    expect(checked.exit).toBe(1);
    const directive = (ref: string) =>
      /^\S+\s+(board|do-not-board|contact-authority)\b/m.exec(
        checked.output.split('\n').find((l) => l.startsWith(`${ref} `)) ?? '',
      )?.[1];
    expect(['1', '2', '3'].map(directive)).toEqual(['board', 'do-not-board', 'do-not-board']);

    // alerts: the listed traveller's alert, read from the agency's topic.
    const alerts = step('docscreen alerts');
    ok(alerts);
    const views = alerts.output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { traveller: { travellerRef: string }; reasons: { code: string }[] });
    const travellers = views.map((v) => v.traveller.travellerRef).sort();
    expect(travellers).toContain('2');
    expect(views.find((v) => v.traveller.travellerRef === '2')?.reasons.map((r) => r.code)).toContain(
      'DOCUMENT_LISTED',
    );

    const mrz = step('docscreen mrz');
    ok(mrz);
    expect(mrz.output).toContain('"valid": true');

    // The stack's Zipkin has every service's spans (issue 16's "done when").
    const zipkin = `http://127.0.0.1:${env['ZIPKIN_PORT']}`;
    const services = await waitFor(
      'every service in Zipkin',
      async () => {
        const names = (await (await fetch(`${zipkin}/api/v2/services`)).json()) as string[];
        return names.length >= 4 ? names : undefined;
      },
      20_000,
      500,
    );
    expect(services).toEqual(
      expect.arrayContaining(['alert-dispatch', 'carrier-gateway', 'document-registry', 'screening']),
    );
  }, 300_000);

  it('restarts a service that is SIGKILLed, and docscreen stack status counts it', async () => {
    const pidFile = path.join(runDir, 'pids', 'alert-dispatch.pid');
    const killed = Number(readFileSync(pidFile, 'utf8'));
    process.kill(killed, 'SIGKILL');
    await waitFor(
      'alert-dispatch restarted and ready',
      async () => {
        const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : killed;
        if (pid === killed) return undefined;
        const ready = await fetch('http://127.0.0.1:3003/health/ready').catch(() => undefined);
        return ready?.ok ? true : undefined;
      },
      60_000,
      200,
    );
    const status = await docscreen('stack', 'status');
    const row = status.stdout.split('\n').find((l) => l.includes(' alert-dispatch ')) ?? '';
    expect(row).toMatch(/^ready\s+alert-dispatch\s.*restarts 1 \(last SIGKILL at \S+, restarted at \S+\)/);
    expect(status.stdout).toMatch(
      new RegExp(`^ready\\s+zipkin\\s+http://127.0.0.1:${env['ZIPKIN_PORT']}$`, 'm'),
    );
    expect(status.code).toBe(0);
  }, 120_000);

  it('stack down stops the supervisors first: nothing is restarted', async () => {
    // The supervisors are the only processes that restart a service: once they are gone, nothing
    // can come back, so no waiting for a restart that should not happen.
    const supervisors = readdirSync(path.join(runDir, 'pids'))
      .filter((f) => f.endsWith('.supervisor.pid'))
      .map((f) => Number(readFileSync(path.join(runDir, 'pids', f), 'utf8')));
    expect(supervisors).toHaveLength(STACK_PORTS.length);
    const down = await docscreen('stack', 'down');
    stackStarted = false;
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/alert-dispatch: (stopped|killed)/);
    expect(supervisors.filter(isAlive)).toEqual([]);
    for (const port of STACK_PORTS)
      expect({ port, answers: await portAnswers(port) }).toEqual({ port, answers: false });
  }, 180_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
