import {
  create,
  fromBinary,
  toBinary,
  type DescMessage,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { registryKey } from './document-key.js';
import { isUuid } from './envelope.js';
import { BoardingDirectiveSchema } from './gen/docscreen/directive/v1/boarding_directive_pb.js';
import { PassengerReportedSchema } from './gen/docscreen/passenger/v1/passenger_reported_pb.js';
import { DocumentStatusChangedSchema } from './gen/docscreen/registry/v1/document_status_changed_pb.js';
import { NationalListChangedSchema } from './gen/docscreen/registry/v1/national_list_changed_pb.js';
import { AlertRaisedSchema } from './gen/docscreen/screening/v1/alert_raised_pb.js';
import { ScreeningCompletedSchema } from './gen/docscreen/screening/v1/screening_completed_pb.js';
import { isAgencyAlertTopic, isCarrierDirectiveTopic, TOPICS, type Topic } from './topics.js';

/** Value of the `content-type` header of every docscreen event: binary protobuf. */
export const CONTENT_TYPE = 'application/x-protobuf';
/** Header carrying the payload's content type (`CONTENT_TYPE`). */
export const CONTENT_TYPE_HEADER = 'content-type';
/** Header carrying the fully-qualified protobuf message name, e.g. `docscreen.passenger.v1.PassengerReported`. */
export const EVENT_TYPE_HEADER = 'x-event-type';

/** Which message each topic carries. One topic, one message type. */
const EVENT_SCHEMAS = Object.freeze({
  [TOPICS.PASSENGER_REPORTED]: PassengerReportedSchema,
  [TOPICS.DOCUMENT_STATUS_CHANGED]: DocumentStatusChangedSchema,
  [TOPICS.NATIONAL_LIST_CHANGED]: NationalListChangedSchema,
  [TOPICS.SCREENING_COMPLETED]: ScreeningCompletedSchema,
  [TOPICS.ALERT_RAISED]: AlertRaisedSchema,
  [TOPICS.BOARDING_DIRECTIVE]: BoardingDirectiveSchema,
} as const satisfies Record<Topic, DescMessage>);

/** The generated schema (`GenMessage`) of each topic's message. */
export type EventSchemas = typeof EVENT_SCHEMAS;
/** The message type carried by each topic, e.g. `EventMap['passenger.reported.v1']` is `PassengerReported`. */
export type EventMap = { [T in Topic]: MessageShape<EventSchemas[T]> };
/** The message carried by topic `T`: `EventOf<typeof TOPICS.PASSENGER_REPORTED>` is `PassengerReported`. */
export type EventOf<T extends Topic> = EventMap[T];
/** What `createEvent` accepts for topic `T`: the message's fields, nested messages as plain objects. */
export type EventInit<T extends Topic> = MessageInitShape<EventSchemas[T]>;

export type EventCodecErrorCode = 'TYPE_MISMATCH' | 'INVALID_ENVELOPE' | 'DECODE_FAILED' | 'MISSING_KEY';

/**
 * Raised by the codec when a message breaks the contract of its topic. Never transient: retrying the
 * same bytes or message cannot succeed.
 */
export class EventCodecError extends Error {
  constructor(
    readonly code: EventCodecErrorCode,
    readonly topic: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${topic}: ${message}`, options);
    this.name = 'EventCodecError';
  }
}

/** The schema of the message topic `topic` carries. */
export function eventSchema<T extends Topic>(topic: T): EventSchemas[T] {
  return EVENT_SCHEMAS[topic];
}

/**
 * The schema for any docscreen topic name, including per-agency alert topics (`alerts.<agency>.v1`,
 * which carry `AlertRaised`) and per-carrier directive topics (`directives.<carrier>.v1`,
 * `BoardingDirective`); `undefined` for anything else (such as dead-letter topics).
 */
export function schemaForTopic(topic: string): DescMessage | undefined {
  if (Object.hasOwn(EVENT_SCHEMAS, topic)) return EVENT_SCHEMAS[topic as Topic];
  if (isAgencyAlertTopic(topic)) return AlertRaisedSchema;
  if (isCarrierDirectiveTopic(topic)) return BoardingDirectiveSchema;
  return undefined;
}

/** The `x-event-type` header value for a topic: its message's fully-qualified protobuf name. */
export function eventTypeOf(topic: Topic): string {
  return EVENT_SCHEMAS[topic].typeName;
}

/** The headers that describe the payload of an event on `topic` (trace context is added by the Kafka library). */
export function eventHeaders(topic: Topic): { [CONTENT_TYPE_HEADER]: string; [EVENT_TYPE_HEADER]: string } {
  return { [CONTENT_TYPE_HEADER]: CONTENT_TYPE, [EVENT_TYPE_HEADER]: eventTypeOf(topic) };
}

/** Creates the message for `topic` from plain field values (unset fields get proto3 defaults). */
export function createEvent<T extends Topic>(topic: T, init: EventInit<T>): EventOf<T> {
  const schema: DescMessage = EVENT_SCHEMAS[topic];
  // `create` returns the message of `schema`, which EVENT_SCHEMAS maps to EventOf<T>.
  return create(schema, init) as EventOf<T>;
}

/**
 * Serialises an event for `topic` to protobuf binary. Checks what the type system cannot: the message is
 * of the topic's type (not merely of a structurally similar one), and its envelope has a UUID event id,
 * an occurrence time, a correlation id and a producer name.
 *
 * @throws EventCodecError (`TYPE_MISMATCH`, `INVALID_ENVELOPE`).
 */
export function encodeEvent<T extends Topic>(topic: T, message: EventOf<T>): Uint8Array {
  const schema: DescMessage = EVENT_SCHEMAS[topic];
  if (message.$typeName !== schema.typeName) {
    throw new EventCodecError(
      'TYPE_MISMATCH',
      topic,
      `expected ${schema.typeName}, got ${message.$typeName}`,
    );
  }
  const { envelope } = message;
  const problem =
    envelope === undefined
      ? 'envelope is missing'
      : !isUuid(envelope.eventId)
        ? `envelope.event_id ${JSON.stringify(envelope.eventId)} is not a lowercase UUID`
        : envelope.occurredAt === undefined
          ? 'envelope.occurred_at is missing'
          : envelope.correlationId === ''
            ? 'envelope.correlation_id is empty'
            : !envelope.producer?.name
              ? 'envelope.producer.name is empty'
              : undefined;
  if (problem !== undefined) throw new EventCodecError('INVALID_ENVELOPE', topic, problem);
  return toBinary(schema, message);
}

/**
 * Parses the protobuf binary payload of an event on `topic`. Unknown fields (written by a newer
 * producer) are kept, so re-encoding the message does not lose them.
 *
 * @param eventType the record's `x-event-type` header, when present: it must name the topic's message.
 * @throws EventCodecError (`TYPE_MISMATCH` when `eventType` names another message, `DECODE_FAILED` when
 * the bytes are not a valid message).
 */
export function decodeEvent<T extends Topic>(topic: T, bytes: Uint8Array, eventType?: string): EventOf<T> {
  const schema: DescMessage = EVENT_SCHEMAS[topic];
  if (eventType !== undefined && eventType !== schema.typeName) {
    throw new EventCodecError(
      'TYPE_MISMATCH',
      topic,
      `record is a ${eventType}, topic carries ${schema.typeName}`,
    );
  }
  try {
    // `fromBinary` returns the message of `schema`, which EVENT_SCHEMAS maps to EventOf<T>.
    return fromBinary(schema, bytes) as EventOf<T>;
  } catch (cause) {
    throw new EventCodecError('DECODE_FAILED', topic, `payload is not a valid ${schema.typeName}`, { cause });
  }
}

/** How each topic's record key derives from its message. */
const RECORD_KEYS: { readonly [T in Topic]: (event: EventOf<T>) => string } = Object.freeze({
  [TOPICS.PASSENGER_REPORTED]: (event) => event.flightKey,
  [TOPICS.DOCUMENT_STATUS_CHANGED]: (event) => registryKey(event),
  [TOPICS.NATIONAL_LIST_CHANGED]: (event) => registryKey(event),
  [TOPICS.SCREENING_COMPLETED]: (event) => event.flightKey,
  [TOPICS.ALERT_RAISED]: (event) => event.flightKey,
  [TOPICS.BOARDING_DIRECTIVE]: (event) => event.flightKey,
});

/**
 * The Kafka record key for an event: the flight key on every topic except the compacted registry
 * topic, which is keyed by document key (see `registryKey`).
 *
 * @throws EventCodecError (`MISSING_KEY`) when the message lacks the data its key derives from.
 */
export function recordKey<T extends Topic>(topic: T, event: EventOf<T>): string {
  const keyOf = RECORD_KEYS[topic] as (event: EventOf<T>) => string;
  let key: string;
  try {
    key = keyOf(event);
  } catch (cause) {
    throw new EventCodecError(
      'MISSING_KEY',
      topic,
      cause instanceof Error ? cause.message : 'cannot derive the record key',
      { cause },
    );
  }
  if (key === '') throw new EventCodecError('MISSING_KEY', topic, 'flight_key is empty');
  return key;
}
