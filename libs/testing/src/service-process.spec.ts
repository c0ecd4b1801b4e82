import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startServiceProcess } from './service-process.js';

// A "service" whose shutdown never ends: SIGTERM sends it into a loop. `stop` must not wait for it
// for ever (a hung child once held a whole CI run open), and must say where it hung.
function serviceThatHangsOnStop(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docscreen-hang-'));
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'instrument.js'), '');
  writeFileSync(
    path.join(dir, 'dist', 'main.js'),
    [
      'function drainForEver() { for (;;) {} }',
      "process.on('SIGTERM', () => drainForEver());",
      'setInterval(() => {}, 1000);',
    ].join('\n'),
  );
  return dir;
}

describe('startServiceProcess', () => {
  it('reports a process that does not stop in time with its JavaScript stack, kills it and resolves null', async () => {
    const service = await startServiceProcess({
      name: 'hangs-on-stop',
      serviceDir: serviceThatHangsOnStop(),
      port: await freePort(),
      env: {},
      awaitReady: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) =>
      written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await service.stop(1_000)).toBeNull();
    } finally {
      process.stderr.write = write;
    }
    expect(service.alive()).toBe(false);
    const report = written.join('');
    expect(report).toContain('hangs-on-stop still running 1000 ms after SIGTERM: killed');
    expect(report).toMatch(/kernel state: R/);
    expect(report).toMatch(/javascript stack:\n\s+drainForEver/);
  }, 20_000);
});
