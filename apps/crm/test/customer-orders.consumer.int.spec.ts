import { ORDER_ACCEPTED, ORDER_CANCELLED, ORDER_PLACED, ORDER_STATUS_CHANGED } from '@switchboard/contracts';
import { getJson, waitFor, type Json } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { randomUUID } from 'node:crypto';
import { startCrmApp, type CrmApp } from './support/crm-app';
import { wonCustomer } from './support/customers';

// The order service's order.* events as its relay publishes them (with the stream revision as
// `sequence`), each twice and out of order: the 360 view shows every order's latest status.
describe('order.* consumer → the 360 view’s orders', () => {
  let crm: CrmApp;
  let customerId: string;

  beforeAll(async () => {
    crm = await startCrmApp();
    customerId = await wonCustomer(crm);
  });

  afterAll(async () => {
    await crm?.close();
  });

  const orderEvents = (orderId: string) => {
    const ids = { orderId, customerId };
    return {
      placed: integrationEvent(ORDER_PLACED, orderId, { ...ids, currency: 'EUR', lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: null }], placedAt: '2025-04-01T08:00:00.000Z' }, { sequence: 0 }),
      accepted: integrationEvent(
        ORDER_ACCEPTED,
        orderId,
        { ...ids, erpOrderNumber: 'ERP-O-9', lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: '9.90' }], conditions: {}, acceptedAt: '2025-04-01T09:00:00.000Z' },
        { sequence: 1 },
      ),
      inFulfilment: integrationEvent(
        ORDER_STATUS_CHANGED,
        orderId,
        { ...ids, from: 'accepted', to: 'in_fulfilment', erpVersion: 2, changedAt: '2025-04-02T10:00:00.000Z' },
        { sequence: 2 },
      ),
      shipped: integrationEvent(
        ORDER_STATUS_CHANGED,
        orderId,
        { ...ids, from: 'in_fulfilment', to: 'shipped', erpVersion: 3, changedAt: '2025-04-03T10:00:00.000Z' },
        { sequence: 3 },
      ),
    };
  };
  const ordersWhen = (done: (orders: Json[]) => boolean, what: string) =>
    waitFor(async () => {
      const res = await getJson(`${crm.api}/customers/${customerId}`);
      return res.status === 200 && done(res.body.orders) ? (res.body.orders as Json[]) : undefined;
    }, { what, timeoutMs: 20_000 });
  const inboxCount = async (eventIds: string[]) =>
    (await crm.schema.pool.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'customer-orders' AND event_id = ANY($1)`, [eventIds])).rows[0].n;

  it('shows the latest status when the events come twice and the older ones after the newer', async () => {
    const orderId = randomUUID();
    const { placed, accepted, inFulfilment, shipped } = orderEvents(orderId);
    for (const event of [shipped, accepted, placed, inFulfilment]) await crm.publish(event);
    for (const event of [inFulfilment, placed, shipped, accepted]) await crm.publish(event, { again: true });

    await waitFor(async () => (await inboxCount([placed.id, accepted.id, inFulfilment.id, shipped.id])) === 4, { what: 'all four applied' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const orders = await ordersWhen((o) => o.some((order) => order.id === orderId), 'the order in the view');
    expect(orders.find((order) => order.id === orderId)).toEqual({
      id: orderId,
      status: 'shipped',
      statusAt: '2025-04-03T10:00:00.000Z',
      currency: 'EUR',
      erpOrderNumber: 'ERP-O-9',
      placedAt: '2025-04-01T08:00:00.000Z',
    });
    // Ordered by the relay's sequence (the order stream revision), carried through JetStream.
    const row = await crm.schema.pool.query('SELECT status_sequence FROM customer_orders WHERE order_id = $1', [orderId]);
    expect(row.rows[0].status_sequence).toBe('3');
  });

  it('follows an order in order to its cancellation, one row per order', async () => {
    const orderId = randomUUID();
    const { placed, accepted } = orderEvents(orderId);
    const cancelled = integrationEvent(
      ORDER_CANCELLED,
      orderId,
      { orderId, customerId, from: 'accepted', reason: 'changed plans', cancelledAt: '2025-04-05T08:00:00.000Z' },
      { sequence: 2 },
    );
    for (const event of [placed, accepted, cancelled]) await crm.publish(event);
    await crm.publish(accepted, { again: true });

    const orders = await ordersWhen((o) => o.some((order) => order.id === orderId && order.status === 'cancelled'), 'the order cancelled');
    expect(orders.filter((order) => order.id === orderId)).toHaveLength(1);
    await waitFor(async () => (await inboxCount([placed.id, accepted.id, cancelled.id])) === 3, { what: 'all three applied' });
    const again = await getJson(`${crm.api}/customers/${customerId}`);
    expect(again.body.orders.find((order: Json) => order.id === orderId).status).toBe('cancelled');
  });
});
