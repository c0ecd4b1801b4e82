// `npm run bench [-- --quick] [-- --json] [name…]`: runs the benchmarks one after another, each in its
// own process (never part of `npm test`: figures on a shared 2-core machine are read as ratios to the
// baseline each benchmark measures in the same run, not as pass/fail).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => names.length === 0 || names.includes(f.replace(/\.bench\.ts$/, '')));
let failed = 0;
for (const bench of benches) {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', path.join(dir, bench), ...flags],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
