import { applyDecorators, Catch, Controller, UseFilters, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC exception filter turns any error that is not an RpcException into
 * `{ status: 'error', message: 'Internal server error' }`, which would hide a PermanentEventError's
 * reason from the consumer deciding between retry and dead-letter. This filter hands every error
 * back unchanged.
 */
@Catch()
class EventErrorPassThrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/** A controller of Kafka event handlers (`@EventPattern`): its errors reach the consumer as thrown. */
export const EventController = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(new EventErrorPassThrough()));
