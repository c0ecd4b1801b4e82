import { crc32 } from 'node:zlib';
import { numberHash } from './number-code.js';
import type { SeriesEntry } from './series-index.js';
import type { SnapshotMetadata } from './types.js';

/**
 * The snapshot format: the record table's slots as they are in memory, so that loading reads them in
 * place with no rehash, followed by a JSON tail with the few things that are not fixed-width.
 *
 *   offset  size  field
 *        0     8  magic `SLTDIDX1`
 *        8     4  format version (1), little-endian like every header field
 *       12     4  slots in the record table
 *       16     4  records
 *       20     4  tail length in bytes
 *       24     4  CRC-32 of everything after the header (slots and tail)
 *       28     4  hash canary: `numberHash` of a fixed code
 *       32  12×n  slots: `[hi, lo, meta]` as little-endian 32-bit words
 *          tail  UTF-8 JSON: `{ metadata, longNumbers: [{ id, number, uses }], series: [...] }`
 *
 * A snapshot that is truncated, corrupted or of another version is refused with a RangeError, never
 * half loaded: a damaged index could miss listed documents, and the caller can always rebuild from
 * the topic instead. Slots sit where the hash put them, so a table written with another hash
 * function would miss records: any change to `number-code.ts`, `record-meta.ts` or the slot layout
 * must bump VERSION, and the hash canary refuses a snapshot whose hash differs even if it was not.
 */

const MAGIC = 'SLTDIDX1';
const VERSION = 1;
const HEADER = 32;
const CANARY = numberHash(0x12345678, 0x9abcdef0);

export interface SnapshotParts {
  slots: Uint32Array;
  records: number;
  metadata: SnapshotMetadata;
  longNumbers: { id: number; number: string; uses: number }[];
  series: SeriesEntry[];
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
    throw new RangeError('SLTD index snapshots need a little-endian platform');
  }
}

export function encodeSnapshot(parts: SnapshotParts): Uint8Array {
  assertLittleEndian();
  const tail = new TextEncoder().encode(
    JSON.stringify({ metadata: parts.metadata, longNumbers: parts.longNumbers, series: parts.series }),
  );
  const slotBytes = new Uint8Array(parts.slots.buffer, parts.slots.byteOffset, parts.slots.byteLength);
  const bytes = new Uint8Array(HEADER + slotBytes.length + tail.length);
  bytes.set(slotBytes, HEADER);
  bytes.set(tail, HEADER + slotBytes.length);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  for (let i = 0; i < MAGIC.length; i++) header.setUint8(i, MAGIC.charCodeAt(i));
  header.setUint32(8, VERSION, true);
  header.setUint32(12, parts.slots.length / 3, true);
  header.setUint32(16, parts.records, true);
  header.setUint32(20, tail.length, true);
  header.setUint32(24, crc32(bytes.subarray(HEADER)), true);
  header.setUint32(28, CANARY, true);
  return bytes;
}

interface Header {
  slotCount: number;
  records: number;
  tailStart: number;
  tailLength: number;
}

function readHeader(bytes: Uint8Array): Header {
  if (bytes.length < HEADER) throw new RangeError('not an SLTD index snapshot: too short');
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  const magic = String.fromCharCode(...bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new RangeError('not an SLTD index snapshot: wrong magic');
  const version = header.getUint32(8, true);
  if (version !== VERSION)
    throw new RangeError(`SLTD index snapshot version ${version}; this reads ${VERSION}`);
  if (header.getUint32(28, true) !== CANARY) {
    throw new RangeError('SLTD index snapshot written with another hash function: rebuild the index');
  }
  const slotCount = header.getUint32(12, true);
  const tailLength = header.getUint32(20, true);
  const tailStart = HEADER + slotCount * 12;
  if (bytes.length !== tailStart + tailLength) {
    throw new RangeError(
      `SLTD index snapshot truncated or padded: ${bytes.length} bytes, header says ${tailStart + tailLength}`,
    );
  }
  return { slotCount, records: header.getUint32(16, true), tailStart, tailLength };
}

function readTail(bytes: Uint8Array, header: Header): Omit<SnapshotParts, 'slots' | 'records'> {
  const text = new TextDecoder().decode(
    bytes.subarray(header.tailStart, header.tailStart + header.tailLength),
  );
  return JSON.parse(text) as Omit<SnapshotParts, 'slots' | 'records'>;
}

/** Only the metadata a snapshot was taken with (no checksum over the slots: cheap). */
export function decodeSnapshotMetadata(bytes: Uint8Array): SnapshotMetadata {
  return readTail(bytes, readHeader(bytes)).metadata;
}

export function decodeSnapshot(bytes: Uint8Array): SnapshotParts {
  assertLittleEndian();
  const header = readHeader(bytes);
  const stored = new DataView(bytes.buffer, bytes.byteOffset, HEADER).getUint32(24, true);
  if (crc32(bytes.subarray(HEADER)) !== stored)
    throw new RangeError('SLTD index snapshot corrupted: checksum mismatch');
  // The slots are read in place when the bytes are 4-byte aligned (a file read whole always is):
  // copying a table of gigabytes costs more than reading it from disk. Otherwise they are copied.
  const start = bytes.byteOffset + HEADER;
  let slots: Uint32Array;
  if (start % 4 === 0) slots = new Uint32Array(bytes.buffer, start, header.slotCount * 3);
  else {
    slots = new Uint32Array(header.slotCount * 3);
    new Uint8Array(slots.buffer).set(bytes.subarray(HEADER, header.tailStart));
  }
  return { slots, records: header.records, ...readTail(bytes, header) };
}
