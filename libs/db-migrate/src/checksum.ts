import { createHash } from 'node:crypto';

/**
 * Checksums exactly as Prisma's schema engine computes and compares them
 * (prisma-engines, schema-engine/connectors/schema-connector/src/checksum.rs):
 * SHA-256 of the migration script, rendered as 64 zero-padded lower-case hex digits.
 */
export function migrationChecksum(script: string | Uint8Array): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Prisma's `script_matches_checksum`: line-ending agnostic (the script as is, with CRLF→LF and
 * with LF→CRLF), and tolerant of the non-zero-padded checksums old engines wrote
 * (prisma-engines issue 1887).
 */
export function scriptMatchesChecksum(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant).digest();
    const rendered =
      recorded.length !== 0 && recorded.length !== 64 ? legacyHex(digest) : digest.toString('hex');
    return rendered === recorded;
  });
}

function legacyHex(digest: Buffer): string {
  return [...digest].map((byte) => byte.toString(16)).join('');
}
