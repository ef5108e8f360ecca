import type { OrderEvent } from '@switchboard/order-domain';
import { evolveOrderSummary } from './order-summary.projection';
import type { OrderSummary } from './order-summary.entity';

const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: { orderId: 'o-1', customerId: 'c-1', currency: 'EUR', lines: [{ sku: 'A', quantity: 2, unitPrice: null }], placedAt: '2025-04-01T08:00:00.000Z' },
};
const accepted: OrderEvent = {
  type: 'OrderAccepted',
  data: {
    orderId: 'o-1',
    customerId: 'c-1',
    erpOrderNumber: 'ERP-1',
    lines: [{ sku: 'A', quantity: 2, unitPrice: '9.90' }],
    conditions: { paymentTerms: 'NET30' },
    acceptedAt: '2025-04-01T08:05:00.000Z',
  },
};
const shipped: OrderEvent = {
  type: 'OrderStatusChanged',
  data: { orderId: 'o-1', customerId: 'c-1', from: 'accepted', to: 'shipped', erpVersion: 3, changedAt: '2025-04-02T10:00:00.000Z' },
};

const given = (events: OrderEvent[]): OrderSummary | null => events.reduce<OrderSummary | null>(evolveOrderSummary, null);

describe('order-summary projection', () => {
  it('shows a placed order with its lines and the first history entry', () => {
    expect(given([placed])).toMatchObject({
      orderId: 'o-1',
      status: 'placed',
      lines: [{ sku: 'A', quantity: 2, unitPrice: null }],
      statusHistory: [{ status: 'placed', at: '2025-04-01T08:00:00.000Z' }],
      erpOrderNumber: null,
    });
  });

  it('adds the ERP number, confirmed lines and every status change with its time', () => {
    expect(given([placed, accepted, shipped])).toMatchObject({
      status: 'shipped',
      erpOrderNumber: 'ERP-1',
      confirmedLines: [{ sku: 'A', quantity: 2, unitPrice: '9.90' }],
      conditions: { paymentTerms: 'NET30' },
      erpVersion: 3,
      statusHistory: [
        { status: 'placed', at: '2025-04-01T08:00:00.000Z' },
        { status: 'accepted', at: '2025-04-01T08:05:00.000Z' },
        { status: 'shipped', at: '2025-04-02T10:00:00.000Z' },
      ],
      updatedAt: new Date('2025-04-02T10:00:00.000Z'),
    });
  });

  it('keeps the reason of a cancellation', () => {
    const cancelled: OrderEvent = {
      type: 'OrderCancelled',
      data: { orderId: 'o-1', customerId: 'c-1', from: 'placed', reason: 'no longer needed', cancelledAt: '2025-04-01T09:00:00.000Z' },
    };

    expect(given([placed, cancelled])).toMatchObject({ status: 'cancelled', statusReason: 'no longer needed' });
  });
});
