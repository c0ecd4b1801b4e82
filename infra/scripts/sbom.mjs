// The software bill of materials of what docscreen runs: `npm sbom` (CycloneDX 1.5) narrowed to the
// production dependencies of every workspace, written to dist/sbom.cdx.json by the build. It fails if
// npm writes something that is not a CycloneDX document listing components with names, versions and
// purls, or if a production dependency is missing from it.
//
// Not `npm sbom --omit dev`: npm 11 drops the dependencies of workspaces with it (kafkajs, @nestjs/core
// and ioredis were missing), so the full document is narrowed to what `npm ls --omit=dev` lists.
//
//   node infra/scripts/sbom.mjs [out-file]          (default: dist/sbom.cdx.json)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'sbom.cdx.json'));
const npm = (args) =>
  execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** `name@version` of every package `npm ls --omit=dev` finds (its paths: its JSON tree leaves some out). */
function productionPackages() {
  const found = new Set();
  for (const dir of npm(['ls', '--omit=dev', '--all', '--parseable']).split('\n').filter(Boolean)) {
    if (dir === ROOT) continue;
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    found.add(`${manifest.name}@${manifest.version}`);
  }
  return found;
}

const bom = JSON.parse(npm(['sbom', '--sbom-format', 'cyclonedx']));
const production = productionPackages();
const root = bom.metadata?.component?.['bom-ref'];
const components = (Array.isArray(bom.components) ? bom.components : []).filter((c) =>
  production.has(c['bom-ref']),
);
const kept = new Set([root, ...components.map((c) => c['bom-ref'])]);
bom.components = components;
bom.dependencies = (bom.dependencies ?? [])
  .filter((d) => kept.has(d.ref))
  .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((ref) => kept.has(ref)) }));

const incomplete = components.filter((c) => !c.name || !c.version || !c.purl).map((c) => c.name ?? '?');
const missing = [...production].filter((ref) => !kept.has(ref));
if (bom.bomFormat !== 'CycloneDX' || components.length === 0 || incomplete.length > 0 || missing.length > 0) {
  console.error(
    `npm sbom: not a usable CycloneDX document (${bom.bomFormat}, ${components.length} components; ` +
      `incomplete: ${incomplete.slice(0, 5).join(', ') || 'none'}; missing: ${missing.slice(0, 5).join(', ') || 'none'})`,
  );
  process.exit(1);
}
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(bom, null, 2)}\n`);
console.log(
  `sbom: ${components.length} production components (CycloneDX ${bom.specVersion}) → ${path.relative(process.cwd(), out)}`,
);
