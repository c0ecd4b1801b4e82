import { describe, expect, it } from '@jest/globals';
import {
  assertMigrationDescription,
  assertMigrationName,
  compareMigrationNames,
  migrationNameProblem,
  migrationTimestamp,
  newMigrationName,
} from './migration-name.js';

describe('migration names', () => {
  it.each([
    '20260101000000_create_carrier',
    '20261231235959_add_carrier_contact_email',
    '20260101000000_drop_v2_index',
  ])('accepts %s', (name) => expect(migrationNameProblem(name)).toBeUndefined());

  it.each([
    ['20260101000000_init', 'single word'],
    ['20260101000000_Create_carrier', 'upper case'],
    ['2026010100000_create_carrier', '13 digits'],
    ['20260101000000-create-carrier', 'dashes'],
    ['20260101000000_create__carrier', 'empty word'],
    ['20261301000000_create_carrier', 'month 13'],
    ['20260100000000_create_carrier', 'day 0'],
    ['20260101240000_create_carrier', 'hour 24'],
    ['create_carrier', 'no timestamp'],
  ])('rejects %s (%s)', (name) => {
    expect(migrationNameProblem(name)).toBeDefined();
    expect(() => assertMigrationName(name)).toThrow(/Invalid migration name/);
  });

  it('builds the name from a UTC timestamp and a verb_noun description', () => {
    expect(migrationTimestamp(new Date('2026-03-04T05:06:07.890Z'))).toBe('20260304050607');
    expect(newMigrationName('create_carrier', new Date('2026-03-04T05:06:07Z'))).toBe(
      '20260304050607_create_carrier',
    );
    expect(() => assertMigrationDescription('carrier')).toThrow(/verb_noun/);
    expect(() => newMigrationName('Create carrier', new Date())).toThrow(/verb_noun/);
  });

  it('orders names as plain strings, like Prisma and its engine', () => {
    const names = [
      '20260102000000_add_b',
      '20260101000000_create_a_b',
      '20260101000000_create_a',
      '20251231235959_create_z',
    ];
    expect([...names].sort(compareMigrationNames)).toEqual([
      '20251231235959_create_z',
      '20260101000000_create_a',
      '20260101000000_create_a_b',
      '20260102000000_add_b',
    ]);
  });
});
