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
import { MANIFEST_MEDIA_TYPES } from './manifests/media-types.js';

const config = gatewayConfig();
const logger = createLogger({ service: SERVICE_NAME, version: SERVICE_VERSION, level: config.LOG_LEVEL });

const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(logger), {
  logger: new NestLogger(logger),
  // The body parsers are configureHttpApp's; they keep the raw bytes, archived exactly as received.
  bodyParser: false,
});
// The interactive budget counts from each request's arrival, before anything else runs on it.
stampArrivals(app.getHttpServer());
// Before the body parsers: a saturated replica refuses a manifest without reading it.
app.use(manifestAdmission(app.get(AdmissionControl)));
configureHttpApp(app, {
  logger,
  title: 'docscreen carrier gateway',
  description:
    'Where airlines report their passengers (Advance Passenger Information) and receive directives.',
  version: SERVICE_VERSION,
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
  // JSON and PAXLST up to MAX_BODY_BYTES (413 naming both beyond it).
  bodies: {
    limitBytes: config.MAX_BODY_BYTES,
    textTypes: MANIFEST_MEDIA_TYPES.filter((type) => type !== 'application/json'),
  },
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
