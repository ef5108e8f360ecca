import { JetStreamConnection, listDeadLetters, type DeadLetter } from '@switchboard/messaging';
import { getJson, quietLogger, waitFor } from '@switchboard/testing';
import { customerViewWhen, orderWhen, placeOrderOnceWon, startWholeSystem, winCustomer, type WholeSystem } from '@switchboard/testing/system';
import { randomUUID } from 'node:crypto';
import { calloutTally, tallySince, type CalloutTally } from './support/callout-tally';
import { runDlqCli } from './support/dlq-cli';
import { acceptedJourney, expectEachExactlyOnce, type Journey } from './support/exactly-once';
import { clearFaults, injectFaults } from './support/simulator-faults';

/**
 * Redelivery in seconds rather than minutes, for every service: NAKed messages come back after
 * 0.5, 1, 2, then every 3 s, and the 12th failed delivery goes to the DLQ, about 30 s after the
 * first. That outlasts the ERP outage below plus the 10 s the callouts' circuit stays open after it.
 */
const MAX_DELIVER = 12;
const CONSUMERS = { CONSUMER_ACK_WAIT_MS: '5000', CONSUMER_BACKOFF_MS: '500,1000,2000,3000', CONSUMER_MAX_DELIVER: String(MAX_DELIVER) };
/** One callout may wait out a Retry-After or two; a longer one (an outage) goes back to the consumer's backoff. */
const CALLOUTS = { CALLOUT_MAX_ELAPSED_MS: '8000' };
const OUTAGE_MS = 8_000;
/**
 * Longer than the jittered backoff of a callout that ignored Retry-After could ever take (four
 * attempts within 1.4 s) and than the callout_duration_seconds bucket bound below: a call that
 * met a 429 and succeeded slower than that bound waited for the Retry-After.
 */
const RETRY_AFTER_SECONDS = 3;
const QUICK_SECONDS = 2.5;

const payloadOf = (letter: DeadLetter) => Buffer.from(letter.data).toString('utf8');

// The whole system with the ERP and the CLM misbehaving: each fault on its own customers and
// orders, and after each, nothing missing or duplicated in the ERP, the CLM, the CRM or the order service.
describe('the whole lead-to-cash flow through faults of the ERP and the CLM', () => {
  let system: WholeSystem;
  let connection: JetStreamConnection;
  /** Every journey that came through a fault: checked again at the end, when late duplicates would show. */
  const journeys: Journey[] = [];

  beforeAll(async () => {
    system = await startWholeSystem({
      env: {
        crm: CONSUMERS,
        order: CONSUMERS,
        'erp-adapter': { ...CONSUMERS, ...CALLOUTS },
        'contract-adapter': { ...CONSUMERS, ...CALLOUTS },
      },
    });
    connection = await JetStreamConnection.wrap(system.nats.nc, { namespace: system.nats.namespace, logger: quietLogger });
  }, 120_000);

  afterAll(async () => {
    await connection?.close();
    await system?.close();
  });

  /** A customer won in the CRM and `orders` orders placed for it in the order service. */
  async function winAndOrder(name: string, orders: number): Promise<Journey> {
    const customerId = await winCustomer(system.services.crm, name);
    const orderIds: string[] = [];
    for (let i = 0; i < orders; i++) orderIds.push(await placeOrderOnceWon(system.services.order, customerId));
    return acceptedJourney(customerId, orderIds);
  }

  const linkedToBoth = (customerId: string) =>
    customerViewWhen(
      system.services.crm,
      customerId,
      (view) => view.externalIds.erpCustomerNumber !== null && view.externalIds.clmCustomerId !== null,
      'both external ids in the 360 view',
    );

  /** Resolves once the tallied callouts were answered 429 `count` more times than in `before`. */
  const rateLimitedAgain = (tally: () => Promise<CalloutTally>, before: CalloutTally, count: number, what: string) =>
    waitFor(async () => tallySince(before, await tally()).rateLimited >= count, { what: `${count} 429s on ${what}`, timeoutMs: 15_000, intervalMs: 50 });

  it('completes the customers won and the orders placed while the ERP was down, once it is back', async () => {
    const { 'erp-simulator': erp, 'erp-adapter': erpAdapter, order, crm } = system.services;
    const tally = () => calloutTally(erpAdapter, 'erp', 'POST /customers', QUICK_SECONDS);
    const before = await tally();

    const downUntil = new Date(Date.now() + OUTAGE_MS);
    await injectFaults(erp, { downUntil });
    const won = await Promise.all([winAndOrder('Outage One GmbH', 2), winAndOrder('Outage Two GmbH', 1)]);

    // While it is down the adapter is turned away, and nothing is accepted.
    await waitFor(async () => tallySince(before, await tally()).serverErrors >= won.length, {
      what: 'the ERP adapter to be turned away with 503s',
      timeoutMs: OUTAGE_MS,
      intervalMs: 50,
    });
    for (const { customerId, orders } of won) {
      // Placed, as soon as the order service's read model shows it (it lags on a loaded machine).
      for (const { orderId } of orders) expect((await orderWhen(order, orderId, () => true, 'placed, in the read model')).status).toBe('placed');
      expect((await customerViewWhen(crm, customerId, () => true, 'in the read model')).externalIds.erpCustomerNumber).toBeNull();
    }
    expect(Date.now()).toBeLessThan(downUntil.getTime());

    await expectEachExactlyOnce(system, won);
    journeys.push(...won);
    await clearFaults(erp);
  }, 90_000);

  it('waits out the Retry-After of the 429s of the ERP and the CLM, and completes every customer and order once', async () => {
    const { 'erp-simulator': erp, 'clm-simulator': clm, 'erp-adapter': erpAdapter, 'contract-adapter': contractAdapter } = system.services;
    const erpCustomers = () => calloutTally(erpAdapter, 'erp', 'POST /customers', QUICK_SECONDS);
    const clmCustomers = () => calloutTally(contractAdapter, 'clm', 'POST /api/v1/customers', QUICK_SECONDS);
    const erpOrders = () => calloutTally(erpAdapter, 'erp', 'POST /sales-orders', QUICK_SECONDS);
    const rateLimited = { rateLimitRate: 1, retryAfterSeconds: RETRY_AFTER_SECONDS };
    const names = ['Throttled One GmbH', 'Throttled Two GmbH'];

    // Customers won while both systems answer every call 429: each creation is turned away at least once.
    const [erpCustomersBefore, clmCustomersBefore] = await Promise.all([erpCustomers(), clmCustomers()]);
    await Promise.all([injectFaults(erp, rateLimited), injectFaults(clm, rateLimited)]);
    const customerIds = await Promise.all(names.map((name) => winCustomer(system.services.crm, name)));
    await Promise.all([
      rateLimitedAgain(erpCustomers, erpCustomersBefore, names.length, 'the ERP customers'),
      rateLimitedAgain(clmCustomers, clmCustomersBefore, names.length, 'the CLM customers'),
    ]);
    await Promise.all([clearFaults(erp), clearFaults(clm)]);
    await Promise.all(customerIds.map(linkedToBoth));

    // Orders placed while the ERP answers every call 429: each submission is turned away at least once.
    const erpOrdersBefore = await erpOrders();
    await injectFaults(erp, rateLimited);
    const orderIds = await Promise.all(customerIds.map((customerId) => placeOrderOnceWon(system.services.order, customerId)));
    await rateLimitedAgain(erpOrders, erpOrdersBefore, orderIds.length, 'the ERP sales orders');
    await clearFaults(erp);

    const throttled = customerIds.map((customerId, i) => acceptedJourney(customerId, [orderIds[i]]));
    await expectEachExactlyOnce(system, throttled);
    journeys.push(...throttled);
    // One successful call per customer and order, each only after waiting out a Retry-After.
    const since = [
      tallySince(erpCustomersBefore, await erpCustomers()),
      tallySince(clmCustomersBefore, await clmCustomers()),
      tallySince(erpOrdersBefore, await erpOrders()),
    ];
    expect(since.map(({ succeeded, succeededQuickly }) => ({ succeeded, succeededQuickly }))).toEqual(
      since.map(() => ({ succeeded: names.length, succeededQuickly: 0 })),
    );
  }, 90_000);

  it('dead-letters an order the ERP fails on every delivery, and completes it once when an operator replays it after the fix', async () => {
    const { 'erp-simulator': erp, order } = system.services;
    const customerId = await winCustomer(system.services.crm, 'Poisoned GmbH');
    await linkedToBoth(customerId);

    await injectFaults(erp, { errorRate: 1 });
    const orderId = await placeOrderOnceWon(order, customerId);
    const letter = await waitFor(
      async () =>
        (await listDeadLetters(connection, { service: 'erp-adapter', limit: 1_000 })).find(
          (dead) => dead.originalSubject === 'order.placed' && payloadOf(dead).includes(orderId),
        ),
      { what: `order ${orderId}'s order.placed in the DLQ`, timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(letter).toMatchObject({
      consumer: 'erp-adapter__erp-order',
      reason: 'handler-failed',
      deliveryCount: MAX_DELIVER,
      originalSubject: 'order.placed',
    });

    // The fix: the ERP answers again. The dead-lettered order stays unaccepted, the ERP never got it.
    await clearFaults(erp);
    expect((await orderWhen(order, orderId, () => true, 'in the read model')).status).toBe('placed');
    expect((await getJson(`${erp.api}/sales-orders?externalRef=${orderId}`)).body).toEqual([]);

    // The operator finds it and replays it.
    expect(await runDlqCli(['list', '--service', 'erp-adapter'], system.nats)).toContain(`#${letter.seq} `);
    expect(await runDlqCli(['replay', String(letter.seq)], system.nats)).toMatch(new RegExp(`^replayed #${letter.seq} to order\\.placed `, 'm'));

    const poisoned = acceptedJourney(customerId, [orderId]);
    await expectEachExactlyOnce(system, [poisoned]);
    journeys.push(poisoned);
    expect((await listDeadLetters(connection, { service: 'erp-adapter', limit: 1_000 })).map((dead) => dead.seq)).not.toContain(letter.seq);
  }, 120_000);

  it('dead-letters undecodable messages at their first delivery, and the messages after them go through', async () => {
    const garbage = { 'crm.customer.won': `not an event ${randomUUID()}`, 'order.placed': `\u0000\u00ff ${randomUUID()}` };
    for (const [subject, payload] of Object.entries(garbage)) {
      await connection.js.publish(connection.namespace.subject(subject), new TextEncoder().encode(payload), { msgID: randomUUID() });
    }

    const after = await winAndOrder('After Garbage GmbH', 1);
    await expectEachExactlyOnce(system, [after]);
    journeys.push(after);

    // Each consumer of the subject dead-lettered it once, as undecodable, without a retry.
    const letters = await listDeadLetters(connection, { limit: 1_000 });
    const deadLettered = (payload: string) =>
      letters
        .filter((letter) => payloadOf(letter) === payload)
        .map(({ consumer, reason, deliveryCount }) => ({ consumer, reason, deliveryCount }))
        .sort((a, b) => a.consumer.localeCompare(b.consumer));
    const undecodable = (consumer: string) => ({ consumer, reason: 'undecodable', deliveryCount: 1 });
    expect(deadLettered(garbage['crm.customer.won'])).toEqual(
      ['contract-adapter__create-clm-customer', 'erp-adapter__erp-customer', 'order__customer-standing'].map(undecodable),
    );
    expect(deadLettered(garbage['order.placed'])).toEqual(['crm__customer-orders', 'erp-adapter__erp-order'].map(undecodable));
  }, 90_000);

  it('has, after every fault, each customer and order exactly once in the ERP, the CLM, the CRM and the order service, and nothing else in the DLQ', async () => {
    expect(journeys).toHaveLength(6);
    await expectEachExactlyOnce(system, journeys);
    const letters = await listDeadLetters(connection, { limit: 1_000 });
    expect(letters.filter((letter) => letter.reason !== 'undecodable')).toEqual([]);
  }, 60_000);
});
