import { ORDER_CANCELLED, ORDER_PLACED } from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { orderToContracts } from './order.to-contracts';

const recorded = (type: string, data: object): RecordedEvent => ({
  id: 'e-1',
  type,
  data,
  metadata: {},
  streamName: 'order-o-1',
  streamRevision: 0n,
  position: { commit: 1n, prepare: 1n },
  recordedAt: new Date('2025-04-01T08:00:00Z'),
});

describe('orderToContracts', () => {
  it('maps OrderPlaced to order.placed with its lines and schema, leaving unknown fields out', () => {
    const draft = orderToContracts(
      recorded('OrderPlaced', {
        orderId: 'o-1',
        customerId: 'c-1',
        currency: 'EUR',
        lines: [{ sku: 'A', quantity: 1, unitPrice: null, internalNote: 'x' }],
        placedAt: '2025-04-01T08:00:00.000Z',
        internal: true,
      }),
    );

    expect(draft).toEqual({
      type: ORDER_PLACED.type,
      dataschema: ORDER_PLACED.dataschema,
      data: { orderId: 'o-1', customerId: 'c-1', currency: 'EUR', lines: [{ sku: 'A', quantity: 1, unitPrice: null }], placedAt: '2025-04-01T08:00:00.000Z' },
    });
  });

  it('maps OrderCancelled to order.cancelled', () => {
    const draft = orderToContracts(
      recorded('OrderCancelled', { orderId: 'o-1', customerId: 'c-1', from: 'placed', reason: 'r', cancelledAt: '2025-04-01T09:00:00.000Z' }),
    );

    expect(draft).toMatchObject({ type: ORDER_CANCELLED.type, data: { from: 'placed', reason: 'r' } });
  });

  it('publishes nothing for an event that is not an Order event', () => {
    expect(orderToContracts(recorded('SomethingPrivate', {}))).toBeNull();
  });
});
