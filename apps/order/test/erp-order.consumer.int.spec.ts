import { ERP_ORDER_ACCEPTED, ERP_ORDER_REJECTED, ERP_ORDER_UPDATED, type ErpOrderStatusV1 } from '@switchboard/contracts';
import { getJson, postJson, waitFor, type Json } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { wonCustomer } from './support/customers';
import { startOrderApp, type OrderApp } from './support/order-app';

// The ERP adapter's answers, published to JetStream as it would, each twice and out of order.
describe('erp.order.* consumer', () => {
  let order: OrderApp;
  let customerId: string;

  beforeAll(async () => {
    order = await startOrderApp();
    customerId = await wonCustomer(order);
  });

  afterAll(async () => {
    await order?.close();
  });

  const place = async (): Promise<string> =>
    (await postJson(`${order.api}/orders`, { customerId, currency: 'EUR', lines: [{ sku: 'SKU-A', quantity: 2 }] })).body.id;

  const accepted = (orderId: string, erpOrderNumber = 'ERP-5001') =>
    integrationEvent(ERP_ORDER_ACCEPTED, orderId, {
      orderId,
      erpOrderNumber,
      lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: '11.90' }],
      conditions: { paymentTerms: 'NET30' },
      erpVersion: 1,
      acceptedAt: '2025-04-01T08:05:00.000Z',
    });
  const updated = (orderId: string, status: ErpOrderStatusV1, erpVersion: number) =>
    integrationEvent(ERP_ORDER_UPDATED, orderId, {
      orderId,
      erpOrderNumber: 'ERP-5001',
      status,
      erpVersion,
      changedAt: `2025-04-0${erpVersion}T10:00:00.000Z`,
    });

  const orderWhen = (orderId: string, done: (o: Json) => boolean, what: string) =>
    waitFor(async () => {
      const res = await getJson(`${order.api}/orders/${orderId}`);
      return res.status === 200 && done(res.body) ? res.body : undefined;
    }, { what, timeoutMs: 20_000 });
  const eventsOf = async (orderId: string): Promise<string[]> =>
    (await order.schema.pool.query('SELECT type FROM events WHERE stream_name = $1 ORDER BY stream_revision', [`order-${orderId}`])).rows.map(
      (row: { type: string }) => row.type,
    );

  it('applies acceptance and updates delivered twice and out of order exactly once, in ERP order', async () => {
    const orderId = await place();
    const acceptance = accepted(orderId);
    const inFulfilment = updated(orderId, 'in_fulfilment', 2);
    const shipped = updated(orderId, 'shipped', 3);

    // Updates overtaking the acceptance are refused and retried; every message comes twice.
    for (const event of [shipped, inFulfilment, acceptance]) await order.publish(event);
    for (const event of [shipped, acceptance, inFulfilment]) await order.publish(event, { again: true });
    const final = await orderWhen(orderId, (o) => o.status === 'shipped', 'the order shipped');

    expect(final).toMatchObject({ erpOrderNumber: 'ERP-5001', confirmedLines: [{ sku: 'SKU-A', quantity: 2, unitPrice: '11.90' }] });
    expect(final.statusHistory.map((h: { status: string }) => h.status)).toEqual(
      expect.arrayContaining(['placed', 'accepted', 'shipped']),
    );
    // Let the redeliveries and retries settle: the aggregate absorbs every repeat.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const events = await eventsOf(orderId);
    expect(events.filter((type) => type === 'OrderAccepted')).toHaveLength(1);
    // in_fulfilment (v2) is applied before shipped (v3), or ignored when shipped came first.
    expect(events.filter((type) => type === 'OrderStatusChanged').length).toBeGreaterThanOrEqual(1);
    expect(events.filter((type) => type === 'OrderStatusChanged').length).toBeLessThanOrEqual(2);
    expect(events.at(-1)).toBe('OrderStatusChanged');
  });

  it('acks and ignores an update older than the last applied ERP version', async () => {
    const orderId = await place();
    await order.publish(accepted(orderId));
    await order.publish(updated(orderId, 'shipped', 5));
    await orderWhen(orderId, (o) => o.status === 'shipped', 'the order shipped');

    await order.publish(updated(orderId, 'in_fulfilment', 4));
    await order.publish(updated(orderId, 'invoiced', 6));
    const final = await orderWhen(orderId, (o) => o.status === 'invoiced', 'the order invoiced');

    expect(final.statusHistory.map((h: { status: string }) => h.status)).toEqual(['placed', 'accepted', 'shipped', 'invoiced']);
    expect(await eventsOf(orderId)).toEqual(['OrderPlaced', 'OrderAccepted', 'OrderStatusChanged', 'OrderStatusChanged']);
  });

  it('rejects an order the ERP rejected, once, with its reason', async () => {
    const orderId = await place();
    const rejection = integrationEvent(ERP_ORDER_REJECTED, orderId, { orderId, reason: 'credit limit exceeded', rejectedAt: '2025-04-01T08:05:00.000Z' });
    await order.publish(rejection);
    await order.publish(rejection, { again: true });

    const final = await orderWhen(orderId, (o) => o.status === 'rejected', 'the order rejected');
    expect(final.statusReason).toBe('credit limit exceeded');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await eventsOf(orderId)).toEqual(['OrderPlaced', 'OrderRejected']);
  });

  it('refuses to cancel a shipped order with a 409 that gives the reason', async () => {
    const orderId = await place();
    await order.publish(accepted(orderId));
    await order.publish(updated(orderId, 'shipped', 2));
    await orderWhen(orderId, (o) => o.status === 'shipped', 'the order shipped');

    const res = await postJson(`${order.api}/orders/${orderId}/cancel`, { reason: 'too late' });

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'order.transition-refused', details: { from: 'shipped', to: 'cancelled' } });
  });
});
