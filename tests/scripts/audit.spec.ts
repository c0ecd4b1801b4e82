import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// `npm test` runs infra/scripts/audit.mjs (npm audit of the production dependencies): a high or critical
// advisory fails it, naming the package; an audit that could not be made is never reported as clean.

const SCRIPT = path.resolve(import.meta.dirname, '../../infra/scripts/audit.mjs');
const run = promisify(execFile);

/** An `npm audit --json` report (npm 7+) with one vulnerable package per severity given. */
function report(severities: string[]) {
  const count = (s: string) => severities.filter((x) => x === s).length;
  return {
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      severities.map((severity, i) => [
        `pkg-${i}`,
        { name: `pkg-${i}`, severity, isDirect: false, via: [], range: '<1.2.3', fixAvailable: true },
      ]),
    ),
    metadata: {
      vulnerabilities: {
        info: count('info'),
        low: count('low'),
        moderate: count('moderate'),
        high: count('high'),
        critical: count('critical'),
        total: severities.length,
      },
    },
  };
}

// What npm prints when the registry refuses the advisory request (a GET-only mirror).
const UNREACHABLE = {
  message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  error: { summary: '', detail: '' },
};

describe('infra/scripts/audit.mjs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'audit-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function audit(body: object, env: Record<string, string> = {}) {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(body));
    try {
      const { stdout, stderr } = await run(process.execPath, [SCRIPT, file], {
        env: { ...process.env, ...env },
      });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  }

  it('passes with no advisory, or only below high, and says how many', async () => {
    expect(await audit(report([]))).toEqual({
      code: 0,
      output: expect.stringContaining('no high or critical advisory in production dependencies'),
    });
    const moderate = await audit(report(['low', 'moderate']));
    expect(moderate.code).toBe(0);
    expect(moderate.output).toContain('(1 low, 1 moderate)');
  });

  it.each(['high', 'critical'])('fails on a %s advisory and names the package', async (severity) => {
    const result = await audit(report(['moderate', severity]));
    expect(result.code).toBe(1);
    expect(result.output).toContain(`pkg-1 (${severity}, <1.2.3)`);
    expect(result.output).not.toContain('pkg-0');
  });

  it('says NOT CHECKED when the advisory service cannot be asked, and fails then where an audit is required', async () => {
    const lenient = await audit(UNREACHABLE);
    expect(lenient.code).toBe(0);
    expect(lenient.output).toContain('npm audit: NOT CHECKED');
    expect(lenient.output).toContain('405 Method Not Allowed');
    const required = await audit(UNREACHABLE, { DOCSCREEN_AUDIT_REQUIRED: 'true' });
    expect(required.code).toBe(1);
  });
});
