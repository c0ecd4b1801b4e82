// Loaded with `node --import ./dist/instrument.js` so that tracing is in place before any
// instrumented library (http, express, kafkajs, pg, ioredis) is loaded.
import { register } from 'node:module';
import { startTelemetry } from '@docscreen/observability';
import { gatewayConfig, SERVICE_NAME, SERVICE_VERSION } from './config/gateway-config.js';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
startTelemetry({
  serviceName: SERVICE_NAME,
  serviceVersion: SERVICE_VERSION,
  otlpEndpoint: gatewayConfig().OTEL_EXPORTER_OTLP_ENDPOINT,
  zipkinEndpoint: gatewayConfig().ZIPKIN_ENDPOINT,
});
