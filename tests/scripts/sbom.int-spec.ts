import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// The build writes the SBOM (infra/scripts/sbom.mjs → dist/sbom.cdx.json): a CycloneDX document of
// what runs in production — the services' dependencies (what `npm sbom --omit dev` dropped for
// workspaces) and not the tools that only build and test.

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Bom {
  bomFormat: string;
  specVersion: string;
  components: { name: string; version: string; purl: string; 'bom-ref': string }[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

describe('the SBOM', () => {
  let dir: string;
  let bom: Bom;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sbom-'));
    const out = path.join(dir, 'sbom.cdx.json');
    await run(process.execPath, [path.join(ROOT, 'infra/scripts/sbom.mjs'), out], { cwd: ROOT });
    bom = JSON.parse(await readFile(out, 'utf8')) as Bom;
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is CycloneDX with every component named, versioned and with a package URL', () => {
    expect([bom.bomFormat, bom.specVersion]).toEqual(['CycloneDX', '1.5']);
    // Workspaces are named by folder (`cli`), their package URL by package (`pkg:npm/%40docscreen/cli@…`).
    for (const c of bom.components)
      expect([c.name, c.purl]).toEqual([
        c.name,
        expect.stringMatching(new RegExp(`^pkg:npm/.+@${c.version}$`)),
      ]);
  });

  it('lists what the services run, and not the build and test tools', () => {
    const names = new Set(bom.components.map((c) => c.name));
    for (const runtime of ['kafkajs', '@nestjs/core', 'ioredis', 'bullmq', 'pg', '@prisma/client', 'zod'])
      expect([runtime, names.has(runtime)]).toEqual([runtime, true]);
    for (const tool of ['jest', 'nx', 'prettier', 'eslint', '@swc/core'])
      expect([tool, names.has(tool)]).toEqual([tool, false]);
  });

  it('keeps the dependency graph to the components it lists', () => {
    const refs = new Set(bom.components.map((c) => c['bom-ref']));
    for (const { dependsOn } of bom.dependencies)
      for (const ref of dependsOn) expect(refs.has(ref)).toBe(true);
  });
});
