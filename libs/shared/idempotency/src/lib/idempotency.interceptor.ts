import {
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  RequestMethod,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { catchError, concatMap, from, of, throwError, type Observable } from 'rxjs';
import { readIdempotencyKey } from './idempotency-key';
import { IdempotencyStore } from './idempotency-store';
import { IDEMPOTENCY_OPTIONS, type IdempotencyModuleOptions } from './idempotency.options';
import { KEEPS_IDEMPOTENCY_KEY } from './keeps-idempotency-key.decorator';
import { requestHash } from './request-hash';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

type Request = IncomingMessage & { body?: unknown; originalUrl?: string };

/**
 * Applied to every route (IdempotencyModule registers it globally); acts on requests of the
 * configured methods that carry an Idempotency-Key. Scope = method + path, so one key on two
 * endpoints (or two order ids) is two keys. The first request runs and its answer is stored; a
 * repeat with the same body gets that answer back with `Idempotent-Replayed: true`; with another
 * body a 422; while the first still runs a 409. A failure (any exception) releases the key.
 * A route marked @KeepsIdempotencyKey() keeps its keys itself and is left alone.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly methods: readonly string[];
  private readonly excludePaths: readonly RegExp[];

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    @Inject(IDEMPOTENCY_OPTIONS) options: IdempotencyModuleOptions,
  ) {
    this.methods = (options.methods ?? ['POST']).map((method) => method.toUpperCase());
    this.excludePaths = options.excludePaths ?? [/^\/webhooks\//];
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!this.methods.includes(request.method ?? '')) return next.handle();
    if (this.reflector.get<boolean>(KEEPS_IDEMPOTENCY_KEY, context.getHandler()) === true) return next.handle();
    const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
    if (this.excludePaths.some((pattern) => pattern.test(path))) return next.handle();
    const key = readIdempotencyKey(request);
    if (key === undefined) return next.handle();

    const scope = `${request.method} ${path}`;
    const claim = await this.store.claim(scope, key, requestHash(request.body));
    const response = context.switchToHttp().getResponse<ServerResponse>();
    if (claim.kind === 'replay') {
      response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(claim.response.body);
    }
    const status = successStatus(context, request.method ?? '');
    return next.handle().pipe(
      concatMap((body) =>
        from(this.store.complete(scope, key, { status, body: body ?? null }).then(() => body)),
      ),
      catchError((error: unknown) =>
        from(
          this.store
            .release(scope, key)
            .catch((releaseError: unknown) =>
              this.logger.error(`could not release idempotency key ${scope} ${key}: ${String(releaseError)}`),
            ),
        ).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }
}

/** The status Nest answers the route with: its @HttpCode, else 201 for POST and 200 otherwise. */
function successStatus(context: ExecutionContext, method: string): number {
  const declared: unknown = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler());
  if (typeof declared === 'number') return declared;
  return method === RequestMethod[RequestMethod.POST] ? HttpStatus.CREATED : HttpStatus.OK;
}
