export { createLogger } from './logger.js';
export type { Logger, LoggerOptions } from './logger.js';
export { isPersonalKey, REDACTED, redactPersonalData } from './personal-data.js';
export { currentTelemetry, startTelemetry } from './telemetry.js';
export type { Telemetry, TelemetryOptions } from './telemetry.js';
export { backgroundFailure, backoffDelay, pause, PeriodicTask, retryUntilDone } from './background.js';
export type { Backoff, PeriodicTaskOptions, RetryOptions } from './background.js';
export { CORRELATION_ID_ATTRIBUTE, tagCorrelationId } from './trace-attributes.js';
