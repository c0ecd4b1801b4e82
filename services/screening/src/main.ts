import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { EventPublisher } from '@docscreen/kafka';
import { configureHttpApp, KAFKA, KafkaEventServer, NestLogger } from '@docscreen/nest-platform';
import { createLogger } from '@docscreen/observability';
import { AppModule } from './app.module.js';
import { screeningConfig, SERVICE_NAME, SERVICE_VERSION } from './config/screening-config.js';
import { ConsumerHandle } from '@docscreen/nest-platform';
import { ReferenceData } from './reference-data/reference-data.js';
import { RegistryIndex } from './registry-index/registry-index.js';

const config = screeningConfig();
const logger = createLogger({ service: SERVICE_NAME, version: SERVICE_VERSION, level: config.LOG_LEVEL });

// HTTP for health, metrics and docs; the work arrives over Kafka through the microservice transport.
const app = await NestFactory.create(AppModule.forRoot(logger), { logger: new NestLogger(logger) });
configureHttpApp(app, {
  logger,
  title: 'docscreen screening',
  description: 'Screens every reported traveller and publishes ScreeningCompleted.',
  version: SERVICE_VERSION,
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
});
const transport = new KafkaEventServer(app.get<Kafka>(KAFKA), {
  groupId: config.KAFKA_GROUP_ID,
  logger,
  deadLetters: app.get(EventPublisher),
  maxAttempts: config.MAX_ATTEMPTS,
  retryWindowMs: config.RETRY_WINDOW_MS,
  partitionsConsumedConcurrently: config.PARTITIONS_CONSUMED_CONCURRENTLY,
  maxBatchEvents: config.BATCH_MAX_EVENTS,
});
app.get(ConsumerHandle).attach(transport);
app.connectMicroservice({ strategy: transport });
// Health answers (not ready) while the lost/stolen index is built; travellers are taken only once it
// has caught up with the registry topic and the rules in force were read, so none is screened
// against a half-built index or unknown rules. Until Kafka and PostgreSQL answer, both keep retrying.
// Loopback unless BIND_ADDRESS says otherwise (images and manifests set 0.0.0.0).
await app.listen(config.PORT, config.BIND_ADDRESS);
logger.info(
  { address: config.BIND_ADDRESS, port: config.PORT },
  'screening listening; building the lost/stolen index',
);
await Promise.all([app.get(RegistryIndex).whenReady(), app.get(ReferenceData).whenLoaded()]);
await app.startAllMicroservices();
logger.info({ group: config.KAFKA_GROUP_ID }, 'screening consuming');
