import { originOfService } from '@switchboard/contracts';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { CorrelationContext, type CorrelationIds } from './correlation-context';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Header values end up in logs and event metadata: accept only plain, bounded ids.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
const ZERO_TRACE_ID = '0'.repeat(32);

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The correlation ids of an incoming request: the caller's `x-correlation-id`, else the trace id
 * of a valid `traceparent` (so logs and traces share one id), else a new UUID.
 */
export function correlationFromHeaders(headers: IncomingHttpHeaders): CorrelationIds {
  const given = header(headers, CORRELATION_ID_HEADER)?.trim();
  const traceparent = header(headers, 'traceparent')?.trim().toLowerCase();
  const traceId = traceparent ? TRACEPARENT.exec(traceparent)?.[1] : undefined;
  const validTraceId = traceId && traceId !== ZERO_TRACE_ID ? traceId : undefined;
  return {
    correlationId: given && SAFE_ID.test(given) ? given : (validTraceId ?? randomUUID()),
    traceparent: validTraceId ? traceparent : undefined,
  };
}

const correlated = new WeakSet<IncomingMessage>();

export type CorrelationMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Express-style middleware of `service` (its SERVICE_NAME): runs the rest of the request inside
 * CorrelationContext and echoes the correlation id in the response header. A request starts a
 * chain in the service's own system (`origin`); a caller cannot claim another, since an origin
 * suppresses writes to that system downstream. Idempotent per request: bootstrapService also
 * mounts it ahead of the body parser, so even a malformed body's 400 carries the id.
 */
export function correlationMiddleware(service: string): CorrelationMiddleware {
  const origin = originOfService(service);
  return (req, res, next) => {
    if (correlated.has(req)) return next();
    correlated.add(req);
    const ids = { ...correlationFromHeaders(req.headers), ...(origin ? { origin } : {}) };
    res.setHeader(CORRELATION_ID_HEADER, ids.correlationId);
    CorrelationContext.run(ids, next);
  };
}
