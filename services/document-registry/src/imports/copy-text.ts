// PostgreSQL COPY text format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2):
// columns separated by tabs, rows by newlines, \N for NULL, and backslash, tab, newline and carriage
// return escaped inside values. bytea goes as \\x followed by hex (the escaped form of "\x…").

export type CopyValue = string | number | Uint8Array | null | undefined;

const SPECIAL = /[\\\t\n\r]/;

function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeText(value);
  return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}

/** One row of COPY … FROM STDIN (FORMAT text), newline included. */
export function copyRow(values: readonly CopyValue[]): string {
  return values.map(copyField).join('\t') + '\n';
}
