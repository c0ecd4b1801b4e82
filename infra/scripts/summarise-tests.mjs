// Adds up the Jest results every project wrote to .run/test-results and prints one closing line,
// `tests: N passed, N failed`, so a reader (or CI) sees the whole suite's count at the end.
// A skipped or todo test fails the run like a failed one: a test that does not run proves nothing, and
// `.only` (which skips the rest of its file) shows up here too; ESLint refuses it in the first place.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The folder may be given (its tests use their own); by default the one every run writes to.
const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../.run/test-results'));
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let pending = 0;
const failedSuites = [];
const skippedIn = new Set();
for (const file of files) {
  const result = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  pending += result.numPendingTests + result.numTodoTests;
  if (!result.success) failedSuites.push(file.replace(/\.json$/, ''));
  for (const suite of result.testResults ?? [])
    for (const test of suite.assertionResults ?? [])
      if (test.status === 'pending' || test.status === 'todo' || test.status === 'skipped')
        skippedIn.add(path.relative(path.resolve(import.meta.dirname, '../..'), suite.name));
}
if (files.length === 0) {
  console.error('no test results found: nothing ran');
  process.exit(1);
}
console.log(
  `\n${files.length} jest runs${failedSuites.length ? `; failing: ${failedSuites.join(', ')}` : ''}`,
);
console.log(`tests: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
if (pending > 0)
  console.error(
    `${pending} skipped or todo tests fail the run (remove .skip/.todo/.only, or make the test run):\n  ${[...skippedIn].join('\n  ')}`,
  );
process.exit(failed > 0 || failedSuites.length > 0 || pending > 0 ? 1 : 0);
