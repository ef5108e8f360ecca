import type { ContractRecordEvent } from '@switchboard/crm-domain';
import type { ContractRecordView } from './contract-record-view.entity';
import { evolveContractRecordView } from './contract-record.projection';

const drafted: ContractRecordEvent = {
  type: 'ContractDraftRecorded',
  data: { contractId: 'k-1', customerId: 'c-1', clmContractId: 'CLM-9', title: 'Master agreement', draftedAt: '2025-04-01T08:00:00.000Z' },
};
const signed: ContractRecordEvent = { type: 'ContractSigned', data: { contractId: 'k-1', customerId: 'c-1', signedAt: '2025-04-04T08:00:00.000Z' } };
const requested: ContractRecordEvent = {
  type: 'SignedCopyRequested',
  data: { contractId: 'k-1', customerId: 'c-1', clmContractId: 'CLM-9', requestedAt: '2025-04-04T08:00:01.000Z' },
};
const copy = { documentId: 'doc-1', sha256: 'a'.repeat(64), size: 1024, url: 'https://docs.example/doc-1', attachedAt: '2025-04-04T08:01:00.000Z' };
const attached: ContractRecordEvent = { type: 'SignedCopyAttached', data: { contractId: 'k-1', customerId: 'c-1', ...copy } };

const given = (events: ContractRecordEvent[]): ContractRecordView | null => events.reduce<ContractRecordView | null>(evolveContractRecordView, null);

describe('contract-records projection', () => {
  it('records a draft for its customer', () => {
    expect(given([drafted])).toMatchObject({
      contractId: 'k-1',
      customerId: 'c-1',
      clmContractId: 'CLM-9',
      title: 'Master agreement',
      status: 'drafted',
      signedAt: null,
      signedCopy: null,
    });
  });

  it('shows a signed contract with the time its copy was requested and the copy once attached', () => {
    expect(given([drafted, signed, requested, attached])).toMatchObject({
      status: 'signed',
      signedAt: new Date('2025-04-04T08:00:00.000Z'),
      signedCopyRequestedAt: new Date('2025-04-04T08:00:01.000Z'),
      signedCopy: copy,
      updatedAt: new Date('2025-04-04T08:01:00.000Z'),
    });
  });

  it('ignores events of a contract it has no record of', () => {
    expect(given([signed])).toBeNull();
  });
});
