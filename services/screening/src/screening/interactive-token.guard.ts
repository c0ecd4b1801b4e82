import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { bearerMatches } from '@docscreen/nest-platform';
import { SCREENING_CONFIG } from '../config/config.module.js';
import type { ScreeningConfig } from '../config/screening-config.js';

/**
 * The interactive API is called by the carrier gateway alone, with `INTERACTIVE_TOKEN`. Carriers never
 * reach it directly: they are authenticated, rate-limited and archived at the gateway.
 */
@Injectable()
export class InteractiveTokenGuard implements CanActivate {
  constructor(@Inject(SCREENING_CONFIG) private readonly config: ScreeningConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.INTERACTIVE_TOKEN;
    if (!token) throw new ForbiddenException('the interactive API is disabled: set INTERACTIVE_TOKEN');
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    if (!bearerMatches(request.headers['authorization'], token)) {
      throw new UnauthorizedException('missing or wrong interactive token');
    }
    return true;
  }
}
