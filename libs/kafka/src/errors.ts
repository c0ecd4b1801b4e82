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
