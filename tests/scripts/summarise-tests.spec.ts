import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// `npm test` ends with infra/scripts/summarise-tests.mjs: its exit code is the suite's verdict. A
// skipped or todo test must fail it like a failed one.

const SCRIPT = path.resolve(import.meta.dirname, '../../infra/scripts/summarise-tests.mjs');
const run = promisify(execFile);

/** A Jest --json result with tests of the given statuses in one suite. */
function jestResult(statuses: string[]) {
  const count = (status: string) => statuses.filter((s) => s === status).length;
  return {
    success: count('failed') === 0,
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('pending'),
    numTodoTests: count('todo'),
    numRuntimeErrorTestSuites: 0,
    testResults: [
      {
        name: path.resolve(import.meta.dirname, '../../libs/example/src/example.spec.ts'),
        assertionResults: statuses.map((status, i) => ({ title: `test ${i}`, status })),
      },
    ],
  };
}

async function summarise(statuses: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'summarise-tests-'));
  try {
    await writeFile(path.join(dir, 'example.test.json'), JSON.stringify(jestResult(statuses)));
    return await run(process.execPath, [SCRIPT, dir]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('summarise-tests', () => {
  it('passes a run where every test passed', async () => {
    const { code, stdout } = await summarise(['passed', 'passed']);
    expect(code).toBe(0);
    expect(stdout).toContain('tests: 2 passed, 0 failed');
  });

  it('fails a run with a failed test', async () => {
    expect((await summarise(['passed', 'failed'])).code).toBe(1);
  });

  it.each([['pending'], ['todo']])('fails a run with a %s test and names its file', async (status) => {
    const { code, stdout, stderr } = await summarise(['passed', status]);
    expect(code).toBe(1);
    expect(stdout).toContain('tests: 1 passed, 0 failed, 1 skipped');
    expect(stderr).toContain('libs/example/src/example.spec.ts');
  });
});
