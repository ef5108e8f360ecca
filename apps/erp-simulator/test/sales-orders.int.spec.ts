import type { SimulatorForTest } from '@switchboard/simulator-kit/testing';
import { getJson, postJson } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { formatCents, listPriceCents } from '../src/sales-orders/price-list';
import { acceptedOrder, createCustomer, placeOrder, startErpSimulator } from './support/erp-simulator';

describe('ERP sales orders', () => {
  let erp: SimulatorForTest;
  let customerNumber: string;

  beforeAll(async () => {
    erp = await startErpSimulator();
    customerNumber = await createCustomer(erp);
  });
  afterAll(() => erp.close());

  const advance = (orderNumber: string, body: unknown = {}) => postJson(`${erp.api}/admin/sales-orders/${orderNumber}/advance`, body);

  it('accepts an order with an ERP order number, confirmed prices and the standard terms, at version 1', async () => {
    const externalRef = randomUUID();

    const response = await placeOrder(erp, customerNumber, { externalRef, lines: [{ sku: 'SKU-1', quantity: 2 }, { sku: 'SKU-2', quantity: 1, unitPrice: '12.50' }] });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      orderNumber: expect.stringMatching(/^SO-\d{6,}$/),
      externalRef,
      customerNumber,
      currency: 'EUR',
      status: 'accepted',
      version: 1,
      lines: [
        { sku: 'SKU-1', quantity: 2, unitPrice: formatCents(listPriceCents('SKU-1')) },
        { sku: 'SKU-2', quantity: 1, unitPrice: '12.50' },
      ],
      conditions: { paymentTerms: 'NET30' },
      history: [{ status: 'accepted', version: 1, at: expect.any(String) }],
    });
    expect((await getJson(`${erp.api}/sales-orders/${response.body.orderNumber}`)).body).toEqual(response.body);
  });

  it('confirms the discount and terms of the contract conditions in force', async () => {
    const customer = await createCustomer(erp);
    const today = new Date().toISOString().slice(0, 10);
    await fetch(`${erp.api}/customers/${customer}/conditions`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contractId: 'CT-1', paymentTerms: 'NET14', discountPercent: 10, validFrom: today }),
    });

    const response = await placeOrder(erp, customer);

    expect(response.body.conditions).toEqual({ contractId: 'CT-1', paymentTerms: 'NET14', discountPercent: '10', validFrom: today });
    expect(response.body.lines[0].unitPrice).toBe(formatCents(Math.round(listPriceCents('SKU-1') * 0.9)));
  });

  it.each([
    ['an unknown customer', { customerNumber: 'C-0' }, 'unknown customer C-0'],
    ['a SKU not in the catalogue', { lines: [{ sku: 'X-404', quantity: 1 }] }, 'unknown sku X-404'],
    ['no lines', { lines: [] }, 'an order needs at least one line'],
  ])('rejects an order for %s with a 422 and the reason, and keeps nothing', async (_case, body, reason) => {
    const externalRef = randomUUID();

    const response = await placeOrder(erp, customerNumber, { ...body, externalRef });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'erp.sales-order.rejected', detail: reason, details: { reason } });
    expect((await getJson(`${erp.api}/sales-orders?externalRef=${externalRef}`)).body).toEqual([]);
  });

  it('answers a repeated Idempotency-Key with the first order and never places a second one, keeping the key on the order', async () => {
    const externalRef = randomUUID();
    const key = randomUUID();

    const first = await placeOrder(erp, customerNumber, { externalRef }, { 'idempotency-key': key });
    const again = await placeOrder(erp, customerNumber, { externalRef }, { 'idempotency-key': key });
    const otherBody = await placeOrder(erp, customerNumber, { externalRef: randomUUID() }, { 'idempotency-key': key });

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await getJson(`${erp.api}/sales-orders?externalRef=${externalRef}`)).body).toHaveLength(1);
    expect(otherBody.status).toBe(422);
    expect(otherBody.body).toMatchObject({ code: 'idempotency.key-reused', details: { header: 'Idempotency-Key' } });
    // The order is its own record of the key: the idempotency store is not involved.
    expect((await erp.schema.pool.query('SELECT key FROM idempotency_keys WHERE key = $1', [key])).rows).toEqual([]);
  });

  it('places one order for concurrent requests with the same Idempotency-Key, answering each with it', async () => {
    const externalRef = randomUUID();
    const key = randomUUID();

    const answers = await Promise.all(Array.from({ length: 6 }, () => placeOrder(erp, customerNumber, { externalRef }, { 'idempotency-key': key })));

    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((answer) => answer.body.orderNumber)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect((await getJson(`${erp.api}/sales-orders?externalRef=${externalRef}`)).body).toHaveLength(1);
  });

  it('decides a rejected order again on a retry with the same Idempotency-Key: a rejection keeps nothing', async () => {
    const customer = `C-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();

    const rejected = await placeOrder(erp, customer, {}, { 'idempotency-key': key });
    const retried = await placeOrder(erp, customer, {}, { 'idempotency-key': key });

    expect([rejected.status, retried.status]).toEqual([422, 422]);
    expect(retried.body).toMatchObject({ code: 'erp.sales-order.rejected' });
  });

  it('refuses a malformed order naming the field', async () => {
    const response = await placeOrder(erp, customerNumber, { lines: [{ sku: 'SKU-1', quantity: 0 }] });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'lines[0].quantity' })]);
  });

  it('moves an order through fulfilment to invoiced, one version per step, and no further', async () => {
    const orderNumber = await acceptedOrder(erp, customerNumber);

    const steps = [(await advance(orderNumber)).body, (await advance(orderNumber)).body, (await advance(orderNumber)).body];

    expect(steps.map((o) => [o.status, o.version])).toEqual([
      ['in_fulfilment', 2],
      ['shipped', 3],
      ['invoiced', 4],
    ]);
    const order = (await getJson(`${erp.api}/sales-orders/${orderNumber}`)).body;
    expect(order.history.map((h: { status: string }) => h.status)).toEqual(['accepted', 'in_fulfilment', 'shipped', 'invoiced']);
    const refused = await advance(orderNumber);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('erp.sales-order.cannot-advance');
  });

  it('jumps an order to a requested later status, and refuses one behind it', async () => {
    const orderNumber = await acceptedOrder(erp, customerNumber);

    expect((await advance(orderNumber, { status: 'shipped' })).body).toMatchObject({ status: 'shipped', version: 2 });
    expect((await advance(orderNumber, { status: 'accepted' })).status).toBe(409);
    expect((await advance('SO-0')).status).toBe(404);
    expect((await getJson(`${erp.api}/sales-orders/SO-0`)).status).toBe(404);
  });

  it('lists every change after a cursor, oldest first, page by page', async () => {
    const start = (await getJson(`${erp.api}/sales-orders/changes?since=0&limit=500`)).body.next;
    const orderNumber = await acceptedOrder(erp, customerNumber);
    await advance(orderNumber);
    await advance(orderNumber);

    const page1 = (await getJson(`${erp.api}/sales-orders/changes?since=${start}&limit=2`)).body;
    const page2 = (await getJson(`${erp.api}/sales-orders/changes?since=${page1.next}&limit=2`)).body;
    const empty = (await getJson(`${erp.api}/sales-orders/changes?since=${page2.next}`)).body;

    const changes = [...page1.changes, ...page2.changes];
    expect(changes.map((c: { status: string; version: number }) => [c.status, c.version])).toEqual([
      ['accepted', 1],
      ['in_fulfilment', 2],
      ['shipped', 3],
    ]);
    expect(changes[0]).toEqual({ changeId: start + 1, orderNumber, externalRef: expect.any(String), customerNumber, status: 'accepted', version: 1, changedAt: expect.any(String) });
    expect(changes.map((c: { changeId: number }) => c.changeId)).toEqual([start + 1, start + 2, start + 3]);
    expect(empty).toEqual({ changes: [], next: page2.next });
  });

  it('makes change ids visible in order, so a cursor followed while orders commit at once misses none', async () => {
    const start = (await getJson(`${erp.api}/sales-orders/changes?since=0&limit=500`)).body.next;
    const seen: number[] = [];
    let placing = true;
    const follow = async () => {
      for (let cursor = start, last = false; !last; ) {
        last = !placing;
        const page = (await getJson(`${erp.api}/sales-orders/changes?since=${cursor}&limit=500`)).body;
        seen.push(...page.changes.map((c: { changeId: number }) => c.changeId));
        cursor = page.next;
      }
    };

    const following = follow();
    await Promise.all(Array.from({ length: 30 }, () => acceptedOrder(erp, customerNumber)));
    placing = false;
    await following;

    const all = (await getJson(`${erp.api}/sales-orders/changes?since=${start}&limit=500`)).body.changes;
    expect(all).toHaveLength(30);
    expect(seen).toEqual(all.map((c: { changeId: number }) => c.changeId));
  });

  it('refuses a cursor that is not a non-negative integer', async () => {
    const response = await getJson(`${erp.api}/sales-orders/changes?since=abc`);

    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'since' }));
  });
});
