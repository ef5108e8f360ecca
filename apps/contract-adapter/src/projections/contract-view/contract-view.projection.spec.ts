import type { ContractEvent } from '@switchboard/contract-domain';
import { evolveContractView } from './contract-view.projection';

const conditions = { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: null };
const drafted: ContractEvent = {
  type: 'ContractDrafted',
  data: { contractId: 'CT-1', clmContractId: 'CT-1', customerId: 'c-1', clmCustomerId: 'CC-1', title: 'T', conditions, draftedAt: '2026-01-01T00:00:00.000Z' },
};
const signed: ContractEvent = {
  type: 'ContractSigned',
  data: { contractId: 'CT-1', clmContractId: 'CT-1', customerId: 'c-1', conditions: { ...conditions, discountPercent: 7 }, signedAt: '2026-01-02T00:00:00.000Z', signedBy: 'Jane' },
};
const copyStored: ContractEvent = {
  type: 'SignedCopyStored',
  data: { contractId: 'CT-1', clmContractId: 'CT-1', customerId: 'c-1', documentId: 'd'.repeat(64), sha256: 'd'.repeat(64), size: 42, contentType: 'application/pdf', storedAt: '2026-01-02T00:00:01.000Z' },
};

describe('contract-view projection', () => {
  it('shows a drafted contract', () => {
    expect(evolveContractView(null, drafted)).toMatchObject({ contractId: 'CT-1', customerId: 'c-1', clmCustomerId: 'CC-1', status: 'drafted', conditions, signedAt: null, documentId: null });
  });

  it('shows the signature with the conditions as signed, then the stored copy', () => {
    const afterSignature = evolveContractView(evolveContractView(null, drafted), signed);
    expect(afterSignature).toMatchObject({ status: 'signed', conditions: { discountPercent: 7 }, signedAt: new Date('2026-01-02T00:00:00.000Z'), signedBy: 'Jane' });
    expect(evolveContractView(afterSignature, copyStored)).toMatchObject({ status: 'signed-copy-stored', documentId: 'd'.repeat(64), documentSha256: 'd'.repeat(64), documentSize: 42 });
  });

  it('keeps the row when a draft is projected again', () => {
    const row = evolveContractView(evolveContractView(null, drafted), signed);
    expect(evolveContractView(row, drafted)).toBe(row);
  });

  it('projects nothing for a later event without its draft', () => {
    expect(evolveContractView(null, signed)).toBeNull();
  });
});
