import { CRM_CUSTOMER_DETAILS_CHANGED } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { randomUUID } from 'node:crypto';
import { registered, standingOf, won } from './support/customers';
import { startOrderApp, type OrderApp } from './support/order-app';

// The order service's projection of CRM customers, fed from JetStream crm.customer.*.
describe('customer-standing projection', () => {
  let order: OrderApp;

  beforeAll(async () => {
    order = await startOrderApp();
  });

  afterAll(async () => {
    await order?.close();
  });

  const rowOf = async (customerId: string) =>
    (await order.schema.pool.query('SELECT standing, name FROM customer_standings WHERE customer_id = $1', [customerId])).rows[0];
  const inboxCount = async (customerId: string, eventIds: string[]) =>
    (await order.schema.pool.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'customer-standing' AND event_id = ANY($1)`, [eventIds]))
      .rows[0].n;

  it('records a registered customer as a prospect and a won one as won, each event applied once however often delivered', async () => {
    const customerId = randomUUID();
    const registration = registered(customerId, 'ACME GmbH');
    const win = won(customerId);
    await order.publish(registration);
    await order.publish(registration, { again: true });
    await waitFor(async () => (await standingOf(order, customerId)) === 'prospect', { what: 'prospect' });
    await order.publish(win);
    await order.publish(win, { again: true });
    await waitFor(async () => (await standingOf(order, customerId)) === 'won', { what: 'won' });

    expect(await rowOf(customerId)).toEqual({ standing: 'won', name: 'ACME GmbH' });
    await waitFor(async () => (await inboxCount(customerId, [registration.id, win.id])) === 2, { what: 'both in the inbox' });
  });

  it('keeps a customer won when the registration arrives after the win, and again after it', async () => {
    const customerId = randomUUID();
    const registration = registered(customerId, 'Late Registration Ltd');
    await order.publish(won(customerId));
    await order.publish(registration);
    await order.publish(registration, { again: true });
    await waitFor(async () => (await rowOf(customerId))?.name === 'Late Registration Ltd', { what: 'registration applied' });

    expect(await rowOf(customerId)).toEqual({ standing: 'won', name: 'Late Registration Ltd' });
  });

  it('follows a change of the customer name', async () => {
    const customerId = randomUUID();
    await order.publish(registered(customerId, 'Old Name'));
    await order.publish(
      integrationEvent(CRM_CUSTOMER_DETAILS_CHANGED, customerId, { customerId, changes: { name: 'New Name' }, changedAt: new Date().toISOString() }),
    );

    await waitFor(async () => (await rowOf(customerId))?.name === 'New Name', { what: 'name changed' });
    expect((await rowOf(customerId)).standing).toBe('prospect');
  });
});
