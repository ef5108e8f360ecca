import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { IntegrationEventDraft } from '@switchboard/messaging';
import { contractRecordToContracts } from './contract-record.to-contracts';
import { customerToContracts } from './customer.to-contracts';

/** The relay's one mapper for the CRM's event store: each aggregate's mapper passes over the other's events. */
export function crmToContracts(event: RecordedEvent): IntegrationEventDraft | null {
  return customerToContracts(event) ?? contractRecordToContracts(event);
}
