import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import type { CarrierRequest } from '../carriers/carrier-auth.guard.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { REDIS } from '../messaging/redis.module.js';

const WINDOW_SECONDS = 60;

/**
 * Per-carrier request budget, counted in Redis so every gateway replica shares it (fixed one-minute
 * windows). Over budget: 429 with Retry-After until the window ends. If Redis does not answer, the
 * request goes through: refusing passenger data for want of a counter would be the worse failure.
 */
@Injectable()
export class CarrierRateLimitGuard implements CanActivate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const carrier = http.getRequest<CarrierRequest>().carrier;
    if (!carrier) return true;
    const now = Date.now() / 1000;
    const window = Math.floor(now / WINDOW_SECONDS);
    const key = `ratelimit:carrier:${carrier.id}:${window}`;
    let count: number;
    try {
      const results = await this.redis
        .multi()
        .incr(key)
        .expire(key, WINDOW_SECONDS * 2)
        .exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch (error) {
      this.logger.error({ error }, 'rate limit counter unavailable; request allowed');
      return true;
    }
    if (count <= this.config.RATE_LIMIT_PER_MINUTE) return true;
    const retryAfter = Math.max(1, Math.ceil((window + 1) * WINDOW_SECONDS - now));
    http
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      {
        message: `rate limit of ${this.config.RATE_LIMIT_PER_MINUTE} requests per minute reached for carrier ${carrier.iataCode}`,
        retryAfterSeconds: retryAfter,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
