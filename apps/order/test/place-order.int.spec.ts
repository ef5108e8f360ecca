import { ORDER_PLACED } from '@switchboard/contracts';
import { getJson, postJson, waitFor } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { prospect, wonCustomer } from './support/customers';
import { startOrderApp, type OrderApp } from './support/order-app';

describe('POST /api/v1/orders', () => {
  let order: OrderApp;
  let customerId: string;

  beforeAll(async () => {
    order = await startOrderApp();
    customerId = await wonCustomer(order);
  });

  afterAll(async () => {
    await order?.close();
  });

  const body = (change: object = {}) => ({
    customerId,
    currency: 'EUR',
    lines: [
      { sku: 'SKU-A', quantity: 2, unitPrice: '12.50' },
      { sku: 'SKU-B', quantity: 1 },
    ],
    ...change,
  });

  it('places an order for a won customer and reads it back at the answered position', async () => {
    const placed = await postJson(`${order.api}/orders`, body());
    const read = await getJson(`${order.api}/orders/${placed.body.id}?minPosition=${placed.body.position}`);

    expect(placed.status).toBe(201);
    expect(placed.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.stringMatching(/^\d+\.\d+$/) });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: placed.body.id,
      customerId,
      status: 'placed',
      currency: 'EUR',
      lines: [
        { sku: 'SKU-A', quantity: 2, unitPrice: '12.50' },
        { sku: 'SKU-B', quantity: 1, unitPrice: null },
      ],
      erpOrderNumber: null,
      statusHistory: [{ status: 'placed', at: expect.any(String) }],
    });
  });

  it('publishes order.placed with its lines to JetStream through the relay', async () => {
    const placed = await postJson(`${order.api}/orders`, body());
    const jsm = await order.nats.nc.jetstreamManager();
    const stream = `${order.nats.namespace.toUpperCase()}_ORDER`;

    const message = await waitFor(async () => {
      const info = await jsm.streams.info(stream);
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
        const event = (await jsm.streams.getMessage(stream, { seq })).json<{ type: string; subject: string; data: { lines: unknown[] } }>();
        if (event.subject === placed.body.id) return event;
      }
      return undefined;
    }, { what: 'order.placed in JetStream' });
    expect(message.type).toBe(ORDER_PLACED.type);
    expect(message.data.lines).toHaveLength(2);
  });

  it('refuses an order for a customer the order service never heard of with a 422 that says so', async () => {
    const res = await postJson(`${order.api}/orders`, body({ customerId: randomUUID() }));

    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'order.customer-unknown', details: { field: 'customerId' } });
  });

  it('refuses an order for a customer who was not won with a 422 that says so', async () => {
    const res = await postJson(`${order.api}/orders`, body({ customerId: await prospect(order) }));

    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'order.customer-not-won' });
    expect(res.body.detail).toContain('only a won customer can place orders');
  });

  it.each([
    ['empty lines', { lines: [] }, 'lines'],
    ['a negative quantity', { lines: [{ sku: 'SKU-A', quantity: -1 }] }, 'lines[0].quantity'],
    ['a quantity of the wrong type', { lines: [{ sku: 'SKU-A', quantity: '2' }] }, 'lines[0].quantity'],
    ['a price written as a float', { lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: 12.5 }] }, 'lines[0].unitPrice'],
    ['an unknown field', { discount: '100%' }, 'discount'],
    ['a lower-case currency', { currency: 'eur' }, 'currency'],
    ['no customer', { customerId: undefined }, 'customerId'],
  ])('answers %s with a 400 problem naming the field', async (_why, change, field) => {
    const res = await postJson(`${order.api}/orders`, body(change));

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses a repeated sku with a 422 naming the line', async () => {
    const res = await postJson(`${order.api}/orders`, body({ lines: [{ sku: 'SKU-A', quantity: 1 }, { sku: 'SKU-A', quantity: 2 }] }));

    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'order.invalid-field', details: { field: 'lines[1].sku' } });
  });

  it('answers malformed JSON with a 400 problem, never a 500', async () => {
    const res = await postJson(`${order.api}/orders`, '{"customerId": ');

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400 });
  });

  describe('with an Idempotency-Key', () => {
    const ordersOf = async (id: string) =>
      (await order.schema.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_name = $1', [`order-${id}`])).rows[0].n;

    it('answers a repeat with the first answer and places the order once', async () => {
      const key = randomUUID();
      const first = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });
      const again = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });

      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await ordersOf(first.body.id)).toBe(1);
    });

    it('refuses the same key with another body with a 422 naming the header', async () => {
      const key = randomUUID();
      await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });
      const other = await postJson(`${order.api}/orders`, body({ currency: 'USD' }), { 'idempotency-key': key });

      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ code: 'idempotency.key-reused', details: { header: 'Idempotency-Key' } });
    });

    it('places nothing twice when the service died after placing the order but before storing the answer', async () => {
      const key = randomUUID();
      const first = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });
      // What a crash between the append and the stored answer leaves: a pending key, long started.
      await order.schema.pool.query(
        `UPDATE idempotency_keys SET status = 'pending', response = NULL, created_at = now() - interval '1 minute' WHERE key = $1`,
        [key],
      );
      const retry = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });

      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(await ordersOf(first.body.id)).toBe(1);
    });
  });
});
