import { getJson, patchJson, postJson, type Json } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { startCrmApp, type CrmApp } from './support/crm-app';
import { registerProspect } from './support/customers';

describe('customer queries', () => {
  let crm: CrmApp;
  const tag = randomUUID().slice(0, 6);
  const registered: string[] = [];
  let lastPosition = '';

  beforeAll(async () => {
    crm = await startCrmApp();
    for (let i = 0; i < 5; i++) {
      const res = await registerProspect(crm, { name: `Query ${tag} Customer ${i}`, email: `q${i}-${tag}@list.example` });
      registered.push(res.id);
    }
    lastPosition = (await postJson(`${crm.api}/customers/${registered[0]}/win`)).body.position;
    lastPosition = (await registerProspect(crm, { name: `100%_${tag} Discount Ltd`, email: `discount-${tag}@list.example` })).position;
  });

  afterAll(async () => {
    await crm?.close();
  });

  const ids = (body: Json) => body.items.map((c: { id: string }) => c.id);

  it('pages through the customers newest first with an opaque cursor, each customer once', async () => {
    const first = await getJson(`${crm.api}/customers?q=Customer&limit=2&minPosition=${lastPosition}`);
    const second = await getJson(`${crm.api}/customers?q=Customer&limit=2&cursor=${first.body.nextCursor}`);
    const third = await getJson(`${crm.api}/customers?q=Customer&limit=2&cursor=${second.body.nextCursor}`);
    const items = [...first.body.items, ...second.body.items, ...third.body.items];
    const keys = items.map((c: { registeredAt: string; id: string }) => `${c.registeredAt} ${c.id}`);

    expect(first.status).toBe(200);
    expect(items.map((c: { id: string }) => c.id).sort()).toEqual([...registered].sort());
    expect(keys).toEqual([...keys].sort().reverse());
    expect(third.body.nextCursor).toBeNull();
    expect(items.find((c: { id: string }) => c.id === registered[4])).toEqual({
      id: registered[4],
      status: 'prospect',
      name: `Query ${tag} Customer 4`,
      email: `q4-${tag}@list.example`,
      country: 'DE',
      registeredAt: expect.any(String),
    });
  });

  it('filters by status', async () => {
    const won = await getJson(`${crm.api}/customers?status=won&minPosition=${lastPosition}`);

    expect(ids(won.body)).toEqual([registered[0]]);
  });

  it('finds customers by any part of the name or e-mail, whatever the case, taking % and _ literally', async () => {
    const byEmail = await getJson(`${crm.api}/customers?q=Q3-${tag.toUpperCase()}&minPosition=${lastPosition}`);
    const byLiteral = await getJson(`${crm.api}/customers?q=${encodeURIComponent(`100%_${tag}`)}`);
    const wildcardOnly = await getJson(`${crm.api}/customers?q=${encodeURIComponent('%')}`);

    expect(ids(byEmail.body)).toEqual([registered[3]]);
    expect(byLiteral.body.items.map((c: { name: string }) => c.name)).toEqual([`100%_${tag} Discount Ltd`]);
    expect(wildcardOnly.body.items).toHaveLength(1);
  });

  it('answers an unknown customer with 404 on the 360 view and on its contracts', async () => {
    const view = await getJson(`${crm.api}/customers/${randomUUID()}`);
    const contracts = await getJson(`${crm.api}/customers/${randomUUID()}/contracts`);

    expect(view.status).toBe(404);
    expect(view.body).toMatchObject({ code: 'customer.not-found' });
    expect(contracts.status).toBe(404);
  });

  it('lists no contracts for a customer without any', async () => {
    const res = await getJson(`${crm.api}/customers/${registered[1]}/contracts?minPosition=${lastPosition}`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });

  it.each([
    ['an unknown status', 'status=lost', 'status'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit that is not a number', 'limit=ten', 'limit'],
    ['a cursor it never handed out', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['an empty search', 'q=', 'q'],
    ['an unknown parameter', 'colour=red', 'colour'],
    ['a malformed minPosition', 'minPosition=yesterday', 'minPosition'],
  ])('answers a list query with %s with a 400 naming the parameter', async (_why, query, field) => {
    const res = await getJson(`${crm.api}/customers?${query}`);

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it.each([
    ['a NUL byte', '%00'],
    ['5000 characters', 'a'.repeat(5000)],
  ])('answers an id with %s with a 400 naming it, on every route, never a 500', async (_why, id) => {
    const responses = await Promise.all([
      getJson(`${crm.api}/customers/${id}`),
      getJson(`${crm.api}/customers/${id}/contracts`),
      getJson(`${crm.api}/contracts/${id}`),
      postJson(`${crm.api}/customers/${id}/win`),
      patchJson(`${crm.api}/customers/${id}`, { name: 'X' }),
    ]);

    for (const res of responses) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    }
  });

  it('answers a 360 view with a malformed minPosition with a 400 naming it', async () => {
    const res = await getJson(`${crm.api}/customers/${registered[0]}?minPosition=latest`);

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('minPosition');
  });

  it('serves its OpenAPI document with the CRM routes and the Idempotency-Key header', async () => {
    const res = await getJson(`${crm.base}/api/openapi.json`);

    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/customers',
        '/api/v1/customers/{id}',
        '/api/v1/customers/{id}/win',
        '/api/v1/customers/{id}/contracts',
        '/api/v1/contracts/{id}',
      ]),
    );
    expect(res.body.paths['/api/v1/customers'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key' })]));
    expect(res.body.paths['/api/v1/customers/{id}'].patch).toBeDefined();
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const res = await fetch(`${crm.base}/api/docs`);

    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});
