import type { IntegrationEvent } from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';

/**
 * What a mapper returns for a public domain event: the contract's `type` and `data`, plus any
 * CloudEvents attribute it wants to set itself. The relay fills in the rest from the domain
 * event (see toIntegrationEvents).
 */
export type IntegrationEventDraft<Data = unknown> = Pick<IntegrationEvent<Data>, 'type' | 'data'> &
  Partial<Omit<IntegrationEvent<Data>, 'type' | 'data'>>;

/**
 * Domain event → integration event(s): one draft, several, or null for a private event (the
 * relay passes over it). Must be pure and deterministic: after a crash the relay maps the same
 * event again, and the ids it derives must come out the same.
 */
export type IntegrationEventMapper = (
  event: RecordedEvent,
) => IntegrationEventDraft | readonly IntegrationEventDraft[] | null;
