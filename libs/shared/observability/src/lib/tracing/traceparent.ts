import { context, propagation } from '@opentelemetry/api';
import { CorrelationContext } from '../correlation/correlation-context';

/**
 * The W3C traceparent to put on an outgoing message (the CloudEvent `traceparent` extension):
 * the active span's when tracing is on, else the one this unit of work received, so the chain
 * stays traceable through services that do not trace.
 */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? CorrelationContext.current()?.traceparent;
}

/** Runs `fn` as a continuation of the trace in `traceparent` (from a received CloudEvent). */
export function withTraceparent<T>(traceparent: string | undefined, fn: () => T): T {
  if (!traceparent) return fn();
  const traced = () => context.with(propagation.extract(context.active(), { traceparent }), fn);
  const ids = CorrelationContext.current();
  return ids ? CorrelationContext.run({ ...ids, traceparent }, traced) : traced();
}
