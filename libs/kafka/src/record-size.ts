import type { Message } from 'kafkajs';

/** A record batch's own header (magic v2): what one produce to a partition costs before any record. */
export const RECORD_BATCH_OVERHEAD = 61;

// A record's framing at its largest: length, attributes, timestamp delta, offset delta, key and value
// lengths and header count (varints, bounded by their widest encoding), and per header two lengths.
const RECORD_FRAMING = 5 + 1 + 10 + 5 + 5 + 5 + 5;
const HEADER_FRAMING = 5 + 5;

const byteLength = (value: Buffer | string | null | undefined): number =>
  value == null ? 0 : typeof value === 'string' ? Buffer.byteLength(value) : value.length;

/**
 * An upper bound of what `message` takes in a record batch (uncompressed): the broker compares a batch,
 * not a value, with `max.message.bytes`, so key and headers count as much as the payload.
 */
export function recordBytes(message: Message): number {
  let bytes = RECORD_FRAMING + byteLength(message.key) + byteLength(message.value as Buffer | null);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) bytes += HEADER_FRAMING + byteLength(name) + byteLength(v as Buffer | string);
  }
  return bytes;
}

export interface SizedMessage {
  message: Message;
  bytes: number;
}

/**
 * Splits topics' records into consecutive produce requests so that no topic's records in one request
 * exceed `limitOf(topic)` together: kafkajs puts a request's records for one partition into one batch,
 * and we do not know the partitions here, so the bound holds for any partitioning. Order is kept: every
 * record of a topic listed earlier goes in the same request as, or an earlier one than, a later topic's.
 */
export function packRequests(
  topics: readonly { topic: string; records: readonly SizedMessage[] }[],
  limitOf: (topic: string) => number,
): { topic: string; messages: Message[] }[][] {
  const requests: Map<string, { messages: Message[]; bytes: number }>[] = [new Map()];
  for (const { topic, records } of topics) {
    const room = limitOf(topic) - RECORD_BATCH_OVERHEAD;
    for (const { message, bytes } of records) {
      let request = requests[requests.length - 1]!;
      let batch = request.get(topic);
      if (batch && batch.bytes + bytes > room) {
        request = new Map();
        requests.push(request);
        batch = undefined;
      }
      if (!batch) {
        batch = { messages: [], bytes: 0 };
        request.set(topic, batch);
      }
      batch.messages.push(message);
      batch.bytes += bytes;
    }
  }
  return requests
    .filter((request) => request.size > 0)
    .map((request) => [...request].map(([topic, { messages }]) => ({ topic, messages })));
}
