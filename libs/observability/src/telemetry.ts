import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { PrismaInstrumentation } from '@prisma/instrumentation';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion: string;
  /** OTLP/HTTP base endpoint (Jaeger, an OpenTelemetry collector). */
  otlpEndpoint?: string | undefined;
  /** Zipkin's span intake, `…/api/v2/spans`. With neither endpoint, spans are created but not exported. */
  zipkinEndpoint?: string | undefined;
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
  const exporters = [
    ...(options.otlpEndpoint
      ? [new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` })]
      : []),
    ...(options.zipkinEndpoint ? [new ZipkinExporter({ url: options.zipkinEndpoint })] : []),
  ];
  const spanProcessors: SpanProcessor[] =
    exporters.length > 0
      ? exporters.map(
          (exporter) =>
            // Short delay: an operator following one carrier request wants its trace within a second.
            new BatchSpanProcessor({ exporter, scheduledDelayMillis: 500 }),
        )
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
    // No kafkajs instrumentation: libs/kafka makes the producer and consumer spans itself, one per event
    // in that event's own trace; the instrumentation's would put all the records of a batch in one.
    // Statement text only: parameter values may hold personal data and are never recorded.
    new PgInstrumentation({ enhancedDatabaseReporting: false }),
    new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    new PrismaInstrumentation(),
    // Event-loop delay and utilisation, heap by space, GC durations (nodejs_eventloop_*, v8js_*).
    new RuntimeNodeInstrumentation({ monitoringPrecision: 20 }),
  ];
}

// Re-exported so a test can assert export results without importing the core package itself.
