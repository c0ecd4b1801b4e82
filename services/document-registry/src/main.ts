import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp, NestLogger } from '@docscreen/nest-platform';
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
    'The system of record of lost, stolen, revoked and invalidated travel documents. Only the issuing state’s authority adds or withdraws its records; every change is published, through a transactional outbox, to the compacted topic registry.document-status-changed.v1.',
  version: SERVICE_VERSION,
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
});
await app.listen(config.PORT, '0.0.0.0');
logger.info({ port: config.PORT }, 'document-registry listening');
