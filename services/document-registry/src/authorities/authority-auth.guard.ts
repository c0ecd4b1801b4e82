import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { bearerToken } from '@docscreen/nest-platform';
import { AuthoritiesService, type AuthenticatedAuthority } from './authorities.service.js';

export interface AuthorityRequest {
  headers: Record<string, string | string[] | undefined>;
  authority?: AuthenticatedAuthority;
}

/** Every reporting request carries `Authorization: Bearer <authority credential>`; 401 otherwise. */
@Injectable()
export class AuthorityAuthGuard implements CanActivate {
  constructor(private readonly authorities: AuthoritiesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthorityRequest>();
    const secret = bearerToken(request.headers['authorization']);
    if (!secret)
      throw new UnauthorizedException(
        'missing credential: send "Authorization: Bearer <authority credential>"',
      );
    const authority = await this.authorities.authenticate(secret);
    if (!authority) throw new UnauthorizedException('unknown or inactive authority credential');
    request.authority = authority;
    return true;
  }
}
