import { CRM_CUSTOMER_DETAILS_CHANGED, CRM_CUSTOMER_REGISTERED, CRM_CUSTOMER_WON } from '@switchboard/contracts';
import { getJson, patchJson, postJson, waitFor } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { startCrmApp, type CrmApp } from './support/crm-app';
import { prospectBody, registerProspect } from './support/customers';

describe('customer commands: register, win, change details', () => {
  let crm: CrmApp;

  beforeAll(async () => {
    crm = await startCrmApp();
  });

  afterAll(async () => {
    await crm?.close();
  });

  const published = (subject: string, customerId: string) =>
    waitFor(async () => {
      const events = (await crm.publishedEvents(subject)).filter((event) => event.subject === customerId);
      return events.length > 0 ? events : undefined;
    }, { what: `${subject} of ${customerId} in JetStream` });

  describe('POST /api/v1/customers', () => {
    it('registers a prospect and shows it in the 360 view at the answered position', async () => {
      const address = { street: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
      const body = prospectBody({ vatId: 'DE123456789', address });
      const created = await postJson(`${crm.api}/customers`, body);
      const view = await getJson(`${crm.api}/customers/${created.body.id}?minPosition=${created.body.position}`);

      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.stringMatching(/^\d+\.\d+$/) });
      expect(view.status).toBe(200);
      expect(view.body).toEqual({
        id: created.body.id,
        status: 'prospect',
        name: body.name,
        email: body.email,
        country: 'DE',
        vatId: 'DE123456789',
        address,
        externalIds: { erpCustomerNumber: null, clmCustomerId: null },
        registeredAt: expect.any(String),
        wonAt: null,
        contracts: [],
        orders: [],
      });
    });

    it('publishes crm.customer.registered through the relay', async () => {
      const body = prospectBody();
      const { id } = await registerProspect(crm, body);

      const [event] = await published('crm.customer.registered', id);
      expect(event).toMatchObject({ type: CRM_CUSTOMER_REGISTERED.type, source: '/crm', data: { customerId: id, name: body.name, vatId: null, address: null } });
    });

    it.each([
      ['an unknown field', { discount: '100%' }, 'discount'],
      ['a name of the wrong type', { name: 42 }, 'name'],
      ['no e-mail', { email: undefined }, 'email'],
      ['an e-mail that is not one', { email: 'not-an-address' }, 'email'],
      ['a lower-case country', { country: 'de' }, 'country'],
      ['an address without a city', { address: { street: 'S 1', postalCode: '1', country: 'DE' } }, 'address.city'],
      ['an address that is a string', { address: 'Berlin' }, 'address'],
    ])('answers %s with a 400 problem naming the field', async (_why, change, field) => {
      const res = await postJson(`${crm.api}/customers`, prospectBody(change));

      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('refuses a country code that does not exist with a 422 naming the field', async () => {
      const res = await postJson(`${crm.api}/customers`, prospectBody({ country: 'XX' }));

      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'customer.invalid-field', details: { field: 'country' } });
    });

    it('answers malformed JSON with a 400 problem, never a 500', async () => {
      const res = await postJson(`${crm.api}/customers`, '{"name": ');

      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400 });
    });
  });

  describe('with an Idempotency-Key', () => {
    it('answers a repeat with the first answer and registers the customer once', async () => {
      const key = randomUUID();
      const body = prospectBody();
      const first = await postJson(`${crm.api}/customers`, body, { 'idempotency-key': key });
      const again = await postJson(`${crm.api}/customers`, body, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await crm.eventTypes(`customer-${first.body.id}`)).toEqual(['CustomerRegistered']);
    });

    it('refuses the same key with another body with a 422 naming the header', async () => {
      const key = randomUUID();
      await postJson(`${crm.api}/customers`, prospectBody(), { 'idempotency-key': key });
      const other = await postJson(`${crm.api}/customers`, prospectBody(), { 'idempotency-key': key });

      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ code: 'idempotency.key-reused', details: { header: 'Idempotency-Key' } });
    });

    it('registers nothing twice when the service died after registering but before storing the answer', async () => {
      const key = randomUUID();
      const body = prospectBody();
      const first = await postJson(`${crm.api}/customers`, body, { 'idempotency-key': key });
      // What a crash between the append and the stored answer leaves: a pending key, long started.
      await crm.schema.pool.query(
        `UPDATE idempotency_keys SET status = 'pending', response = NULL, created_at = now() - interval '1 minute' WHERE key = $1`,
        [key],
      );
      const retry = await postJson(`${crm.api}/customers`, body, { 'idempotency-key': key });

      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(await crm.eventTypes(`customer-${first.body.id}`)).toEqual(['CustomerRegistered']);
    });
  });

  describe('POST /api/v1/customers/{id}/win', () => {
    it('wins a prospect, answers a second win the same with no second event, and publishes crm.customer.won once', async () => {
      const { id } = await registerProspect(crm);
      const won = await postJson(`${crm.api}/customers/${id}/win`);
      const again = await postJson(`${crm.api}/customers/${id}/win`);
      const view = await getJson(`${crm.api}/customers/${id}?minPosition=${again.body.position}`);

      expect(won.status).toBe(200);
      expect(won.body).toEqual({ id, position: expect.stringMatching(/^\d+\.\d+$/) });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(id);
      expect(view.body).toMatchObject({ status: 'won', wonAt: expect.any(String) });
      expect(await crm.eventTypes(`customer-${id}`)).toEqual(['CustomerRegistered', 'CustomerWon']);
      const events = await published('crm.customer.won', id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: CRM_CUSTOMER_WON.type, data: { customerId: id } });
    });

    it('answers an unknown customer with a 404 problem', async () => {
      const res = await postJson(`${crm.api}/customers/${randomUUID()}/win`);

      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'customer.not-found' });
    });
  });

  describe('PATCH /api/v1/customers/{id}', () => {
    it('changes the given details, removes the VAT id sent as null, and publishes only the changes', async () => {
      const { id } = await registerProspect(crm, { vatId: 'DE999' });
      const changed = await patchJson(`${crm.api}/customers/${id}`, { name: 'Renamed AG', vatId: null });
      const view = await getJson(`${crm.api}/customers/${id}?minPosition=${changed.body.position}`);

      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ id, position: expect.any(String) });
      expect(view.body).toMatchObject({ name: 'Renamed AG', vatId: null, country: 'DE' });
      const [event] = await published('crm.customer.details-changed', id);
      expect(event).toMatchObject({ type: CRM_CUSTOMER_DETAILS_CHANGED.type, data: { customerId: id, changes: { name: 'Renamed AG', vatId: null } } });
    });

    it('answers a patch that changes nothing with success and no event', async () => {
      const body = prospectBody();
      const { id } = await registerProspect(crm, body);
      const res = await patchJson(`${crm.api}/customers/${id}`, { name: body.name });

      expect(res.status).toBe(200);
      expect(await crm.eventTypes(`customer-${id}`)).toEqual(['CustomerRegistered']);
    });

    it('answers an unknown customer with a 404 problem', async () => {
      const res = await patchJson(`${crm.api}/customers/${randomUUID()}`, { name: 'X' });

      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'customer.not-found' });
    });

    it.each([
      ['a name set to null', { name: null }, 'name'],
      ['an unknown field', { status: 'won' }, 'status'],
      ['a country of the wrong type', { country: 49 }, 'country'],
    ])('answers %s with a 400 problem naming the field', async (_why, body, field) => {
      const { id } = await registerProspect(crm);
      const res = await patchJson(`${crm.api}/customers/${id}`, body);

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });
});
