import { SetMetadata } from '@nestjs/common';

export const KEEPS_IDEMPOTENCY_KEY = 'switchboard:keeps-idempotency-key';

/**
 * Marks a route that honours `Idempotency-Key` by itself: it stores the key (and the request's
 * hash) with what it creates, in the same statement, and answers a repeat from that. The global
 * IdempotencyInterceptor then leaves the request alone, sparing its claim and completion, two
 * round trips and two commits per request on the route's hot path. The handler reads the key with
 * @IdempotencyKey() (a malformed key is still a 400) and throws IdempotencyKeyReused for a key
 * first used with another body.
 */
export const KeepsIdempotencyKey = (): MethodDecorator => SetMetadata(KEEPS_IDEMPOTENCY_KEY, true);
