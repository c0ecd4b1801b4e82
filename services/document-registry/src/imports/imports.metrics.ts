import { metrics } from '@opentelemetry/api';

const LINES = metrics.getMeter('document-registry').createCounter('docscreen.registry.import.lines', {
  description:
    'National-list lines applied by bulk imports, by result (added, updated, duplicate, rejected): its rate is lines/s',
  unit: '{line}',
});
for (const result of ['added', 'updated', 'duplicate', 'rejected']) LINES.add(0, { result });

/** One batch of an import applied (services/document-registry/README.md, "Metrics"). */
export function countImportLines(counts: {
  added: number;
  updated: number;
  duplicate: number;
  rejected: number;
}): void {
  LINES.add(counts.added, { result: 'added' });
  LINES.add(counts.updated, { result: 'updated' });
  LINES.add(counts.duplicate, { result: 'duplicate' });
  LINES.add(counts.rejected, { result: 'rejected' });
}
