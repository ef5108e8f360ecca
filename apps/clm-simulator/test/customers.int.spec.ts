import type { SimulatorForTest } from '@switchboard/simulator-kit/testing';
import { getJson, postJson } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { startClmSimulator } from './support/clm-simulator';

describe('CLM customers', () => {
  let clm: SimulatorForTest;

  beforeAll(async () => {
    clm = await startClmSimulator();
  });
  afterAll(() => clm.close());

  const customer = () => ({ name: 'ACME GmbH', email: 'legal@acme.example', externalRef: randomUUID() });

  it('creates a customer with a CLM id and shows it', async () => {
    const request = customer();

    const created = await postJson(`${clm.api}/customers`, request);

    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...request, clmCustomerId: expect.stringMatching(/^CC-\d{6,}$/), createdAt: expect.any(String) });
    expect((await getJson(`${clm.api}/customers/${created.body.clmCustomerId}`)).body).toEqual(created.body);
    expect((await getJson(`${clm.api}/customers?externalRef=${request.externalRef}`)).body).toEqual([created.body]);
  });

  it('answers a repeated Idempotency-Key with the first answer, even when the stored answer was lost, and never creates a twin', async () => {
    const request = customer();
    const key = randomUUID();

    const first = await postJson(`${clm.api}/customers`, request, { 'idempotency-key': key });
    const again = await postJson(`${clm.api}/customers`, request, { 'idempotency-key': key });
    await clm.schema.pool.query('DELETE FROM idempotency_keys WHERE key = $1', [key]);
    const afterLostAnswer = await postJson(`${clm.api}/customers`, request, { 'idempotency-key': key });

    expect(again.body).toEqual(first.body);
    expect(afterLostAnswer.body.clmCustomerId).toBe(first.body.clmCustomerId);
    expect((await getJson(`${clm.api}/customers?externalRef=${request.externalRef}`)).body).toHaveLength(1);
    expect((await postJson(`${clm.api}/customers`, customer(), { 'idempotency-key': key })).status).toBe(422);
  });

  it('refuses an invalid customer naming the field, and answers 404 for an unknown one', async () => {
    const invalid = await postJson(`${clm.api}/customers`, { ...customer(), email: 'nope' });

    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    expect((await getJson(`${clm.api}/customers/CC-0`)).status).toBe(404);
  });
});
