import type { SimulatorForTest } from '@switchboard/simulator-kit/testing';
import { getJson } from '@switchboard/testing';
import { createCustomer, placeOrder, startErpSimulator } from './support/erp-simulator';

describe('ERP faults and reset', () => {
  let erp: SimulatorForTest;

  beforeAll(async () => {
    erp = await startErpSimulator();
  });
  afterAll(() => erp.close());

  const setFaults = (faults: unknown) => fetch(`${erp.api}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });

  it('answers the sales order API with 429 and Retry-After while rate limited, placing nothing, and normally after', async () => {
    const customerNumber = await createCustomer(erp);
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 2 });

    const limited = await placeOrder(erp, customerNumber, { externalRef: 'rate-limited-order' });

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    await fetch(`${erp.api}/admin/faults`, { method: 'DELETE' });
    expect((await getJson(`${erp.api}/sales-orders?externalRef=rate-limited-order`)).body).toEqual([]);
    expect((await placeOrder(erp, customerNumber)).status).toBe(201);
  });

  it('answers 503 while down, still lets an admin advance orders, and empties everything on reset', async () => {
    const customerNumber = await createCustomer(erp);
    await setFaults({ downUntil: new Date(Date.now() + 60_000).toISOString() });

    expect((await getJson(`${erp.api}/customers/${customerNumber}`)).status).toBe(503);
    expect((await getJson(`${erp.api}/sales-orders/changes`)).status).toBe(503);

    expect((await fetch(`${erp.api}/admin/reset`, { method: 'POST' })).status).toBe(204);
    expect((await getJson(`${erp.api}/customers/${customerNumber}`)).status).toBe(404);
    expect((await getJson(`${erp.api}/sales-orders/changes`)).body.changes).toEqual([]);
    const next = await createCustomer(erp);
    expect(Number(next.slice(2))).toBeGreaterThan(Number(customerNumber.slice(2)));
  });
});
