/**
 * A failure that retrying cannot fix (undecodable payload, a message that breaks a contract): the event
 * goes straight to the consumer's dead-letter topic with this reason, instead of being retried.
 */
export class PermanentEventError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentEventError';
  }
}

/**
 * An event whose encoded record is larger than its topic accepts (`max.message.bytes`). Sending it
 * would fail on every attempt, so it is refused before anything of the send reaches the broker; a
 * consumer dead-letters just that event with reason `event-too-large`.
 */
export class EventTooLargeError extends PermanentEventError {
  constructor(
    readonly topic: string,
    /** The record's encoded size: key, value, headers and their framing in a record batch. */
    readonly bytes: number,
    /** The most a record batch of `topic` may hold. */
    readonly limit: number,
    options?: { cause?: unknown },
  ) {
    super(
      'event-too-large',
      `an event for ${topic} encodes to ${bytes} bytes; the topic accepts at most ${limit} (max.message.bytes)`,
      options,
    );
    this.name = 'EventTooLargeError';
  }
}
