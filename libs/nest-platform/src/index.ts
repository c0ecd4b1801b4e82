export { consumerProbe, kafkaProbe, postgresProbe, redisProbe } from './health/health-probe.js';
export type { HealthProbe, RedisPing } from './health/health-probe.js';
export { HealthModule } from './health/health.module.js';
export { NestLogger } from './logging/nest-logger.js';
export { EventController } from './transport/event-controller.decorator.js';
export { BATCH, KafkaEventServer } from './transport/kafka-event.server.js';
export type { KafkaEventServerOptions } from './transport/kafka-event.server.js';
export { LOGGER, ObservabilityModule } from './observability/observability.module.js';
export { ProblemFilter } from './http/problem.filter.js';
export {
  createValidationPipe,
  InputValidationPipe,
  MAX_PROBLEMS_LISTED,
  validationProblems,
} from './http/validation.pipe.js';
export { calendarDate, localDateTime, multilineText } from './http/input-fields.js';
export { configureHttpApp } from './http/configure-http-app.js';
export type { HttpAppOptions } from './http/configure-http-app.js';
export { mediaTypeOf } from './http/request-bodies.js';
export type { RequestBodyOptions } from './http/request-bodies.js';
export { KAFKA, KafkaModule } from './kafka/kafka.module.js';
export type { KafkaModuleOptions } from './kafka/kafka.module.js';
export {
  bearerToken,
  credentialMatches,
  credentialPrefix,
  hashCredential,
  issueCredential,
} from './auth/credential.js';
export type { CredentialKind, IssuedCredential } from './auth/credential.js';
export { ADMIN_TOKEN, AdminTokenGuard, bearerMatches } from './auth/admin-token.guard.js';
export { ConsumerHandle, ConsumerHandleModule } from './kafka/consumer-handle.js';
export { DeadLettersModule } from './dead-letters/dead-letters.module.js';
export type { DeadLettersModuleOptions } from './dead-letters/dead-letters.module.js';
