import { CRM_SIGNED_COPY_REQUESTED } from '@switchboard/contracts';
import type { ContractRecordEvent } from '@switchboard/crm-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { IntegrationEventDraft } from '@switchboard/messaging';

/**
 * ContractRecord domain events → integration events, for the relay: only the request for the
 * signed copy is public (the rest mirrors what the contract adapter itself published).
 */
export function contractRecordToContracts(event: RecordedEvent): IntegrationEventDraft | null {
  const domain = { type: event.type, data: event.data } as ContractRecordEvent;
  if (domain.type !== 'SignedCopyRequested') return null;
  const { contractId, customerId, clmContractId, requestedAt } = domain.data;
  return {
    type: CRM_SIGNED_COPY_REQUESTED.type,
    dataschema: CRM_SIGNED_COPY_REQUESTED.dataschema,
    data: { contractId, customerId, clmContractId, requestedAt },
  };
}
