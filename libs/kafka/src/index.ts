export { EventConsumer } from './event-consumer.js';
export type {
  BatchEventHandler,
  ConsumedEvent,
  EventConsumerOptions,
  EventHandler,
  Handling,
} from './event-consumer.js';
export { EventPublisher } from './event-publisher.js';
export type { OutgoingEvent, RawRecord } from './event-publisher.js';
export { DeadLetters } from './dead-letters.js';
export type {
  DeadLetterEntry,
  DeadLetterPage,
  DeadLetterTopicSummary,
  RedriveOptions,
  RedriveResult,
  RedriveSelection,
} from './dead-letters.js';
export { DeadLetterError } from './dead-letter.error.js';
export type { DeadLetterErrorCode } from './dead-letter.error.js';
export { EventTooLargeError, PermanentEventError } from './errors.js';
export { DEFAULT_MAX_MESSAGE_BYTES } from './message-size-limits.js';
export { isBrokenProducerState, isTooLarge } from './producer-failures.js';
export { HEADERS, readHeaders } from './headers.js';
export type { Headers } from './headers.js';
export { createKafkaClient } from './kafka-client.js';
export type { KafkaClientOptions } from './kafka-client.js';
export { ensureTopics } from './topic-admin.js';
export type { TopicSpec } from './topic-admin.js';
export { REDRIVE_AUDIT_TOPIC } from './redrive-audit.js';
export type { RedriveRecord } from './redrive-audit.js';
export { extractTraceContext, injectTraceContext } from './trace-context.js';
