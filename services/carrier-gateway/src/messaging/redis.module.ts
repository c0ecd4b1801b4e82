import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';

export const REDIS = Symbol('REDIS');

/**
 * A command Redis has not answered by then fails (and with it the rate-limit check: 503), rather than
 * waiting in the client's offline queue while Redis is unreachable.
 */
const COMMAND_TIMEOUT_MS = 1_000;

/** The gateway's Redis client (rate-limit counters shared by every replica). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, commandTimeout: COMMAND_TIMEOUT_MS }),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
