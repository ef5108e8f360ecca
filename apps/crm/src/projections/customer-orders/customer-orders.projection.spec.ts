import { ORDER_ACCEPTED, ORDER_CANCELLED, ORDER_PLACED, ORDER_STATUS_CHANGED, type IntegrationEvent } from '@switchboard/contracts';
import type { CustomerOrder } from './customer-order.entity';
import { evolveCustomerOrder } from './customer-orders.projection';

const event = (type: string, data: object, sequence?: number): IntegrationEvent => ({
  id: `${type}-${sequence}`,
  source: '/order',
  type,
  subject: 'o-1',
  time: '2025-04-01T08:00:00.000Z',
  datacontenttype: 'application/json',
  correlationid: 'x',
  data: { orderId: 'o-1', customerId: 'c-1', ...data },
  ...(sequence === undefined ? {} : { sequence: String(sequence).padStart(20, '0') }),
});
const placed = (seq?: number) =>
  event(ORDER_PLACED.type, { currency: 'EUR', lines: [{ sku: 'A', quantity: 1, unitPrice: null }], placedAt: '2025-04-01T08:00:00.000Z' }, seq);
const accepted = (seq?: number) =>
  event(ORDER_ACCEPTED.type, { erpOrderNumber: 'ERP-1', lines: [], conditions: {}, acceptedAt: '2025-04-01T09:00:00.000Z' }, seq);
const changed = (to: string, erpVersion: number, seq?: number) =>
  event(ORDER_STATUS_CHANGED.type, { from: 'accepted', to, erpVersion, changedAt: `2025-04-0${erpVersion}T10:00:00.000Z` }, seq);

const given = (events: IntegrationEvent[]): CustomerOrder | null => events.reduce<CustomerOrder | null>(evolveCustomerOrder, null);

describe('customer-orders projection', () => {
  it('shows a placed order with its currency', () => {
    expect(given([placed(0)])).toEqual({
      orderId: 'o-1',
      customerId: 'c-1',
      status: 'placed',
      statusAt: new Date('2025-04-01T08:00:00.000Z'),
      statusSequence: '0',
      currency: 'EUR',
      placedAt: new Date('2025-04-01T08:00:00.000Z'),
      erpOrderNumber: null,
    });
  });

  it('follows the order to its latest status', () => {
    expect(given([placed(0), accepted(1), changed('in_fulfilment', 2, 2), changed('shipped', 3, 3)])).toMatchObject({
      status: 'shipped',
      statusSequence: '3',
      erpOrderNumber: 'ERP-1',
      currency: 'EUR',
    });
  });

  it('keeps the newest status when older events arrive after it, and still takes their facts', () => {
    const view = given([changed('shipped', 3, 3), accepted(1), placed(0), changed('in_fulfilment', 2, 2)]);

    expect(view).toMatchObject({ status: 'shipped', statusSequence: '3', statusAt: new Date('2025-04-03T10:00:00.000Z') });
    expect(view).toMatchObject({ currency: 'EUR', erpOrderNumber: 'ERP-1', placedAt: new Date('2025-04-01T08:00:00.000Z') });
  });

  it('orders events without a sequence by how far the order got', () => {
    const cancelled = event(ORDER_CANCELLED.type, { from: 'accepted', reason: 'r', cancelledAt: '2025-04-02T00:00:00.000Z' });

    expect(given([cancelled, accepted(), placed()])).toMatchObject({ status: 'cancelled', currency: 'EUR' });
  });

  it('orders an event whose sequence is not a stream revision as one without a sequence', () => {
    const shipped = { ...changed('shipped', 3), sequence: 'not-a-revision' };

    expect(given([shipped, accepted(1)])).toMatchObject({ status: 'shipped', statusSequence: null });
  });

  it('leaves the row alone for an event type it does not know', () => {
    const row = given([placed(0)]);

    expect(evolveCustomerOrder(row, event('switchboard.order.archived.v1', {}, 9))).toBe(row);
  });
});
