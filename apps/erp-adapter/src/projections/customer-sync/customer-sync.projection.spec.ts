import { evolveCustomerSync } from './customer-sync.projection';

describe('customer-sync projection', () => {
  it('shows the ERP customer number, then the conditions pushed', () => {
    const synced = evolveCustomerSync(null, {
      type: 'ErpCustomerCreated',
      data: { customerId: 'c-1', erpCustomerNumber: 'C-1', sent: { name: 'ACME', email: 'a@acme.example', country: 'DE', vatId: null, address: null }, createdAt: '2026-01-02T08:00:00.000Z' },
    });
    const conditions = { contractId: 'CT-1', paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: null };
    const withConditions = evolveCustomerSync(synced, {
      type: 'ErpCustomerConditionsPushed',
      data: { customerId: 'c-1', erpCustomerNumber: 'C-1', conditions, pushedAt: '2026-01-03T08:00:00.000Z' },
    });
    expect(withConditions).toMatchObject({ customerId: 'c-1', status: 'synced', erpCustomerNumber: 'C-1', refusal: null, conditions });
  });

  it('shows the ERP refusing the customer', () => {
    const row = evolveCustomerSync(null, {
      type: 'ErpCustomerCreationRefused',
      data: { customerId: 'c-1', httpStatus: 400, reason: 'email must be an email', refusedAt: '2026-01-02T08:00:00.000Z' },
    });
    expect(row).toMatchObject({ status: 'refused', erpCustomerNumber: null, refusal: { httpStatus: 400, reason: 'email must be an email' } });
  });
});
