import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { EventPublisher } from '@docscreen/kafka';
import { configureHttpApp, KAFKA, KafkaEventServer, NestLogger } from '@docscreen/nest-platform';
import { createLogger } from '@docscreen/observability';
import { AppModule } from './app.module.js';
import { registryConfig, SERVICE_NAME, SERVICE_VERSION } from './config/registry-config.js';

const config = registryConfig();
const logger = createLogger({ service: SERVICE_NAME, version: SERVICE_VERSION, level: config.LOG_LEVEL });

const app = await NestFactory.create(AppModule.forRoot(logger), { logger: new NestLogger(logger) });
configureHttpApp(app, {
  logger,
  title: 'docscreen document registry',
  description:
    'The system of record of lost, stolen, revoked and invalidated travel documents and stolen blank series. Only the issuing state’s authority adds or withdraws its entries (over HTTP, by bulk import, or on the national Kafka feed registry.national-list-changed.v1); every change is published, through a transactional outbox, to the compacted topic registry.document-status-changed.v1.',
  version: SERVICE_VERSION,
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
});
// The national feed arrives over Kafka through the microservice transport.
app.connectMicroservice({
  strategy: new KafkaEventServer(app.get<Kafka>(KAFKA), {
    groupId: SERVICE_NAME,
    logger,
    deadLetters: app.get(EventPublisher),
    maxAttempts: 3,
  }),
});
// Listening first initialises the modules, which create the topics the feed consumer subscribes to.
// Loopback unless BIND_ADDRESS says otherwise (images and manifests set 0.0.0.0).
await app.listen(config.PORT, config.BIND_ADDRESS);
await app.startAllMicroservices();
logger.info({ address: config.BIND_ADDRESS, port: config.PORT }, 'document-registry listening');
