import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Passes a handler's error through unchanged. Nest's default RPC filter replaces unknown errors
 * with `{ message: 'Internal server error' }`, which would leave dead letters without their
 * cause. Register it globally on a JetStream microservice:
 * `app.useGlobalFilters(new JetStreamExceptionFilter())`.
 */
@Catch()
export class JetStreamExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
