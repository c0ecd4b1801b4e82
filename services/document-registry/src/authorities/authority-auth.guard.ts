import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ADMIN_TOKEN, bearerToken } from '@docscreen/nest-platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthoritiesService, type AuthenticatedAuthority } from './authorities.service.js';

/** Header with which an operator (admin token) acts for a named authority, e.g. from the CLI. */
export const ON_BEHALF_OF = 'x-docscreen-authority';

export interface AuthorityRequest {
  headers: Record<string, string | string[] | undefined>;
  authority?: AuthenticatedAuthority;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Every reporting request is made as one authority: `Authorization: Bearer <authority credential>`,
 * or an operator's `Bearer <ADMIN_TOKEN>` with `X-Docscreen-Authority: <code>` (the operator acts for
 * that authority, with exactly its rights: its own state's documents only). 401 otherwise.
 */
@Injectable()
export class AuthorityAuthGuard implements CanActivate {
  constructor(
    private readonly authorities: AuthoritiesService,
    @Inject(ADMIN_TOKEN) private readonly adminToken: string | undefined,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthorityRequest>();
    const secret = bearerToken(request.headers['authorization']);
    if (!secret)
      throw new UnauthorizedException(
        'missing credential: send "Authorization: Bearer <authority credential>"',
      );
    request.authority = this.isAdminToken(secret)
      ? await this.onBehalfOf(request.headers[ON_BEHALF_OF])
      : await this.authorities.authenticate(secret);
    if (!request.authority) throw new UnauthorizedException('unknown or inactive authority credential');
    return true;
  }

  private isAdminToken(secret: string): boolean {
    return !!this.adminToken && timingSafeEqual(digest(secret), digest(this.adminToken));
  }

  private async onBehalfOf(code: string | string[] | undefined): Promise<AuthenticatedAuthority> {
    if (typeof code !== 'string' || !code)
      throw new UnauthorizedException(`an operator acts for an authority: send "${ON_BEHALF_OF}: <code>"`);
    const authority = await this.authorities.byCode(code);
    if (!authority) throw new UnauthorizedException(`no active authority ${code}`);
    return authority;
  }
}
