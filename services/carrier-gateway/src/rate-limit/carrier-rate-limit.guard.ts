import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  ServiceUnavailableException,
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

interface HttpResponse {
  setHeader(name: string, value: string): void;
}

/**
 * Per-carrier request budget (manifests and interactive queries together), counted in Redis so every
 * gateway replica shares it: a fixed one-minute window that starts with the carrier's first request
 * and ends a minute later (so request number RATE_LIMIT_PER_MINUTE passes and the next is refused,
 * whatever the clock says). Over budget: 429 with Retry-After until the window ends.
 *
 * Fails closed: if Redis does not answer (within the client's command timeout), 503 with Retry-After.
 * Unlimited intake while the counter is gone would let one carrier's runaway client flood the broker
 * and screening for every carrier; a refused message is not lost — the carrier resends it, as after a
 * broker outage — and a replica without Redis is reported not ready anyway.
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
    const response = http.getResponse<HttpResponse>();
    let window: { count: number; remainingMs: number };
    try {
      window = await this.count(`ratelimit:carrier:${carrier.id}:window`);
    } catch (error) {
      const retryAfterSeconds = this.config.BROKER_RETRY_AFTER_SECONDS;
      this.logger.error(
        { error, carrier: carrier.iataCode },
        'rate limit counter unavailable: request refused (503)',
      );
      response.setHeader('Retry-After', String(retryAfterSeconds));
      throw new ServiceUnavailableException({
        message: 'the rate limit cannot be checked right now; nothing was accepted, resend later',
        retryAfterSeconds,
      });
    }
    if (window.count <= this.config.RATE_LIMIT_PER_MINUTE) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil(window.remainingMs / 1000));
    response.setHeader('Retry-After', String(retryAfterSeconds));
    throw new HttpException(
      {
        message: `rate limit of ${this.config.RATE_LIMIT_PER_MINUTE} requests per minute reached for carrier ${carrier.iataCode}`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /**
   * Counts one request in the carrier's window, atomically: the first request creates the counter and
   * its one-minute expiry (EXPIRE NX: also a counter somehow left without one), later ones only count.
   * Anything but a complete answer throws — it must never read as "under the limit".
   */
  private async count(key: string): Promise<{ count: number; remainingMs: number }> {
    const results = await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').pttl(key).exec();
    if (!results) throw new Error('the rate limit transaction was discarded');
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
    const [count, , remainingMs] = results.map(([, value]) => value);
    if (typeof count !== 'number' || typeof remainingMs !== 'number')
      throw new Error(`unexpected rate limit answer ${JSON.stringify(results)}`);
    return { count, remainingMs: remainingMs > 0 ? remainingMs : WINDOW_SECONDS * 1000 };
  }
}
