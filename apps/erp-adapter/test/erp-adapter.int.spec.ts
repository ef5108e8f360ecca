import { CONTRACT_SIGNED } from '@switchboard/contracts';
import { getJson, waitFor } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { randomUUID } from 'node:crypto';
import { startErpAdapterScenario, type ErpAdapterScenario } from './support/erp-adapter-app';
import { acceptedOrder, advance, placedEvent, postErpWebhook, published, signedClmContract, sleep, syncedCustomer, syncOf, wonEvent } from './support/flow';

describe('erp-adapter against the ERP simulator, with webhooks', () => {
  let scenario: ErpAdapterScenario;

  beforeAll(async () => {
    scenario = await startErpAdapterScenario({ webhooks: true, polling: false });
  }, 60_000);

  afterAll(async () => {
    await scenario?.close();
  });

  afterEach(async () => {
    await scenario.erp.clearFaults();
  });

  it('creates a won customer in the ERP and publishes erp.customer.created once, even when the event is delivered twice', async () => {
    const { adapter, crm, erp } = scenario;
    const customerId = `c-${randomUUID()}`;
    crm.customers.set(customerId, { name: 'ACME GmbH', email: 'buyer@acme.example', country: 'DE' });
    const won = wonEvent(customerId);
    await adapter.publish(won);
    await adapter.publish(won, { again: true });

    const sync = await syncOf(adapter, 'customers', customerId, (body) => body.status === 'synced');
    expect(sync).toMatchObject({ customerId, status: 'synced', erpCustomerNumber: expect.stringMatching(/^C-\d+$/), refusal: null });
    const inErp = await erp.get<{ customerNumber: string; name: string }[]>(`/customers?externalRef=${customerId}`);
    expect(inErp).toEqual([expect.objectContaining({ customerNumber: sync.erpCustomerNumber, name: 'ACME GmbH' })]);

    const created = await waitFor(async () => {
      const events = await published(adapter, 'erp.customer.created', (data) => data.customerId === customerId);
      return events.length > 0 && events;
    });
    await sleep(1_000); // the redelivery has had time to do harm
    expect(await published(adapter, 'erp.customer.created', (data) => data.customerId === customerId)).toEqual(created);
    expect(created).toEqual([expect.objectContaining({ data: expect.objectContaining({ customerId, erpCustomerNumber: sync.erpCustomerNumber }) })]);
    expect(await adapter.eventTypes(`erpCustomerSync-${customerId}`)).toEqual(['ErpCustomerCreated']);
    expect(await erp.get(`/customers?externalRef=${customerId}`)).toHaveLength(1);
  });

  it('after a crash between the ERP call and the append, records the customer number the ERP gave the first attempt', async () => {
    const { adapter, crm, erp } = scenario;
    const customerId = `c-${randomUUID()}`;
    crm.customers.set(customerId, { name: 'Crash GmbH', email: 'crash@example.com', country: 'DE' });
    const won = wonEvent(customerId);
    // The first attempt reached the ERP (keyed by the event id) and died before appending.
    const res = await fetch(`${erp.api}/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': won.id },
      body: JSON.stringify({ name: 'Crash GmbH', email: 'crash@example.com', country: 'DE', externalRef: customerId }),
    });
    const { customerNumber } = (await res.json()) as { customerNumber: string };

    await adapter.publish(won);
    const sync = await syncOf(adapter, 'customers', customerId, (body) => body.status === 'synced');
    expect(sync.erpCustomerNumber).toBe(customerNumber);
    expect(await erp.get(`/customers?externalRef=${customerId}`)).toHaveLength(1);
  });

  it('after a crash between the ERP call and the append, records the sales order the first attempt placed', async () => {
    const { adapter, erp } = scenario;
    const { customerId, erpCustomerNumber } = await syncedCustomer(scenario);
    const orderId = `o-${randomUUID()}`;
    const placed = placedEvent(orderId, customerId);
    const res = await fetch(`${erp.api}/sales-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': placed.id },
      body: JSON.stringify({ externalRef: orderId, customerNumber: erpCustomerNumber, currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 2 }] }),
    });
    const { orderNumber } = (await res.json()) as { orderNumber: string };

    await adapter.publish(placed);
    const sync = await syncOf(adapter, 'orders', orderId, (body) => body.status === 'accepted');
    expect(sync.erpOrderNumber).toBe(orderNumber);
    expect(await erp.get(`/sales-orders?externalRef=${orderId}`)).toHaveLength(1);
  });

  it('records the ERP refusing a customer for good, without retrying it', async () => {
    const { adapter, crm, erp } = scenario;
    const customerId = `c-${randomUUID()}`;
    crm.customers.set(customerId, { name: 'Broken GmbH', email: 'not-an-email', country: 'DE' });
    await adapter.publish(wonEvent(customerId));

    const sync = await syncOf(adapter, 'customers', customerId, (body) => body.status === 'refused');
    expect(sync).toMatchObject({ erpCustomerNumber: null, refusal: { httpStatus: 400, reason: expect.any(String) } });
    await sleep(1_500); // no redelivery comes back to try again
    expect(await adapter.eventTypes(`erpCustomerSync-${customerId}`)).toEqual(['ErpCustomerCreationRefused']);
    expect(await erp.get(`/customers?externalRef=${customerId}`)).toEqual([]);
    expect(await published(adapter, 'erp.customer.created', (data) => data.customerId === customerId)).toEqual([]);
  });

  it('submits a placed order to the ERP and publishes erp.order.accepted with the ERP number, confirmed prices, conditions and version', async () => {
    const { adapter, erp } = scenario;
    const { customerId, erpCustomerNumber } = await syncedCustomer(scenario);
    const orderId = `o-${randomUUID()}`;
    const placed = placedEvent(orderId, customerId, [{ sku: 'SKU-1', quantity: 2, unitPrice: null }]);
    await adapter.publish(placed);
    await adapter.publish(placed, { again: true });

    const sync = await syncOf(adapter, 'orders', orderId, (body) => body.status === 'accepted');
    expect(sync).toMatchObject({ orderId, customerId, erpCustomerNumber, erpOrderNumber: expect.stringMatching(/^SO-\d+$/), erpVersion: 1 });
    const accepted = await waitFor(async () => {
      const events = await published(adapter, 'erp.order.accepted', (data) => data.orderId === orderId);
      return events.length > 0 && events;
    });
    expect(accepted).toHaveLength(1);
    expect(accepted[0].data).toEqual({
      orderId,
      erpOrderNumber: sync.erpOrderNumber,
      lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: expect.stringMatching(/^\d+\.\d{2}$/) }],
      conditions: expect.any(Object),
      erpVersion: 1,
      acceptedAt: expect.any(String),
    });
    expect(await erp.get(`/sales-orders?externalRef=${orderId}`)).toHaveLength(1);
  });

  it('records the ERP rejecting an order and publishes erp.order.rejected with its reason', async () => {
    const { adapter } = scenario;
    const { customerId } = await syncedCustomer(scenario);
    const orderId = `o-${randomUUID()}`;
    await adapter.publish(placedEvent(orderId, customerId, [{ sku: 'X-NOT-SOLD', quantity: 1, unitPrice: null }]));

    const sync = await syncOf(adapter, 'orders', orderId, (body) => body.status === 'rejected');
    expect(sync.rejectionReason).toContain('unknown sku X-NOT-SOLD');
    const rejected = await waitFor(async () => {
      const events = await published(adapter, 'erp.order.rejected', (data) => data.orderId === orderId);
      return events.length > 0 && events;
    });
    expect(rejected).toEqual([expect.objectContaining({ data: { orderId, reason: sync.rejectionReason, rejectedAt: expect.any(String) } })]);
  });

  it('holds an order of a customer not in the ERP yet and submits it once the customer is', async () => {
    const { adapter, crm } = scenario;
    const customerId = `c-${randomUUID()}`;
    const orderId = `o-${randomUUID()}`;
    await adapter.publish(placedEvent(orderId, customerId));
    await sleep(500);
    expect((await getJson(`${adapter.api}/sync/orders/${orderId}`)).status).toBe(404);

    crm.customers.set(customerId, { name: 'Late GmbH', email: 'late@example.com', country: 'AT' });
    await adapter.publish(wonEvent(customerId));
    await syncOf(adapter, 'orders', orderId, (body) => body.status === 'accepted', 30_000);
  });

  it("applies the ERP's order changes from its webhooks once each, in version order", async () => {
    const { adapter } = scenario;
    const { orderId, erpOrderNumber } = await acceptedOrder(scenario);
    await advance(scenario, erpOrderNumber);
    await advance(scenario, erpOrderNumber);

    const sync = await syncOf(adapter, 'orders', orderId, (body) => body.erpVersion === 3);
    expect(sync).toMatchObject({ status: 'shipped', changes: [expect.objectContaining({ erpVersion: 2, origin: 'webhook' }), expect.objectContaining({ erpVersion: 3, origin: 'webhook' })] });
    const updates = await waitFor(async () => {
      const events = await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId);
      return events.length === 2 && events;
    });
    expect(updates.map((event) => [event.data.status, event.data.erpVersion])).toEqual([
      ['in_fulfilment', 2],
      ['shipped', 3],
    ]);
    expect(updates.map((event) => event.data)).toEqual([
      expect.objectContaining({ orderId, erpOrderNumber }),
      expect.objectContaining({ orderId, erpOrderNumber }),
    ]);
  });

  it('answers a replayed webhook-id as the first time and ignores an older version arriving late', async () => {
    const { adapter } = scenario;
    const { orderId, erpOrderNumber } = await acceptedOrder(scenario);
    const change = (version: number, status: string, changeId: number) => ({
      changeId,
      orderNumber: erpOrderNumber,
      externalRef: orderId,
      customerNumber: 'C-0',
      status,
      version,
      changedAt: new Date().toISOString(),
    });
    const webhookId = `replay-${randomUUID()}`;

    const first = await postErpWebhook(scenario, webhookId, change(3, 'shipped', 900_003));
    const replayed = await postErpWebhook(scenario, webhookId, change(3, 'shipped', 900_003));
    const late = await postErpWebhook(scenario, `late-${randomUUID()}`, change(2, 'in_fulfilment', 900_002));

    expect(first).toEqual({ status: 200, body: expect.objectContaining({ status: 'processed', result: { orderId, erpVersion: 3, applied: true } }) });
    expect(replayed).toEqual(first);
    expect(late).toEqual({ status: 200, body: expect.objectContaining({ result: { orderId, erpVersion: 2, applied: false } }) });
    expect(await adapter.eventTypes(`erpOrderSync-${orderId}`)).toEqual(['ErpOrderAccepted', 'ErpOrderChanged']);
    const updates = await waitFor(async () => {
      const events = await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId);
      return events.length > 0 && events;
    });
    await sleep(500);
    expect(await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId)).toEqual(updates);
    expect(updates.map((event) => event.data.erpVersion)).toEqual([3]);
  });

  it("pushes a signed contract's conditions, fetched from the CLM, to the ERP customer once, even when delivered twice", async () => {
    const { adapter, erp } = scenario;
    const { customerId, erpCustomerNumber } = await syncedCustomer(scenario);
    const clmContractId = await signedClmContract(scenario, customerId, { paymentTerms: 'NET45', discountPercent: 7.5, validFrom: '2026-01-01' });
    const contractId = `k-${randomUUID()}`;
    const signed = integrationEvent(CONTRACT_SIGNED, contractId, { contractId, customerId, clmContractId, signedAt: new Date().toISOString() });
    await adapter.publish(signed);
    await adapter.publish(signed, { again: true });

    const expected = { contractId: clmContractId, paymentTerms: 'NET45', discountPercent: 7.5, validFrom: '2026-01-01', validTo: null };
    await syncOf(adapter, 'customers', customerId, (body) => body.conditions?.contractId === clmContractId);
    expect(await erp.get(`/customers/${erpCustomerNumber}/conditions`)).toEqual(expected);
    await sleep(1_000);
    expect(await adapter.eventTypes(`erpCustomerSync-${customerId}`)).toEqual(['ErpCustomerCreated', 'ErpCustomerConditionsPushed']);
    expect((await getJson(`${adapter.api}/sync/customers/${customerId}`)).body.conditions).toEqual(expected);
  });

  it("acknowledges the ERP's sales-order.created without applying it: the placing call's answer recorded the acceptance", async () => {
    const { orderId, erpOrderNumber } = await acceptedOrder(scenario);
    const created = await waitFor(async () => {
      const deliveries = await scenario.erp.get<{ eventType: string; status: string; lastStatus: number | null; payload: { data: { externalRef: string } } }[]>('/admin/webhook-deliveries?limit=500');
      return deliveries.find((d) => d.eventType === 'sales-order.created' && d.payload.data.externalRef === orderId && d.status === 'delivered');
    }, { what: "the ERP's sales-order.created delivered" });
    const again = await postErpWebhook(scenario, `created-${randomUUID()}`, { ...created.payload.data, version: 1 }, 'sync', 'sales-order.created');

    expect(created.lastStatus).toBe(200);
    expect(again).toMatchObject({ status: 200, body: { status: 'ignored' } });
    expect(await scenario.adapter.eventTypes(`erpOrderSync-${orderId}`)).toEqual(['ErpOrderAccepted']);
    expect(await syncOf(scenario.adapter, 'orders', orderId, (body) => body.status === 'accepted')).toMatchObject({ erpOrderNumber, erpVersion: 1 });
  });

  it('refuses a webhook that is not an ERP order change (422) and an unsigned one (401)', async () => {
    const unknown = await postErpWebhook(scenario, `bad-${randomUUID()}`, { something: 'else' });
    expect(unknown.status).toBe(422);
    const unsigned = await fetch(`${scenario.adapter.base}/webhooks/erp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
  });

  it('retries while the ERP is down and completes the order after it returns', async () => {
    const { adapter, erp } = scenario;
    const { customerId } = await syncedCustomer(scenario);
    const orderId = `o-${randomUUID()}`;
    await erp.setFaults({ downUntil: new Date(Date.now() + 4_000).toISOString() });
    await adapter.publish(placedEvent(orderId, customerId));

    await sleep(2_000);
    expect((await getJson(`${adapter.api}/sync/orders/${orderId}`)).status).toBe(404);
    await syncOf(adapter, 'orders', orderId, (body) => body.status === 'accepted', 40_000);
    expect(await erp.get(`/sales-orders?externalRef=${orderId}`)).toHaveLength(1);
  });

  it('waits as long as a 429 Retry-After asks and completes once the ERP takes the call', async () => {
    const { adapter, erp, crm } = scenario;
    const customerId = `c-${randomUUID()}`;
    crm.customers.set(customerId, { name: 'Busy GmbH', email: 'busy@example.com', country: 'DE' });
    await erp.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    const before = await rateLimitedAttempts(adapter.base);
    await adapter.publish(wonEvent(customerId));
    await waitFor(async () => (await rateLimitedAttempts(adapter.base)) > before, { what: 'a 429 from the ERP' });
    await sleep(1_400);
    // Retry-After: 1 s → the first attempt and one a second later; without it the backoff (≤ 200 ms, ≤ 400 ms) would have spent all 3.
    expect((await rateLimitedAttempts(adapter.base)) - before).toBe(2);
    await erp.clearFaults();

    await syncOf(adapter, 'customers', customerId, (body) => body.status === 'synced', 30_000);
    expect(await erp.get(`/customers?externalRef=${customerId}`)).toHaveLength(1);
  });
});

/** How many ERP callout attempts were answered 429, from the adapter's /metrics. */
async function rateLimitedAttempts(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('switchboard_callout_attempts_total{') && line.includes('target="erp"') && line.includes('result="429"'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
