import type { SimulatorForTest } from '@switchboard/simulator-kit/testing';
import { getJson, postJson, type Json } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { createCustomer, startErpSimulator } from './support/erp-simulator';

const put = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
};

describe('ERP customers', () => {
  let erp: SimulatorForTest;

  beforeAll(async () => {
    erp = await startErpSimulator();
  });
  afterAll(() => erp.close());

  const customer = (externalRef = randomUUID()) => ({
    name: 'ACME GmbH',
    email: 'buyer@acme.example',
    country: 'DE',
    vatId: 'DE123456789',
    address: { street: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    externalRef,
  });

  it('creates a customer with an ERP customer number and shows it', async () => {
    const request = customer();

    const created = await postJson(`${erp.api}/customers`, request);

    expect(created.status).toBe(201);
    expect(created.body.customerNumber).toMatch(/^C-\d{6,}$/);
    const shown = await getJson(`${erp.api}/customers/${created.body.customerNumber}`);
    expect(shown).toMatchObject({ status: 200, body: { ...request, customerNumber: created.body.customerNumber, conditions: null } });
  });

  it('answers a repeated Idempotency-Key with the first answer and never creates a second customer', async () => {
    const request = customer();
    const key = randomUUID();

    const first = await postJson(`${erp.api}/customers`, request, { 'idempotency-key': key });
    const again = await postJson(`${erp.api}/customers`, request, { 'idempotency-key': key });

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await getJson(`${erp.api}/customers?externalRef=${request.externalRef}`)).body).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused with another body with a 422', async () => {
    const key = randomUUID();
    await postJson(`${erp.api}/customers`, customer(), { 'idempotency-key': key });

    const reused = await postJson(`${erp.api}/customers`, customer(), { 'idempotency-key': key });

    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key-reused');
  });

  it('finds the customer an idempotent retry created even when the stored answer was lost', async () => {
    const request = customer();
    const key = randomUUID();
    const first = await postJson(`${erp.api}/customers`, request, { 'idempotency-key': key });
    // As if the process died after the insert but before the idempotency store kept the answer.
    await erp.schema.pool.query('DELETE FROM idempotency_keys WHERE key = $1', [key]);

    const retry = await postJson(`${erp.api}/customers`, request, { 'idempotency-key': key });

    expect(retry.body.customerNumber).toBe(first.body.customerNumber);
    expect((await getJson(`${erp.api}/customers?externalRef=${request.externalRef}`)).body).toHaveLength(1);
  });

  it('creates a new customer for each request without a key', async () => {
    const request = customer();

    const [a, b] = [await postJson(`${erp.api}/customers`, request), await postJson(`${erp.api}/customers`, request)];

    expect(a.body.customerNumber).not.toBe(b.body.customerNumber);
  });

  it('refuses an invalid customer naming the fields', async () => {
    const response = await postJson(`${erp.api}/customers`, { ...customer(), email: 'nope', country: 'Germany' });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'email']);
  });

  it('answers 404 for an unknown customer', async () => {
    expect((await getJson(`${erp.api}/customers/C-0`)).status).toBe(404);
  });

  it('stores the contract conditions of a customer and shows them', async () => {
    const customerNumber = await createCustomer(erp);
    const conditions = { contractId: 'CT-100001', paymentTerms: 'NET14', discountPercent: 7.5, validFrom: '2026-01-01', validTo: '2026-12-31' };

    const set = await put(`${erp.api}/customers/${customerNumber}/conditions`, conditions);

    expect(set).toEqual({ status: 200, body: conditions });
    expect((await getJson(`${erp.api}/customers/${customerNumber}/conditions`)).body).toEqual(conditions);
    expect((await getJson(`${erp.api}/customers/${customerNumber}`)).body.conditions).toEqual(conditions);
  });

  it('answers 404 for the conditions of a customer without any, or of an unknown customer', async () => {
    const customerNumber = await createCustomer(erp);

    expect((await getJson(`${erp.api}/customers/${customerNumber}/conditions`)).status).toBe(404);
    expect((await put(`${erp.api}/customers/C-0/conditions`, { contractId: 'c', paymentTerms: 'NET30', discountPercent: 0, validFrom: '2026-01-01' })).status).toBe(404);
  });

  it('refuses conditions with a malformed date', async () => {
    const customerNumber = await createCustomer(erp);

    const response = await put(`${erp.api}/customers/${customerNumber}/conditions`, { contractId: 'c', paymentTerms: 'NET30', discountPercent: 0, validFrom: 'soon' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'validFrom' })]);
  });
});
