export { ConfigError, loadConfig, requiredVariables } from './load-config.js';
export type { Environment } from './load-config.js';
export {
  COMMON_ENV,
  durationMs,
  kafkaBrokers,
  logLevel,
  optionalUrl,
  port,
  postgresUrl,
  redisUrl,
} from './env-fields.js';
