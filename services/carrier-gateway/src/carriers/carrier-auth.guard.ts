import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { bearerToken } from '@docscreen/nest-platform';
import { CarriersService, type AuthenticatedCarrier } from './carriers.service.js';

export interface CarrierRequest {
  headers: Record<string, string | string[] | undefined>;
  carrier?: AuthenticatedCarrier;
}

/** Every carrier request carries `Authorization: Bearer <api key>`; 401 otherwise. */
@Injectable()
export class CarrierAuthGuard implements CanActivate {
  constructor(private readonly carriers: CarriersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CarrierRequest>();
    const header = request.headers['authorization'];
    const key = bearerToken(header);
    if (!key) throw new UnauthorizedException('missing API key: send "Authorization: Bearer <api key>"');
    const carrier = await this.carriers.authenticate(key);
    if (!carrier) throw new UnauthorizedException('unknown, revoked or inactive API key');
    request.carrier = carrier;
    return true;
  }
}
