/** Why a dead-letter request cannot be done; each transport translates the code once (HTTP: 404, 409). */
export type DeadLetterErrorCode = 'unknown-topic' | 'unknown-entry' | 'already-redriven';

/** A dead-letter topic or entry that does not exist, or a re-drive that would repeat an earlier one. */
export class DeadLetterError extends Error {
  constructor(
    readonly code: DeadLetterErrorCode,
    message: string,
    /** The entries concerned, e.g. the offsets already re-driven. */
    readonly offsets: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DeadLetterError';
  }
}
