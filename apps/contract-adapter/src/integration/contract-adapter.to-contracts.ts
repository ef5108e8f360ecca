import type { ClmCustomerSyncEvent, ContractEvent } from '@switchboard/contract-domain';
import {
  CONTRACT_CUSTOMER_CREATED,
  CONTRACT_DRAFTED,
  CONTRACT_SIGNED,
  CONTRACT_SIGNED_COPY_STORED,
  type EventContract,
} from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from '@switchboard/messaging';

/** Where a stored document is downloaded: this service's `GET /api/v1/documents/{id}`. */
export function documentUrl(publicBaseUrl: string, documentId: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/api/v1/documents/${encodeURIComponent(documentId)}`;
}

/**
 * The relay's mapper for the contract adapter's event store: Contract and ClmCustomerSync events
 * → `contract.*` integration events, copied field by field so a private field never leaks. The
 * sync's request and refusal stay private.
 */
export function contractAdapterToContracts(publicBaseUrl: string): IntegrationEventMapper {
  return (event: RecordedEvent): IntegrationEventDraft | null => {
    const domain = { type: event.type, data: event.data } as ContractEvent | ClmCustomerSyncEvent;
    switch (domain.type) {
      case 'ClmCustomerCreated': {
        const { customerId, clmCustomerId, createdAt } = domain.data;
        return draft(CONTRACT_CUSTOMER_CREATED, { customerId, clmCustomerId, createdAt });
      }
      case 'ContractDrafted': {
        const { contractId, customerId, clmContractId, title, draftedAt } = domain.data;
        return draft(CONTRACT_DRAFTED, { contractId, customerId, clmContractId, title, draftedAt });
      }
      case 'ContractSigned': {
        const { contractId, customerId, clmContractId, signedAt } = domain.data;
        return draft(CONTRACT_SIGNED, { contractId, customerId, clmContractId, signedAt });
      }
      case 'SignedCopyStored': {
        const { contractId, customerId, clmContractId, documentId, sha256, size, storedAt } = domain.data;
        return draft(CONTRACT_SIGNED_COPY_STORED, {
          contractId,
          customerId,
          clmContractId,
          documentId,
          sha256,
          size,
          url: documentUrl(publicBaseUrl, documentId),
          storedAt,
        });
      }
      default:
        return null;
    }
  };
}

function draft<Data>(contract: EventContract<Data>, data: Data): IntegrationEventDraft<Data> {
  return { type: contract.type, dataschema: contract.dataschema, data };
}
