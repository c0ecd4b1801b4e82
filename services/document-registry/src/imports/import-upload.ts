import { createHash } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PayloadTooLargeException } from '@nestjs/common';

export interface StoredUpload {
  path: string;
  sha256: string;
  bytes: number;
  /** Physical lines (a last line without a newline counts). */
  lines: number;
}

/**
 * Writes an uploaded national list to `dir/<id>.<format>` while hashing and counting its lines, and
 * syncs it to disk before returning: the import is acknowledged only once the file is durable.
 */
export async function storeUpload(
  body: Readable,
  dir: string,
  id: string,
  format: string,
  maxBytes: number,
): Promise<StoredUpload> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${id}.${format}`);
  const file = await open(path, 'wx');
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  let last = 0x0a;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        throw new PayloadTooLargeException(`a national list may have at most ${maxBytes} bytes`);
      hash.update(chunk);
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
      last = chunk[chunk.length - 1] ?? last;
      await file.write(chunk);
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(path, { force: true });
    throw error;
  }
  await file.close();
  return { path, sha256: hash.digest('hex'), bytes, lines: last === 0x0a ? lines : lines + 1 };
}
