import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EnvelopeSchema, type Envelope } from './gen/docscreen/common/v1/envelope_pb.js';

/** Canonical lowercase UUID text form, as `crypto.randomUUID()` produces it. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `value` is a UUID in canonical lowercase form (the form of every docscreen id). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export interface NewEnvelopeOptions {
  /** The producing service: `name` such as `carrier-gateway`, and its `version`. */
  producer: { name: string; version: string };
  /**
   * The event that caused this one. Its `correlationId` is carried over and its `eventId` becomes the
   * new event's `causationId`, unless `correlationId`/`causationId` are given explicitly.
   */
  causedBy?: Envelope;
  /** Correlation id; defaults to `causedBy`'s, else to the new event's own id (a root event). */
  correlationId?: string;
  /** Id of the causing event; defaults to `causedBy.eventId`, else empty (a root event). */
  causationId?: string;
  /** When the recorded fact happened; defaults to now. */
  occurredAt?: Date;
  /**
   * A stable id for an event that may be produced more than once (a retried request): the same fact
   * gets the same id, so consumers drop the repeat. Defaults to a random UUID.
   */
  eventId?: string;
}

/** A fresh envelope: random UUID event id, `occurredAt` now (or as given), correlation and causation. */
export function newEnvelope(options: NewEnvelopeOptions): Envelope {
  const { producer, causedBy } = options;
  if (!producer.name || !producer.version) {
    throw new RangeError('newEnvelope: producer.name and producer.version are required');
  }
  if (options.eventId !== undefined && !isUuid(options.eventId)) {
    throw new RangeError(`newEnvelope: eventId must be a lower-case UUID, got "${options.eventId}"`);
  }
  const eventId = options.eventId ?? crypto.randomUUID();
  return create(EnvelopeSchema, {
    eventId,
    occurredAt: timestampFromDate(options.occurredAt ?? new Date()),
    correlationId: options.correlationId || causedBy?.correlationId || causedBy?.eventId || eventId,
    causationId: options.causationId ?? causedBy?.eventId ?? '',
    producer: { name: producer.name, version: producer.version },
  });
}
