import { ERP_CUSTOMER_CREATED, ERP_ORDER_ACCEPTED, ERP_ORDER_REJECTED, ERP_ORDER_UPDATED } from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { erpToContracts } from './erp.to-contracts';

const recorded = (type: string, data: object): RecordedEvent => ({
  id: 'e-1',
  type,
  data,
  metadata: {},
  streamName: 'erpOrderSync-o-1',
  streamRevision: 0n,
  position: { commit: 1n, prepare: 1n },
  recordedAt: new Date('2026-01-02T08:00:00Z'),
});

describe('erpToContracts', () => {
  it('maps ErpCustomerCreated to erp.customer.created without what was sent', () => {
    const draft = erpToContracts(
      recorded('ErpCustomerCreated', { customerId: 'c-1', erpCustomerNumber: 'C-1', sent: { name: 'ACME' }, createdAt: '2026-01-02T08:00:00.000Z' }),
    );
    expect(draft).toEqual({
      type: ERP_CUSTOMER_CREATED.type,
      dataschema: ERP_CUSTOMER_CREATED.dataschema,
      data: { customerId: 'c-1', erpCustomerNumber: 'C-1', createdAt: '2026-01-02T08:00:00.000Z' },
    });
  });

  it('maps ErpOrderAccepted to erp.order.accepted with the confirmed lines, conditions and version', () => {
    const draft = erpToContracts(
      recorded('ErpOrderAccepted', {
        orderId: 'o-1',
        customerId: 'c-1',
        erpCustomerNumber: 'C-1',
        erpOrderNumber: 'SO-1',
        lines: [{ sku: 'A', quantity: 1, unitPrice: '9.99' }],
        conditions: { paymentTerms: 'NET30' },
        erpVersion: 1,
        acceptedAt: '2026-01-02T08:00:00.000Z',
      }),
    );
    expect(draft).toEqual({
      type: ERP_ORDER_ACCEPTED.type,
      dataschema: ERP_ORDER_ACCEPTED.dataschema,
      data: { orderId: 'o-1', erpOrderNumber: 'SO-1', lines: [{ sku: 'A', quantity: 1, unitPrice: '9.99' }], conditions: { paymentTerms: 'NET30' }, erpVersion: 1, acceptedAt: '2026-01-02T08:00:00.000Z' },
    });
  });

  it('maps ErpOrderRejected to erp.order.rejected with the reason', () => {
    expect(erpToContracts(recorded('ErpOrderRejected', { orderId: 'o-1', customerId: 'c-1', erpCustomerNumber: 'C-1', reason: 'r', rejectedAt: '2026-01-02T08:00:00.000Z' }))).toMatchObject({
      type: ERP_ORDER_REJECTED.type,
      data: { orderId: 'o-1', reason: 'r', rejectedAt: '2026-01-02T08:00:00.000Z' },
    });
  });

  it('maps ErpOrderChanged to erp.order.updated with an id derived from the ERP order and version, whatever the channel', () => {
    const change = { orderId: 'o-1', erpOrderNumber: 'SO-1', status: 'shipped', erpVersion: 3, changeId: '17', changedAt: '2026-01-03T08:00:00.000Z' };
    const byWebhook = erpToContracts(recorded('ErpOrderChanged', { ...change, origin: 'webhook' }));
    const byPolling = erpToContracts({ ...recorded('ErpOrderChanged', { ...change, origin: 'polling' }), id: 'e-2' });
    expect(byWebhook).toEqual({
      id: 'erp-order-change:SO-1:3',
      type: ERP_ORDER_UPDATED.type,
      dataschema: ERP_ORDER_UPDATED.dataschema,
      data: { orderId: 'o-1', erpOrderNumber: 'SO-1', status: 'shipped', erpVersion: 3, changedAt: '2026-01-03T08:00:00.000Z' },
    });
    expect(byPolling).toEqual(byWebhook);
  });

  it('publishes nothing for refusals, pushed conditions and foreign events', () => {
    expect(erpToContracts(recorded('ErpCustomerCreationRefused', {}))).toBeNull();
    expect(erpToContracts(recorded('ErpCustomerConditionsPushed', {}))).toBeNull();
    expect(erpToContracts(recorded('SomethingPrivate', {}))).toBeNull();
  });
});
