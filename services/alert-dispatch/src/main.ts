import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
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
import { dispatchConfig, SERVICE_NAME, SERVICE_VERSION } from './config/dispatch-config.js';

const config = dispatchConfig();
const logger = createLogger({ service: SERVICE_NAME, version: SERVICE_VERSION, level: config.LOG_LEVEL });

const app = await NestFactory.create(AppModule.forRoot(logger), { logger: new NestLogger(logger) });
configureHttpApp(app, {
  logger,
  title: 'docscreen alert dispatch',
  description:
    'Routes every AlertRaised to the border agencies responsible for the traveller’s destination, transit states or arrival airport (or to the national desk), delivers it on their channels (Kafka topic alerts.<agency>.v1, signed webhooks), and lets each agency acknowledge and resolve its own alerts with an audit trail that cannot be edited.',
  version: SERVICE_VERSION,
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
});
// Alerts arrive over Kafka through the microservice transport.
const transport = new KafkaEventServer(app.get<Kafka>(KAFKA), {
  groupId: config.KAFKA_GROUP_ID,
  logger,
  deadLetters: app.get(EventPublisher),
  maxAttempts: config.MAX_ATTEMPTS,
  retryWindowMs: config.RETRY_WINDOW_MS,
  partitionsConsumedConcurrently: config.PARTITIONS_CONSUMED_CONCURRENTLY,
});
app.get(ConsumerHandle).attach(transport);
app.connectMicroservice({ strategy: transport });
// Listening first initialises the modules, which create the alert topic the consumer subscribes to.
// Loopback unless BIND_ADDRESS says otherwise (images and manifests set 0.0.0.0).
await app.listen(config.PORT, config.BIND_ADDRESS);
await app.startAllMicroservices();
logger.info(
  { address: config.BIND_ADDRESS, port: config.PORT, group: config.KAFKA_GROUP_ID },
  'alert-dispatch listening and consuming',
);
