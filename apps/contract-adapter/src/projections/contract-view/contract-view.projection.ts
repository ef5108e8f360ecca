import { contractEventTypes, type ContractEvent } from '@switchboard/contract-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { defineProjection } from '@switchboard/projections';
import { ContractView } from './contract-view.entity';

export const CONTRACT_VIEW_PROJECTION = 'contract-view';

/** The contract read model, fed from the service's own event store. */
export const contractViewProjection = defineProjection<ContractView, RecordedEvent>({
  name: CONTRACT_VIEW_PROJECTION,
  handles: Object.keys(contractEventTypes),
  entity: ContractView,
  key: (event) => (event.data as { contractId: string }).contractId,
  evolve: (row, event) => evolveContractView(row, event as RecordedEvent & ContractEvent),
});

export function evolveContractView(row: ContractView | null, event: ContractEvent): ContractView | null {
  if (event.type === 'ContractDrafted') {
    if (row) return row;
    const { contractId, clmContractId, customerId, clmCustomerId, title, conditions, draftedAt } = event.data;
    return Object.assign(new ContractView(), {
      contractId,
      clmContractId,
      customerId,
      clmCustomerId,
      title,
      status: 'drafted',
      conditions: { ...conditions },
      draftedAt: new Date(draftedAt),
      signedAt: null,
      signedBy: null,
      documentId: null,
      documentSha256: null,
      documentSize: null,
      updatedAt: new Date(draftedAt),
    } satisfies ContractView);
  }
  // A contract's stream starts with ContractDrafted: a missing row is a bug upstream.
  if (!row) return null;
  switch (event.type) {
    case 'ContractSigned': {
      const { conditions, signedAt, signedBy } = event.data;
      return Object.assign(new ContractView(), row, {
        status: 'signed',
        conditions: { ...conditions },
        signedAt: new Date(signedAt),
        signedBy,
        updatedAt: new Date(signedAt),
      });
    }
    case 'SignedCopyStored': {
      const { documentId, sha256, size, storedAt } = event.data;
      return Object.assign(new ContractView(), row, {
        status: 'signed-copy-stored',
        documentId,
        documentSha256: sha256,
        documentSize: size,
        updatedAt: new Date(storedAt),
      });
    }
    default: {
      const unexpected: never = event;
      throw new Error(`contract-view does not handle ${(unexpected as { type: string }).type}`);
    }
  }
}
