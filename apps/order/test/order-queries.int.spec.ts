import { getJson, postJson } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { wonCustomer } from './support/customers';
import { startOrderApp, type OrderApp } from './support/order-app';

describe('order queries and cancellation', () => {
  let order: OrderApp;
  let customerId: string;
  let otherCustomerId: string;
  const placed: string[] = [];
  let lastPosition = '';

  beforeAll(async () => {
    order = await startOrderApp();
    customerId = await wonCustomer(order);
    otherCustomerId = await wonCustomer(order);
    for (let i = 0; i < 5; i++) {
      const res = await postJson(`${order.api}/orders`, { customerId, currency: 'EUR', lines: [{ sku: `SKU-${i}`, quantity: i + 1 }] });
      placed.push(res.body.id);
      lastPosition = res.body.position;
    }
    lastPosition = (await postJson(`${order.api}/orders`, { customerId: otherCustomerId, currency: 'USD', lines: [{ sku: 'X', quantity: 1 }] })).body.position;
  });

  afterAll(async () => {
    await order?.close();
  });

  it('pages through a customer’s orders newest first with an opaque cursor, each order once', async () => {
    const first = await getJson(`${order.api}/orders?customerId=${customerId}&limit=2&minPosition=${lastPosition}`);
    const second = await getJson(`${order.api}/orders?customerId=${customerId}&limit=2&cursor=${first.body.nextCursor}`);
    const third = await getJson(`${order.api}/orders?customerId=${customerId}&limit=2&cursor=${second.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items, ...third.body.items].map((o: { id: string }) => o.id);

    expect(first.status).toBe(200);
    expect(ids.sort()).toEqual([...placed].sort());
    expect(third.body.nextCursor).toBeNull();
    expect(first.body.items.every((o: { customerId: string }) => o.customerId === customerId)).toBe(true);
  });

  it('filters by status', async () => {
    const cancelled = await postJson(`${order.api}/orders/${placed[0]}/cancel`, { reason: 'changed my mind' });
    const res = await getJson(`${order.api}/orders?status=cancelled&minPosition=${cancelled.body.position}`);

    expect(cancelled.status).toBe(200);
    expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([placed[0]]);
    expect(res.body.items[0]).toMatchObject({ statusReason: 'changed my mind', statusHistory: [{ status: 'placed' }, { status: 'cancelled' }] });
  });

  it('answers a repeated cancellation with success and no second event', async () => {
    const again = await postJson(`${order.api}/orders/${placed[0]}/cancel`, { reason: 'changed my mind' });
    const events = await order.schema.pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_name = $1 AND type = 'OrderCancelled'`, [
      `order-${placed[0]}`,
    ]);

    expect(again.status).toBe(200);
    expect(events.rows[0].n).toBe(1);
  });

  it('answers an unknown order with 404 on read and on cancel', async () => {
    const read = await getJson(`${order.api}/orders/${randomUUID()}`);
    const cancel = await postJson(`${order.api}/orders/${randomUUID()}/cancel`, { reason: 'x' });

    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ code: 'order.not-found' });
    expect(cancel.status).toBe(404);
  });

  it.each([
    ['a NUL byte', '%00'],
    ['5000 characters', 'a'.repeat(5000)],
  ])('answers an id with %s with a 400 naming it, on read and on cancel, never a 500', async (_why, id) => {
    const responses = await Promise.all([getJson(`${order.api}/orders/${id}`), postJson(`${order.api}/orders/${id}/cancel`, { reason: 'x' })]);

    for (const res of responses) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    }
  });

  it.each([
    ['an unknown status', 'status=lost', 'status'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit that is not a number', 'limit=ten', 'limit'],
    ['a cursor it never handed out', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['an unknown parameter', 'colour=red', 'colour'],
    ['a malformed minPosition', 'minPosition=yesterday', 'minPosition'],
  ])('answers a list query with %s with a 400 naming the parameter', async (_why, query, field) => {
    const res = await getJson(`${order.api}/orders?${query}`);

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('refuses a cancellation without a reason with a 400 naming the field', async () => {
    const res = await postJson(`${order.api}/orders/${placed[1]}/cancel`, {});

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
  });

  it('serves its OpenAPI document with the order routes and the Idempotency-Key header', async () => {
    const res = await getJson(`${order.base}/api/openapi.json`);

    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/orders', '/api/v1/orders/{id}', '/api/v1/orders/{id}/cancel']),
    );
    expect(res.body.paths['/api/v1/orders'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key' })]));
  });
});
