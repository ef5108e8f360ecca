import { CONTRACT_SIGNED, type IntegrationEvent, type OriginSystem } from '@switchboard/contracts';
import { getJson, waitFor } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { randomUUID } from 'node:crypto';
import { startErpAdapterScenario, type ErpAdapterScenario } from './support/erp-adapter-app';
import { acceptedOrder, advance, placedEvent, postErpWebhook, published, syncedCustomer, syncOf, wonEvent } from './support/flow';

const from = (origin: OriginSystem, event: IntegrationEvent): IntegrationEvent => ({ ...event, origin });

describe('erp-adapter loop prevention: a change that started in the ERP is never written back to it', () => {
  let scenario: ErpAdapterScenario;

  beforeAll(async () => {
    scenario = await startErpAdapterScenario({ webhooks: true, polling: false });
  }, 60_000);

  afterAll(async () => {
    await scenario?.close();
  });

  const echoesSkipped = () => scenario.adapter.metricSum('switchboard_echoes_skipped_total', { system: 'erp' });

  it('creates no ERP customer for a won customer whose change started in the ERP, and creates one that started in the CRM', async () => {
    const { adapter, crm, erp } = scenario;
    const [echo, fromCrm] = [`c-${randomUUID()}`, `c-${randomUUID()}`];
    for (const customerId of [echo, fromCrm]) crm.customers.set(customerId, { name: 'ACME GmbH', email: 'buyer@acme.example', country: 'DE' });
    const skippedBefore = await echoesSkipped();

    await adapter.publish(from('erp', wonEvent(echo)));
    await adapter.publish(from('crm', wonEvent(fromCrm)));

    await syncOf(adapter, 'customers', fromCrm, (body) => body.status === 'synced');
    expect(crm.origins.get(fromCrm)).toBe('crm'); // the callouts of its chain said where it started
    await waitFor(async () => (await echoesSkipped()) === skippedBefore + 1, { what: 'the echo skipped' });
    expect(await erp.get(`/customers?externalRef=${echo}`)).toEqual([]);
    expect((await getJson(`${adapter.api}/sync/customers/${echo}`)).status).toBe(404);
    expect(crm.origins.has(echo)).toBe(false);
  });

  it('submits no order and pushes no conditions whose change started in the ERP', async () => {
    const { adapter, erp } = scenario;
    const { customerId, erpCustomerNumber } = await syncedCustomer(scenario);
    const orderId = `o-${randomUUID()}`;
    const contractId = `k-${randomUUID()}`;
    const skippedBefore = await echoesSkipped();

    await adapter.publish(from('erp', placedEvent(orderId, customerId)));
    await adapter.publish(from('erp', integrationEvent(CONTRACT_SIGNED, contractId, { contractId, customerId, clmContractId: 'CT-1', signedAt: new Date().toISOString() })));

    await waitFor(async () => (await echoesSkipped()) === skippedBefore + 2, { what: 'both echoes skipped' });
    expect(await erp.get(`/sales-orders?externalRef=${orderId}`)).toEqual([]);
    expect((await getJson(`${adapter.api}/sync/orders/${orderId}`)).status).toBe(404);
    expect((await getJson(`${erp.api}/customers/${erpCustomerNumber}/conditions`)).status).toBe(404);
    expect(await adapter.eventTypes(`erpCustomerSync-${customerId}`)).toEqual(['ErpCustomerCreated']);
  });

  it("publishes what the ERP's webhooks cause with origin erp, and what another system's event causes with that system's origin", async () => {
    const { adapter } = scenario;
    const { orderId, erpOrderNumber } = await acceptedOrder(scenario); // order.placed by the order service, without an origin attribute
    await advance(scenario, erpOrderNumber);
    await syncOf(adapter, 'orders', orderId, (body) => body.erpVersion === 2);
    const webhookId = `origin-${randomUUID()}`;
    const change = { changeId: 900_103, orderNumber: erpOrderNumber, externalRef: orderId, customerNumber: 'C-0', status: 'shipped', version: 3, changedAt: new Date().toISOString() };
    expect((await postErpWebhook(scenario, webhookId, change)).status).toBe(200);

    const [accepted] = await published(adapter, 'erp.order.accepted', (data) => data.orderId === orderId);
    expect(accepted.origin).toBe('order');
    const updates = await waitFor(async () => {
      const events = await published(adapter, 'erp.order.updated', (data) => data.orderId === orderId);
      return events.length === 2 && events;
    });
    expect(updates.map((event) => event.origin)).toEqual(['erp', 'erp']);
    // The chain of the webhook starts at it: its id, in the ERP.
    expect(updates[1]).toMatchObject({ correlationid: webhookId, causationid: webhookId, origin: 'erp' });
  });
});
