import { describe, expect, it } from '@jest/globals';
import { migrationChecksum, scriptMatchesChecksum } from './checksum.js';

// Expectations taken from prisma-engines' own tests (schema-connector/src/checksum.rs).
describe('migration checksums', () => {
  it('is the zero-padded sha256 hex of the script', () => {
    expect(migrationChecksum('hello')).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
    expect(migrationChecksum(Buffer.from('hello'))).toBe(migrationChecksum('hello'));
    expect(migrationChecksum('abcd')).toHaveLength(64);
  });

  it('matches regardless of line endings', () => {
    const scripts = ['ab\ncd\nef\ngh\rab\n', 'ab\r\ncd\r\nef\r\ngh\rab\r\n'];
    for (const script of scripts) {
      for (const other of scripts) expect(scriptMatchesChecksum(script, migrationChecksum(other))).toBe(true);
    }
  });

  it('matches the non-zero-padded checksums old engines recorded', () => {
    const script = 'CREATE TABLE t (id int);\n';
    const legacy = [...Buffer.from(migrationChecksum(script), 'hex')]
      .map((byte) => byte.toString(16))
      .join('');
    expect(legacy.length).toBeLessThan(64);
    expect(scriptMatchesChecksum(script, legacy)).toBe(true);
  });

  it('does not match another script', () => {
    expect(scriptMatchesChecksum('abc', migrationChecksum('abcd'))).toBe(false);
    expect(scriptMatchesChecksum('abc\n', migrationChecksum('abc'))).toBe(false);
  });
});
