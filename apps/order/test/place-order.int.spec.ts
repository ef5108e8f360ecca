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

    it('answers concurrent repeats with the one order they place', async () => {
      const key = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => postJson(`${order.api}/orders`, body(), { 'idempotency-key': key })),
      );

      expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
      expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
      expect(await ordersOf(answers[0].body.id)).toBe(1);
    });

    it('answers a repeat after the order moved on with the position of its placing', async () => {
      const key = randomUUID();
      const first = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });
      const cancel = await postJson(`${order.api}/orders/${first.body.id}/cancel`, { reason: 'changed my mind' });
      expect(cancel.status).toBeLessThan(300);
      const again = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });

      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });

    it('keeps the key in the order itself, not in the idempotency store', async () => {
      const key = randomUUID();
      const first = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': key });

      expect(first.status).toBe(201);
      const stored = await order.schema.pool.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key]);
      expect(stored.rows[0].n).toBe(0);
    });

    it('decides a rejected order again when it is retried with the same key', async () => {
      const key = randomUUID();
      const customer = await prospect(order);
      const refused = await postJson(`${order.api}/orders`, body({ customerId: customer }), { 'idempotency-key': key });
      expect(refused.status).toBe(422);
      const again = await postJson(`${order.api}/orders`, body({ customerId: customer }), { 'idempotency-key': key });

      expect(again.status).toBe(422);
      expect(again.body.code).toBe(refused.body.code);
    });

    it('refuses a malformed key with a 400 naming the header', async () => {
      const res = await postJson(`${order.api}/orders`, body(), { 'idempotency-key': '' });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });
  });
});
