import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { PrismaInstrumentation } from '@prisma/instrumentation';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion: string;
  /** OTLP/HTTP base endpoint; when absent, spans are still created (for log correlation) but not exported. */
  otlpEndpoint?: string | undefined;
}

export interface Telemetry {
  /** Serves Prometheus text on the service's own HTTP port (`GET /metrics`). */
  readonly prometheus: PrometheusExporter;
  shutdown(): Promise<void>;
}

let current: Telemetry | undefined;

/**
 * Starts the OpenTelemetry NodeSDK. Must run before the instrumented libraries load: services import it
 * through `node --import ./dist/instrument.js`, which also registers the ESM loader hook.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (current) return current;
  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const spanProcessors: SpanProcessor[] = options.otlpEndpoint
    ? [
        new BatchSpanProcessor({
          exporter: new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }),
          // Short delay: an operator following one carrier request wants its trace within a second.
          scheduledDelayMillis: 500,
        }),
      ]
    : // Without an exporter spans are still created: their ids correlate logs and cross Kafka headers.
      [new NoopSpanProcessor()];
  const sdk = new NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: options.serviceName,
        [ATTR_SERVICE_VERSION]: options.serviceVersion,
      }),
    ),
    spanProcessors,
    metricReaders: [prometheus],
    instrumentations: instrumentations(),
  });
  sdk.start();
  current = {
    prometheus,
    shutdown: async () => {
      await sdk.shutdown();
      current = undefined;
    },
  };
  return current;
}

export function currentTelemetry(): Telemetry | undefined {
  return current;
}

function instrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      // Health probes and scrapes would drown the traces that matter.
      ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
    }),
    new NestInstrumentation(),
    new KafkaJsInstrumentation(),
    // Statement text only: parameter values may hold personal data and are never recorded.
    new PgInstrumentation({ enhancedDatabaseReporting: false }),
    new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    new PrismaInstrumentation(),
  ];
}

// Re-exported so a test can assert export results without importing the core package itself.
