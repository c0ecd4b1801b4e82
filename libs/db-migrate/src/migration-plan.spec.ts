import { describe, expect, it } from '@jest/globals';
import { migrationChecksum } from './checksum.js';
import type { MigrationFolder } from './migration-files.js';
import { planMigrations } from './migration-plan.js';
import type { MigrationRecord } from './migrations-table.js';

const folder = (name: string, script = `-- ${name}\n`): MigrationFolder => ({
  name,
  scriptPath: `/m/${name}/migration.sql`,
  script,
  checksum: migrationChecksum(script),
});

const record = (name: string, overrides: Partial<MigrationRecord> = {}): MigrationRecord => ({
  id: `id-${name}`,
  migrationName: name,
  checksum: migrationChecksum(`-- ${name}\n`),
  startedAt: new Date('2026-01-01T00:00:00Z'),
  finishedAt: new Date('2026-01-01T00:00:01Z'),
  rolledBackAt: null,
  logs: null,
  appliedStepsCount: 1,
  ...overrides,
});

const A = '20260101000000_create_a';
const B = '20260102000000_add_b';
const C = '20260103000000_add_c';

describe('planMigrations', () => {
  it('applies what is not recorded, in directory order', () => {
    const plan = planMigrations([folder(A), folder(B), folder(C)], [record(A)]);
    expect(plan.alreadyApplied).toEqual([A]);
    expect(plan.toApply.map((f) => f.name)).toEqual([B, C]);
    expect(plan.unknownApplied).toEqual([]);
  });

  it('re-applies a migration whose only record was rolled back', () => {
    const plan = planMigrations([folder(A)], [record(A, { finishedAt: null, rolledBackAt: new Date() })]);
    expect(plan.toApply.map((f) => f.name)).toEqual([A]);
  });

  it('reports records without a folder instead of failing (Prisma deploy ignores them too)', () => {
    expect(planMigrations([folder(A)], [record(A), record(B)]).unknownApplied).toEqual([B]);
  });

  it('refuses when a failed migration is recorded (P3009), showing its logs', () => {
    const failed = record(B, { finishedAt: null, logs: 'ERROR: relation "b" does not exist' });
    expect(() => planMigrations([folder(A), folder(B)], [record(A), failed])).toThrow(
      /P3009[\s\S]*`20260102000000_add_b` migration started at 2026-01-01T00:00:00.000Z failed with the following logs:\nERROR: relation "b" does not exist/,
    );
  });

  it('refuses when an applied migration was edited, naming both checksums', () => {
    const edited = folder(A, '-- edited\n');
    expect(() => planMigrations([edited], [record(A)])).toThrow(
      `Applied migration(s) were modified after they were applied: ${A} (recorded checksum ${migrationChecksum(`-- ${A}\n`)}, /m/${A}/migration.sql now has ${edited.checksum})`,
    );
  });

  it('accepts an applied script whose line endings changed', () => {
    expect(planMigrations([folder(A, `-- ${A}\r\n`)], [record(A)]).alreadyApplied).toEqual([A]);
  });
});
