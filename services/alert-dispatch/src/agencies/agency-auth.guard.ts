import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { bearerToken } from '@docscreen/nest-platform';
import { AgenciesService, type AuthenticatedAgency } from './agencies.service.js';

export interface AgencyRequest {
  headers: Record<string, string | string[] | undefined>;
  agency?: AuthenticatedAgency;
}

/**
 * The agencies' API: `Authorization: Bearer <agency token>` of an active agency, else 401. What the
 * agency may then see is decided by the queries, which are always scoped to it.
 */
@Injectable()
export class AgencyAuthGuard implements CanActivate {
  constructor(private readonly agencies: AgenciesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AgencyRequest>();
    const token = bearerToken(request.headers['authorization']);
    if (!token)
      throw new UnauthorizedException('missing credential: send "Authorization: Bearer <agency token>"');
    request.agency = await this.agencies.authenticate(token);
    if (!request.agency) throw new UnauthorizedException('unknown or inactive agency token');
    return true;
  }
}
