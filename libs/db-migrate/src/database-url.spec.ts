import { describe, expect, it } from '@jest/globals';
import { parseDatabaseUrl, quoteIdentifier, redact, withDatabase } from './database-url.js';

describe('database URLs', () => {
  it('extracts the database and Prisma schema, dropping Prisma-only parameters', () => {
    const target = parseDatabaseUrl(
      'postgresql://app:s3cret@db:5432/screening?schema=screening&sslmode=disable',
    );
    expect(target).toEqual({
      connectionString: 'postgresql://app:s3cret@db:5432/screening?sslmode=disable',
      database: 'screening',
      schema: 'screening',
    });
    expect(parseDatabaseUrl('postgres://db/carrier_gateway').schema).toBe('public');
  });

  it('refuses URLs that name no database or another protocol', () => {
    expect(() => parseDatabaseUrl('postgresql://db:5432/')).toThrow(/names no database/);
    expect(() => parseDatabaseUrl('mysql://db/x')).toThrow(/Unsupported/);
    expect(() => parseDatabaseUrl('not a url')).toThrow(/Invalid database URL/);
  });

  it('points at another database on the same server', () => {
    expect(withDatabase('postgresql://u:p@db:5432/app?sslmode=disable', 'postgres')).toBe(
      'postgresql://u:p@db:5432/postgres?sslmode=disable',
    );
  });

  it('quotes identifiers and hides passwords', () => {
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
    expect(redact('postgresql://u:p@db/app')).toBe('postgresql://u:***@db/app');
  });
});
