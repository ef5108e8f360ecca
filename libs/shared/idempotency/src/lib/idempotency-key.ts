import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { RequestValidationException } from '@switchboard/observability';
import type { IncomingMessage } from 'node:http';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency.errors';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The request's Idempotency-Key, or undefined when it has none. A present but empty key, or one
 * longer than 255 characters, is a 400 naming the header.
 */
export function readIdempotencyKey(request: IncomingMessage): string | undefined {
  const value = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  const key = (Array.isArray(value) ? value.join(', ') : value).trim();
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new RequestValidationException([
      {
        field: IDEMPOTENCY_KEY_HEADER,
        message: `${IDEMPOTENCY_KEY_HEADER} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      },
    ]);
  }
  return key;
}

/**
 * The Idempotency-Key of the request as a handler parameter (undefined without one): a create
 * endpoint derives the new aggregate's id from it with idFromIdempotencyKey, so a retry after a
 * crash addresses the same aggregate.
 */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    readIdempotencyKey(context.switchToHttp().getRequest<IncomingMessage>()),
);

/** Documents the optional Idempotency-Key header of a POST route in OpenAPI. */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description:
      'Makes the POST safe to retry: the same key with the same body returns the first answer (header Idempotent-Replayed: true) ' +
      'and applies nothing twice; with another body it is a 422; while the first request runs, a 409. 1 to 255 characters.',
  });
