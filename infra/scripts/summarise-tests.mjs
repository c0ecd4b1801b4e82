// Adds up the Jest results every project wrote to .run/test-results and prints one closing line,
// `tests: N passed, N failed`, so a reader (or CI) sees the whole suite's count at the end.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../../.run/test-results');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let pending = 0;
const failedSuites = [];
for (const file of files) {
  const result = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  pending += result.numPendingTests + result.numTodoTests;
  if (!result.success) failedSuites.push(file.replace(/\.json$/, ''));
}
if (files.length === 0) {
  console.error('no test results found: nothing ran');
  process.exit(1);
}
console.log(
  `\n${files.length} jest runs${failedSuites.length ? `; failing: ${failedSuites.join(', ')}` : ''}`,
);
console.log(`tests: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
process.exit(failed > 0 || failedSuites.length > 0 ? 1 : 0);
