export { ConfigError, loadConfig, requiredVariables } from './load-config.js';
export type { Environment } from './load-config.js';
export {
  COMMON_ENV,
  bindAddress,
  durationMs,
  flag,
  kafkaBrokers,
  logLevel,
  optionalUrl,
  port,
  postgresUrl,
  redisUrl,
  secretsKeys,
} from './env-fields.js';
export type { SecretsKey } from './env-fields.js';
