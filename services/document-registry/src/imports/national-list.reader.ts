import { createReadStream } from 'node:fs';
import { UnrecoverableError } from 'bullmq';
import {
  NationalListHeaderError,
  parseNationalListChunks,
  type NationalListFormat,
} from '@docscreen/national-list';
import type { ImportedRecord, ImportedSeries } from './import-batch.js';

export type ListItem =
  | { kind: 'record'; line: number; value: ImportedRecord }
  | { kind: 'series'; line: number; value: ImportedSeries }
  | { kind: 'reject'; line: number; reason: string };

/**
 * The stored upload, line by line, through the shared national-list parser, from the line after
 * `startAfterLine`. A file whose header is unusable fails the import at once (no retry can help).
 */
export async function* readNationalList(
  path: string,
  format: string,
  startAfterLine: number,
): AsyncGenerator<ListItem> {
  const chunks = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    // Chunk by chunk (not line by line): one await per megabyte instead of one per line.
    for await (const events of parseNationalListChunks(chunks, {
      format: format as NationalListFormat,
      startAfterLine,
    })) {
      for (const event of events) {
        if (event.kind === 'record') yield { kind: 'record', line: event.line, value: event.record };
        else if (event.kind === 'series') yield { kind: 'series', line: event.line, value: event.series };
        else if (event.kind === 'reject') yield event;
      }
    }
  } catch (error) {
    if (error instanceof NationalListHeaderError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
