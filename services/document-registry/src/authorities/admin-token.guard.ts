import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The operators' API: `Authorization: Bearer <ADMIN_TOKEN>`; disabled when no token is configured. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.ADMIN_TOKEN)
      throw new ForbiddenException('the operators’ API is disabled: set ADMIN_TOKEN');
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
      .headers['authorization'];
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token || !timingSafeEqual(digest(token), digest(this.config.ADMIN_TOKEN))) {
      throw new UnauthorizedException('missing or wrong operator token');
    }
    return true;
  }
}
