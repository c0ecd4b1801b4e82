/**
 * What a failed send says about the producer that made it. kafkajs reports the broker's error as a
 * KafkaJSProtocolError with `type` and `code`; its retrier may wrap it as `cause`.
 */

// The broker no longer accepts this producer's id, epoch or sequence numbers (kafkajs' sequence
// bookkeeping went wrong, or the broker expired or fenced the id): every later send to the partition
// fails the same way until the producer starts over with a new id, which kafkajs never does by itself.
const BROKEN_STATE = new Map<string, number>([
  ['OUT_OF_ORDER_SEQUENCE_NUMBER', 45],
  ['DUPLICATE_SEQUENCE_NUMBER', 46],
  ['INVALID_PRODUCER_EPOCH', 47],
  ['INVALID_PRODUCER_ID_MAPPING', 49],
  ['UNKNOWN_PRODUCER_ID', 59],
  // Not in kafkajs 2.2.4's table: it arrives as KAFKAJS_UNKNOWN_ERROR_CODE with this code.
  ['PRODUCER_FENCED', 90],
]);
const BROKEN_STATE_CODES = new Set(BROKEN_STATE.values());

const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

interface ErrorLink {
  type?: unknown;
  code?: unknown;
  cause?: unknown;
}

function chain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  for (let e = error; typeof e === 'object' && e !== null && links.length < 5; e = (e as ErrorLink).cause) {
    links.push(e as ErrorLink);
  }
  return links;
}

/** The producer's idempotent state is broken: replace it; the send may be tried again on the new one. */
export function isBrokenProducerState(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      (typeof e.type === 'string' && BROKEN_STATE.has(e.type)) ||
      (typeof e.code === 'number' && BROKEN_STATE_CODES.has(e.code)),
  );
}

/** The broker refused a batch as larger than the topic's `max.message.bytes`. */
export function isTooLarge(error: unknown): boolean {
  return chain(error).some((e) => typeof e.type === 'string' && TOO_LARGE.has(e.type));
}

/** The cluster has no such topic (or partition): lost with its broker's data, deleted, or never created. */
export function isUnknownTopic(error: unknown): boolean {
  return chain(error).some((e) => e.type === 'UNKNOWN_TOPIC_OR_PARTITION');
}
