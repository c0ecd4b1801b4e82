import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AgencyRequest } from './agency-auth.guard.js';
import type { AuthenticatedAgency } from './agencies.service.js';

/** The agency that `AgencyAuthGuard` authenticated for this request. */
export const CurrentAgency = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedAgency => {
    const agency = context.switchToHttp().getRequest<AgencyRequest>().agency;
    if (!agency) throw new Error('CurrentAgency used on a route without AgencyAuthGuard');
    return agency;
  },
);
