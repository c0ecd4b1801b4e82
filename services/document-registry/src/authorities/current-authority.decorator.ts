import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthorityRequest } from './authority-auth.guard.js';
import type { AuthenticatedAuthority } from './authorities.service.js';

/** The authority that `AuthorityAuthGuard` authenticated for this request. */
export const CurrentAuthority = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedAuthority => {
    const authority = context.switchToHttp().getRequest<AuthorityRequest>().authority;
    if (!authority) throw new Error('CurrentAuthority used on a route without AuthorityAuthGuard');
    return authority;
  },
);
