import type { ClmCustomerSyncEvent, ContractEvent } from '@switchboard/contract-domain';
import { CONTRACT_CUSTOMER_CREATED, CONTRACT_DRAFTED, CONTRACT_SIGNED, CONTRACT_SIGNED_COPY_STORED } from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { contractAdapterToContracts, documentUrl } from './contract-adapter.to-contracts';

const map = contractAdapterToContracts('https://contracts.example.com/');
const recorded = (event: ContractEvent | ClmCustomerSyncEvent): RecordedEvent =>
  ({ ...event, id: 'e-1', streamName: 'contract-CT-1', streamRevision: 0n, recordedAt: new Date(), metadata: {} }) as unknown as RecordedEvent;
const conditions = { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: null };
const sha256 = 'c'.repeat(64);

describe('contract adapter events → contract.* integration events', () => {
  it('reports a created CLM customer as contract.customer.created', () => {
    expect(map(recorded({ type: 'ClmCustomerCreated', data: { customerId: 'c-1', clmCustomerId: 'CC-1', name: 'ACME', email: 'a@b.c', createdAt: '2026-01-01T00:00:00.000Z' } }))).toEqual({
      type: CONTRACT_CUSTOMER_CREATED.type,
      dataschema: CONTRACT_CUSTOMER_CREATED.dataschema,
      data: { customerId: 'c-1', clmCustomerId: 'CC-1', createdAt: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('keeps the sync request and a refusal private', () => {
    expect(map(recorded({ type: 'ClmCustomerRequested', data: { customerId: 'c-1', idempotencyKey: 'k', requestedAt: '2026-01-01T00:00:00.000Z' } }))).toBeNull();
    expect(map(recorded({ type: 'ClmCustomerRefused', data: { customerId: 'c-1', status: 422, reason: 'no', refusedAt: '2026-01-01T00:00:00.000Z' } }))).toBeNull();
  });

  it('reports a draft without the CLM customer id and conditions the contract does not define', () => {
    const drafted = recorded({
      type: 'ContractDrafted',
      data: { contractId: 'CT-1', clmContractId: 'CT-1', customerId: 'c-1', clmCustomerId: 'CC-1', title: 'T', conditions, draftedAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(map(drafted)).toEqual({
      type: CONTRACT_DRAFTED.type,
      dataschema: CONTRACT_DRAFTED.dataschema,
      data: { contractId: 'CT-1', customerId: 'c-1', clmContractId: 'CT-1', title: 'T', draftedAt: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('reports a signature', () => {
    const signed = recorded({
      type: 'ContractSigned',
      data: { contractId: 'CT-1', clmContractId: 'CT-1', customerId: 'c-1', conditions, signedAt: '2026-01-02T00:00:00.000Z', signedBy: 'Jane' },
    });
    expect(map(signed)).toEqual({
      type: CONTRACT_SIGNED.type,
      dataschema: CONTRACT_SIGNED.dataschema,
      data: { contractId: 'CT-1', customerId: 'c-1', clmContractId: 'CT-1', signedAt: '2026-01-02T00:00:00.000Z' },
    });
  });

  it('reports a stored copy with its download URL on this service', () => {
    const stored = recorded({
      type: 'SignedCopyStored',
      data: { contractId: 'CT-1', clmContractId: 'CT-1', customerId: 'c-1', documentId: sha256, sha256, size: 10, contentType: 'application/pdf', storedAt: '2026-01-02T00:00:01.000Z' },
    });
    expect(map(stored)).toEqual({
      type: CONTRACT_SIGNED_COPY_STORED.type,
      dataschema: CONTRACT_SIGNED_COPY_STORED.dataschema,
      data: {
        contractId: 'CT-1',
        customerId: 'c-1',
        clmContractId: 'CT-1',
        documentId: sha256,
        sha256,
        size: 10,
        url: `https://contracts.example.com/api/v1/documents/${sha256}`,
        storedAt: '2026-01-02T00:00:01.000Z',
      },
    });
  });

  it('builds the download URL with or without a trailing slash on the base', () => {
    expect(documentUrl('http://h:3004', 'abc')).toBe('http://h:3004/api/v1/documents/abc');
    expect(documentUrl('http://h:3004/', 'abc')).toBe('http://h:3004/api/v1/documents/abc');
  });
});
