import { applyDecorators, SetMetadata, UseFilters, UseInterceptors } from '@nestjs/common';
import { ReadYourWritesExceptionFilter } from './read-your-writes.exception-filter';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { READ_YOUR_WRITES, type ReadYourWritesConfig } from './read-your-writes.metadata';

export interface ReadYourWritesOptions {
  /** How long a request may wait for the projections; default 2000 ms. */
  timeoutMs?: number;
}

/**
 * On a query handler: when the request has `?minPosition=<commit>.<prepare>` (the position a
 * command answered with), wait until these projections have reached it before running the
 * handler. Still behind at the timeout: 503 problem+json with Retry-After: 1 (the data exists but
 * is not readable yet, a temporary condition worth retrying). Malformed minPosition: 400 naming
 * the field. Without minPosition the query runs at once.
 */
export function ReadYourWrites(projections: string | readonly string[], options: ReadYourWritesOptions = {}) {
  const config: ReadYourWritesConfig = {
    projections: typeof projections === 'string' ? [projections] : projections,
    timeoutMs: options.timeoutMs ?? 2000,
  };
  return applyDecorators(
    SetMetadata(READ_YOUR_WRITES, config),
    UseInterceptors(ReadYourWritesInterceptor),
    UseFilters(ReadYourWritesExceptionFilter),
  );
}
