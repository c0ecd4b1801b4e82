import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CarrierRequest } from './carrier-auth.guard.js';
import type { AuthenticatedCarrier } from './carriers.service.js';

/** The carrier that `CarrierAuthGuard` authenticated for this request. */
export const CurrentCarrier = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedCarrier => {
    const carrier = context.switchToHttp().getRequest<CarrierRequest>().carrier;
    if (!carrier) throw new Error('CurrentCarrier used on a route without CarrierAuthGuard');
    return carrier;
  },
);
