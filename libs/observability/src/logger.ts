import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';
import { redactPersonalData } from './personal-data.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  version?: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs: one object per line, with the active trace and span ids so a log line can be
 * found from a trace and back, and personal data masked before serialisation.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, version: options.version },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactPersonalData(object) as Record<string, unknown>,
      },
      mixin() {
        const context = trace.getActiveSpan()?.spanContext();
        return context && isSpanContextValid(context)
          ? { traceId: context.traceId, spanId: context.spanId }
          : {};
      },
    },
    options.destination,
  );
}
