import { isOriginSystem, originOf, type IntegrationEvent } from '@switchboard/contracts';
import { parseStreamName, type RecordedEvent } from '@switchboard/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from './integration-event-mapper';

/**
 * An integration event as the relay publishes it: with the CloudEvents `sequence` extension set
 * to the aggregate's stream revision, zero-padded to 20 digits so it orders as text too (the
 * extension requires a lexicographically orderable string). Consumers compare it to detect a
 * reordered or missed event of the same aggregate.
 */
export type RelayedIntegrationEvent<Data = unknown> = IntegrationEvent<Data> & { readonly sequence: string };

/**
 * Maps a domain event and completes each draft from it, so that republishing the same event
 * yields byte-for-byte the same messages:
 * - `id`: the domain event id (JetStream's Nats-Msg-Id and consumers' inbox key); with several
 *   drafts, `<event id>:<index>` unless the mapper sets ids;
 * - `source`: `/<service>`; `subject`: the id part of the stream name (`order-42` → `42`);
 * - `time`: when the event was recorded;
 * - `correlationid`, `causationid`, `traceparent`: from the event's metadata (correlation
 *   defaults to the event id: a chain starts here);
 * - `origin`: the metadata's origin (where the chain's change started), else the service's own
 *   system (from its source); none for a service that stands for no system.
 */
export function toIntegrationEvents(
  event: RecordedEvent,
  map: IntegrationEventMapper,
  service: string,
): RelayedIntegrationEvent[] {
  const mapped = map(event);
  if (mapped === null) return [];
  const drafts: readonly IntegrationEventDraft[] = Array.isArray(mapped) ? mapped : [mapped as IntegrationEventDraft];
  const { correlationId, causationId, traceparent, origin } = event.metadata;
  return drafts.map((draft, index) => {
    const causation = draft.causationid ?? causationId;
    const trace = draft.traceparent ?? traceparent;
    const source = draft.source ?? `/${service}`;
    const chainOrigin = draft.origin ?? (isOriginSystem(origin) ? origin : originOf({ source }));
    return {
      id: draft.id ?? (drafts.length === 1 ? event.id : `${event.id}:${index}`),
      source,
      type: draft.type,
      subject: draft.subject ?? aggregateIdOf(event.streamName),
      time: draft.time ?? event.recordedAt.toISOString(),
      datacontenttype: 'application/json',
      ...(draft.dataschema === undefined ? {} : { dataschema: draft.dataschema }),
      correlationid: draft.correlationid ?? correlationId ?? event.id,
      ...(typeof causation === 'string' ? { causationid: causation } : {}),
      ...(typeof trace === 'string' ? { traceparent: trace } : {}),
      ...(chainOrigin === undefined ? {} : { origin: chainOrigin }),
      sequence: event.streamRevision.toString().padStart(20, '0'),
      data: draft.data,
    };
  });
}

function aggregateIdOf(streamName: string): string {
  try {
    return parseStreamName(streamName).id;
  } catch {
    return streamName;
  }
}
