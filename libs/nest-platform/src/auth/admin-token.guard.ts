import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerToken } from './credential.js';

/** Injection token: the operators' bearer token of this service (`ADMIN_TOKEN`), or undefined. */
export const ADMIN_TOKEN = Symbol('ADMIN_TOKEN');

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether the `Authorization: Bearer …` header carries exactly `expected`. Compares digests: equal
 * length, constant time, whatever the lengths given.
 */
export function bearerMatches(authorization: string | string[] | undefined, expected: string): boolean {
  const given = bearerToken(authorization);
  return !!given && timingSafeEqual(digest(given), digest(expected));
}

/** The operators' API: `Authorization: Bearer <ADMIN_TOKEN>`; disabled (403) when no token is configured. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(ADMIN_TOKEN) private readonly token: string | undefined) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.token) throw new ForbiddenException('the operators’ API is disabled: set ADMIN_TOKEN');
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    if (!bearerMatches(request.headers['authorization'], this.token)) {
      throw new UnauthorizedException('missing or wrong operator token');
    }
    return true;
  }
}
