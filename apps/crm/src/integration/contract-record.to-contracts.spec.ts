import { CRM_SIGNED_COPY_REQUESTED } from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { crmToContracts } from './crm.to-contracts';

const recorded = (type: string, data: object): RecordedEvent => ({
  id: 'e-2',
  type,
  data,
  metadata: {},
  streamName: 'contractRecord-k-1',
  streamRevision: 2n,
  position: { commit: 2n, prepare: 2n },
  recordedAt: new Date('2025-04-01T08:00:00Z'),
});

describe('contract record events → crm.signed-copy.requested', () => {
  it('maps SignedCopyRequested to crm.signed-copy.requested', () => {
    const draft = crmToContracts(
      recorded('SignedCopyRequested', { contractId: 'k-1', customerId: 'c-1', clmContractId: 'CLM-9', requestedAt: '2025-04-05T08:00:00.000Z' }),
    );

    expect(draft).toEqual({
      type: CRM_SIGNED_COPY_REQUESTED.type,
      dataschema: CRM_SIGNED_COPY_REQUESTED.dataschema,
      data: { contractId: 'k-1', customerId: 'c-1', clmContractId: 'CLM-9', requestedAt: '2025-04-05T08:00:00.000Z' },
    });
  });

  it.each(['ContractDraftRecorded', 'ContractSigned', 'SignedCopyAttached'])('publishes nothing for %s (the contract adapter published it)', (type) => {
    expect(crmToContracts(recorded(type, { contractId: 'k-1', customerId: 'c-1' }))).toBeNull();
  });
});
