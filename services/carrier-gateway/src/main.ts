import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Kafka } from 'kafkajs';
import { EventPublisher } from '@docscreen/kafka';
import {
  configureHttpApp,
  ConsumerHandle,
  KAFKA,
  KafkaEventServer,
  NestLogger,
} from '@docscreen/nest-platform';
import { createLogger } from '@docscreen/observability';
import { AppModule } from './app.module.js';
import { gatewayConfig, SERVICE_NAME, SERVICE_VERSION } from './config/gateway-config.js';
import { stampArrivals } from './interactive/arrival-time.js';
import { AdmissionControl } from './manifests/admission-control.js';
import { manifestAdmission } from './manifests/manifest-admission.middleware.js';

const config = gatewayConfig();
const logger = createLogger({ service: SERVICE_NAME, version: SERVICE_VERSION, level: config.LOG_LEVEL });

const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(logger), {
  logger: new NestLogger(logger),
  bodyParser: false,
  // The raw bytes are archived exactly as received, whatever the format.
  rawBody: true,
});
// The interactive budget counts from each request's arrival, before anything else runs on it.
stampArrivals(app.getHttpServer());
// Before the body parsers: a saturated replica refuses a manifest without reading it.
app.use(manifestAdmission(app.get(AdmissionControl)));
// Our own body parsers, so that the size limit (413) comes from configuration.
app.useBodyParser('json', { limit: config.MAX_BODY_BYTES });
app.useBodyParser('text', { type: ['application/edifact', 'text/plain'], limit: config.MAX_BODY_BYTES });
configureHttpApp(app, {
  logger,
  title: 'docscreen carrier gateway',
  description:
    'Where airlines report their passengers (Advance Passenger Information) and receive directives.',
  version: SERVICE_VERSION,
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
});
// Directives screening issues come back over Kafka, to be kept for polling and sent on to the carrier.
const transport = new KafkaEventServer(app.get<Kafka>(KAFKA), {
  groupId: config.KAFKA_GROUP_ID,
  logger,
  deadLetters: app.get(EventPublisher),
  maxAttempts: config.MAX_ATTEMPTS,
  retryWindowMs: config.RETRY_WINDOW_MS,
});
app.get(ConsumerHandle).attach(transport);
app.connectMicroservice({ strategy: transport });
// Loopback unless BIND_ADDRESS says otherwise (images and manifests set 0.0.0.0).
await app.listen(config.PORT, config.BIND_ADDRESS);
logger.info({ address: config.BIND_ADDRESS, port: config.PORT }, 'carrier-gateway listening');
await app.startAllMicroservices();
logger.info({ group: config.KAFKA_GROUP_ID }, 'carrier-gateway consuming directives');
