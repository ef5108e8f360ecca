import type { ErpOrderSyncEvent } from '@switchboard/erp-domain';
import { evolveOrderSync } from './order-sync.projection';

const accepted: ErpOrderSyncEvent = {
  type: 'ErpOrderAccepted',
  data: {
    orderId: 'o-1',
    customerId: 'c-1',
    erpCustomerNumber: 'C-1',
    erpOrderNumber: 'SO-1',
    lines: [{ sku: 'A', quantity: 1, unitPrice: '9.99' }],
    conditions: { paymentTerms: 'NET30' },
    erpVersion: 1,
    acceptedAt: '2026-01-02T08:00:00.000Z',
  },
};

describe('order-sync projection', () => {
  it('shows an accepted order, then each ERP change with the channel that brought it', () => {
    const row = evolveOrderSync(null, accepted);
    const shipped = evolveOrderSync(row, {
      type: 'ErpOrderChanged',
      data: { orderId: 'o-1', erpOrderNumber: 'SO-1', status: 'shipped', erpVersion: 3, changeId: '7', origin: 'polling', changedAt: '2026-01-03T08:00:00.000Z' },
    });
    expect(shipped).toMatchObject({
      orderId: 'o-1',
      status: 'shipped',
      erpOrderNumber: 'SO-1',
      erpVersion: 3,
      confirmedLines: [{ sku: 'A', quantity: 1, unitPrice: '9.99' }],
      changes: [{ status: 'shipped', erpVersion: 3, changeId: '7', origin: 'polling', at: '2026-01-03T08:00:00.000Z' }],
      updatedAt: new Date('2026-01-03T08:00:00.000Z'),
    });
  });

  it('shows a rejected order with its reason', () => {
    const row = evolveOrderSync(null, {
      type: 'ErpOrderRejected',
      data: { orderId: 'o-1', customerId: 'c-1', erpCustomerNumber: 'C-1', reason: 'unknown SKU', rejectedAt: '2026-01-02T08:00:00.000Z' },
    });
    expect(row).toMatchObject({ status: 'rejected', rejectionReason: 'unknown SKU', erpOrderNumber: null, changes: [] });
  });
});
