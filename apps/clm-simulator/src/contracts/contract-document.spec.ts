import { renderContractDocument, type SignedContract } from './contract-document';

const contract: SignedContract = {
  contractId: 'CT-100001',
  title: 'Framework agreement 2026',
  customerName: 'ACME GmbH',
  clmCustomerId: 'CC-100001',
  conditions: { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: null },
  draftedAt: new Date('2026-01-05T09:00:00.000Z'),
  signedAt: new Date('2026-01-06T15:30:00.000Z'),
  signedBy: 'Jane Doe',
};

describe('renderContractDocument', () => {
  it('renders a PDF', async () => {
    const { bytes } = await renderContractDocument(contract);

    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('gives the same bytes and sha256 for the same contract, every time', async () => {
    const [a, b] = [await renderContractDocument(contract), await renderContractDocument(contract)];

    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sha256).toBe(b.sha256);
  });

  it('gives another document for another signature', async () => {
    const other = await renderContractDocument({ ...contract, signedBy: 'John Roe' });

    expect(other.sha256).not.toBe((await renderContractDocument(contract)).sha256);
  });
});
