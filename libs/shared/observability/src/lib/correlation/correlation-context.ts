import { originOf, type OriginSystem } from '@switchboard/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The ids that tie a unit of work (an HTTP request, a consumed event) to the chain it belongs to. */
export interface CorrelationIds {
  /** Shared by everything one business action causes, across services. */
  readonly correlationId: string;
  /** The id of the message or event that caused this work, when there is one. */
  readonly causationId?: string;
  /** W3C trace context of the caller, carried even when tracing is off here. */
  readonly traceparent?: string;
  /** The system where the chain's business change started: what it causes must not be written back there. */
  readonly origin?: OriginSystem;
}

/** The fields of a CloudEvent this reads (extension attributes are lower-case by the spec). */
export interface CorrelatedCloudEvent {
  readonly id: string;
  readonly source?: unknown;
  readonly correlationid?: unknown;
  readonly traceparent?: unknown;
  readonly origin?: unknown;
}

const storage = new AsyncLocalStorage<CorrelationIds>();

/**
 * Correlation ids of the current unit of work, kept in AsyncLocalStorage so any code (loggers,
 * command handlers writing event metadata, the relay) can read them without passing them down.
 * HTTP requests get them from a middleware; messaging handlers wrap themselves in `run`.
 */
export const CorrelationContext = {
  run<T>(ids: CorrelationIds, fn: () => T): T {
    return storage.run(ids, fn);
  },

  current(): CorrelationIds | undefined {
    return storage.getStore();
  },

  /**
   * The ids for handling a received CloudEvent: the chain's correlation id (or, for the first
   * event of a chain, the event's own id), the event as the cause of what follows, and the
   * chain's origin (the event's, else its producer's system), so what it causes keeps it.
   */
  fromCloudEvent(event: CorrelatedCloudEvent): CorrelationIds {
    return {
      correlationId: typeof event.correlationid === 'string' && event.correlationid !== '' ? event.correlationid : event.id,
      causationId: event.id,
      traceparent: typeof event.traceparent === 'string' ? event.traceparent : undefined,
      origin: originOf(event),
    };
  },

  /**
   * The ids for applying a change an external system reports (a webhook, a polled change): a
   * chain that starts at the change's id and originates in that system.
   */
  fromExternalChange(origin: OriginSystem, changeId: string): CorrelationIds {
    return { correlationId: changeId, causationId: changeId, origin };
  },
};
