/** The rows as a plain text table, one column per field. */
export function table(rows: Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const cells = [columns, ...rows.map((row) => columns.map((c) => String(row[c] ?? '-')))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}

/** Values by key, without repeats: one id per traveller is `size === 1`. */
export function group(pairs: (readonly [string, string])[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of pairs) {
    const set = out.get(key) ?? new Set<string>();
    set.add(value);
    out.set(key, set);
  }
  return out;
}
