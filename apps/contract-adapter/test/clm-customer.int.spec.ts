import { CONTRACT_CUSTOMER_CREATED, CRM_CUSTOMER_WON, type IntegrationEvent } from '@switchboard/contracts';
import { getJson, waitFor } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { randomUUID } from 'node:crypto';
import { startContractAdapterWorld, type ContractAdapterWorld } from './support/contract-adapter-app';

let world: ContractAdapterWorld;

beforeAll(async () => {
  world = await startContractAdapterWorld();
});

afterAll(async () => {
  await world?.close();
});

function wonCustomer(name = 'ACME GmbH', email = 'legal@acme.example'): { customerId: string; won: IntegrationEvent } {
  const customerId = `c-${randomUUID()}`;
  world.crm.add({ id: customerId, name, email });
  return { customerId, won: integrationEvent(CRM_CUSTOMER_WON, customerId, { customerId, wonAt: new Date().toISOString() }) };
}

const clmCustomersOf = async (customerId: string) => (await getJson(`${world.clm.api}/customers?externalRef=${customerId}`)).body as { clmCustomerId: string; name: string; email: string }[];

const customersCreated = async (customerId: string) =>
  (await world.app.publishedEvents('contract.customer.created')).filter((event) => (event.data as { customerId: string }).customerId === customerId);

describe('crm.customer.won → the customer in the CLM → contract.customer.created', () => {
  it('creates the won customer in the CLM with its CRM details and reports the CLM id once, even when the event is delivered twice', async () => {
    const { customerId, won } = wonCustomer();
    await world.app.publish(won);
    await world.app.publish(won, { again: true });

    const [created] = await waitFor(async () => ((await customersCreated(customerId)).length > 0 ? customersCreated(customerId) : undefined), {
      timeoutMs: 20_000,
      what: 'contract.customer.created',
    });
    const inClm = await clmCustomersOf(customerId);
    expect(inClm).toEqual([expect.objectContaining({ name: 'ACME GmbH', email: 'legal@acme.example' })]);
    expect(created.data).toEqual({ customerId, clmCustomerId: inClm[0].clmCustomerId, createdAt: expect.any(String) });
    expect(created.type).toBe(CONTRACT_CUSTOMER_CREATED.type);

    // Both deliveries are handled before the check that nothing more came of them.
    await waitFor(async () => (await world.app.eventTypes(`clmCustomerSync-${customerId}`)).length === 2, { what: 'the sync stream' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await customersCreated(customerId)).toHaveLength(1);
    expect(await clmCustomersOf(customerId)).toHaveLength(1);
    expect(await world.app.eventTypes(`clmCustomerSync-${customerId}`)).toEqual(['ClmCustomerRequested', 'ClmCustomerCreated']);
  });

  it('does not call the CLM again for a customer it created already (a second won event with another id)', async () => {
    const { customerId, won } = wonCustomer();
    await world.app.publish(won);
    await waitFor(async () => (await customersCreated(customerId)).length === 1, { timeoutMs: 20_000, what: 'contract.customer.created' });

    await world.app.publish({ ...won, id: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await clmCustomersOf(customerId)).toHaveLength(1);
    expect(await customersCreated(customerId)).toHaveLength(1);
    expect(world.crm.requests.filter((request) => request.includes(customerId))).toHaveLength(1);
  });

  it('creates nothing in the CLM for a won customer whose change started there, and creates one that started in the CRM', async () => {
    const echo = wonCustomer();
    const fromCrm = wonCustomer();
    const echoesSkipped = () => world.app.metricSum('switchboard_echoes_skipped_total', { system: 'clm' });
    const skippedBefore = await echoesSkipped();

    await world.app.publish({ ...echo.won, origin: 'clm' });
    await world.app.publish({ ...fromCrm.won, origin: 'crm' });

    await waitFor(async () => (await customersCreated(fromCrm.customerId)).length === 1, { timeoutMs: 20_000, what: 'contract.customer.created' });
    expect(world.crm.origins.get(`/api/v1/customers/${fromCrm.customerId}`)).toBe('crm'); // the callouts of its chain said where it started
    await waitFor(async () => (await echoesSkipped()) === skippedBefore + 1, { what: 'the echo skipped' });
    expect(await clmCustomersOf(echo.customerId)).toEqual([]);
    expect(await world.app.eventTypes(`clmCustomerSync-${echo.customerId}`)).toEqual([]);
    expect(world.crm.requests.filter((request) => request.includes(echo.customerId))).toEqual([]);
  });

  it('records a customer the CLM refuses and reports nothing', async () => {
    const { customerId, won } = wonCustomer('No Mail Ltd', 'not-an-email');
    await world.app.publish(won);

    await waitFor(async () => (await world.app.eventTypes(`clmCustomerSync-${customerId}`)).includes('ClmCustomerRefused'), {
      timeoutMs: 20_000,
      what: 'the refusal',
    });
    expect(await clmCustomersOf(customerId)).toEqual([]);
    expect(await customersCreated(customerId)).toEqual([]);
  });

  it('retries while the CLM is down and completes once it is back', async () => {
    const downFor = 3_000;
    await fetch(`${world.clm.api}/admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ downUntil: new Date(Date.now() + downFor).toISOString() }),
    });
    const { customerId, won } = wonCustomer();
    const publishedAt = Date.now();
    await world.app.publish(won);

    await waitFor(async () => (await customersCreated(customerId)).length === 1, { timeoutMs: 40_000, intervalMs: 200, what: 'contract.customer.created after the outage' });
    expect(Date.now() - publishedAt).toBeGreaterThanOrEqual(downFor - 500);
    expect(await clmCustomersOf(customerId)).toHaveLength(1);
  });
});
