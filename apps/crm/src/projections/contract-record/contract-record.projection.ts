import { contractRecordEventTypes, type ContractRecordEvent } from '@switchboard/crm-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { defineProjection } from '@switchboard/projections';
import { ContractRecordView } from './contract-record-view.entity';

export const CONTRACT_RECORD_PROJECTION = 'contract-records';

/** The CRM's contract records, from the ContractRecord streams. */
export const contractRecordProjection = defineProjection<ContractRecordView, RecordedEvent>({
  name: CONTRACT_RECORD_PROJECTION,
  handles: Object.keys(contractRecordEventTypes),
  entity: ContractRecordView,
  key: (event) => (event.data as { contractId: string }).contractId,
  evolve: (row, event) => evolveContractRecordView(row, event as RecordedEvent & ContractRecordEvent),
});

export function evolveContractRecordView(row: ContractRecordView | null, event: ContractRecordEvent): ContractRecordView | null {
  if (event.type === 'ContractDraftRecorded') {
    if (row) return row;
    const { contractId, customerId, clmContractId, title, draftedAt } = event.data;
    return Object.assign(new ContractRecordView(), {
      contractId,
      customerId,
      clmContractId,
      title,
      status: 'drafted',
      draftedAt: new Date(draftedAt),
      signedAt: null,
      signedCopyRequestedAt: null,
      signedCopy: null,
      updatedAt: new Date(draftedAt),
    } satisfies ContractRecordView);
  }
  // The store keeps a contract's events in order after its draft: a missing row is a bug upstream.
  if (!row) return null;
  switch (event.type) {
    case 'ContractSigned':
      return changed(row, event.data.signedAt, { status: 'signed', signedAt: new Date(event.data.signedAt) });
    case 'SignedCopyRequested':
      return changed(row, event.data.requestedAt, { signedCopyRequestedAt: new Date(event.data.requestedAt) });
    case 'SignedCopyAttached': {
      const { documentId, sha256, size, url, attachedAt } = event.data;
      return changed(row, attachedAt, { signedCopy: { documentId, sha256, size, url, attachedAt } });
    }
    default: {
      const unexpected: never = event;
      throw new Error(`contract-records does not handle ${(unexpected as { type: string }).type}`);
    }
  }
}

function changed(row: ContractRecordView, at: string, changes: Partial<ContractRecordView>): ContractRecordView {
  return Object.assign(new ContractRecordView(), row, changes, { updatedAt: new Date(at) });
}
