import { Kafka, logLevel as KafkaLogLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from '@docscreen/observability';

export interface KafkaClientOptions {
  clientId: string;
  brokers: readonly string[];
  logger: Logger;
  /** How long to keep trying to reach a broker before giving up on a connection attempt. */
  connectionTimeoutMs?: number;
  /** How long one request may wait for the broker's answer. */
  requestTimeoutMs?: number;
  /** Retries of a failed request (metadata, connection) before it fails. */
  retries?: number;
}

/** One kafkajs client per process, logging through the service's structured logger. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: { initialRetryTime: 200, retries: options.retries ?? 8, maxRetryTime: 5_000 },
    logLevel: KafkaLogLevel.WARN,
    logCreator: bridgeLogs(options.logger),
  });
}

function bridgeLogs(logger: Logger): logCreator {
  return () =>
    ({ level, log, namespace }: LogEntry) => {
      const { message, ...fields } = log;
      const entry = { kafka: { namespace, ...fields } };
      if (level <= KafkaLogLevel.ERROR) logger.error(entry, message);
      else if (level === KafkaLogLevel.WARN) logger.warn(entry, message);
      else logger.debug(entry, message);
    };
}
