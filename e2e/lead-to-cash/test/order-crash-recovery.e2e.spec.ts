import { deadLetterSubject, ORDER_ACCEPTED, ORDER_PLACED, ORDER_STATUS_CHANGED, type IntegrationEvent } from '@switchboard/contracts';
import { getJson, postJson } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import { erpOrderAccepted, erpOrderUpdated } from './support/erp-events';
import { customerViewWhen, orderWhen, ORDER_LINES, placeOrderOnceWon, statusesOf, winCustomer } from '@switchboard/testing/system';
import { CLEAN_EXIT, startLeadToCash, type LeadToCash } from './support/lead-to-cash';

const ORDERS = 6;
const LIFECYCLE = ['placed', 'accepted', 'in_fulfilment', 'shipped', 'invoiced'];

const countPerOrder = (events: IntegrationEvent[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const event of events) {
    const { orderId } = event.data as { orderId: string };
    counts.set(orderId, (counts.get(orderId) ?? 0) + 1);
  }
  return counts;
};

// The order service dies (SIGKILL: no shutdown hooks) while it applies the ERP's updates and relays its own events.
describe('lead to cash: the order service crashes mid-flow', () => {
  let system: LeadToCash;
  let customerId: string;
  let orderIds: string[];
  const idempotencyKey = randomUUID();

  beforeAll(async () => {
    system = await startLeadToCash();
    customerId = await winCustomer(system.crm);
    orderIds = [await placeOrderOnceWon(system.order, customerId, { 'idempotency-key': idempotencyKey })];
    while (orderIds.length < ORDERS) orderIds.push(await placeOrderOnceWon(system.order, customerId));
  }, 60_000);

  afterAll(async () => {
    await system?.close();
  });

  it('loses and duplicates nothing when the order service is killed and restarted', async () => {
    const { crm, order } = system;
    const erpOrderNumber = (i: number) => `ERP-${8000 + i}`;
    const acceptances = orderIds.map((orderId, i) => erpOrderAccepted(orderId, erpOrderNumber(i)));
    for (const event of acceptances) await system.publish(event);
    for (const orderId of orderIds) await orderWhen(order, orderId, (o) => o.status === 'accepted', 'accepted');

    const updates = orderIds.flatMap((orderId, i) =>
      (['in_fulfilment', 'shipped', 'invoiced'] as const).map((status, v) => erpOrderUpdated(orderId, erpOrderNumber(i), status, v + 2)),
    );
    for (const event of updates) await system.publish(event);
    // Killed as soon as it has started on them.
    await orderWhen(order, orderIds[0], (o) => o.status !== 'accepted', 'the first update applied');
    expect(await order.kill()).toEqual({ code: null, signal: 'SIGKILL' });

    // While it is down the acceptances and the first updates come once more; then it is back. What
    // the dead process held unacked, JetStream redelivers after the consumer's ack wait (30 s).
    for (const event of [...acceptances, ...updates.filter((event) => event.data.status === 'in_fulfilment')]) await system.redeliver(event);
    await order.restart();

    // A client retrying its POST across the crash gets the first answer back, not a second order.
    const retry = await postJson(`${order.api}/orders`, { customerId, currency: 'EUR', lines: ORDER_LINES }, { 'idempotency-key': idempotencyKey });
    expect(retry).toMatchObject({ status: 201, body: { id: orderIds[0] } });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');

    for (const orderId of orderIds) await orderWhen(order, orderId, (o) => o.status === 'invoiced', 'invoiced');
    await customerViewWhen(
      crm,
      customerId,
      (view) => view.orders.filter((o: { status: string }) => o.status === 'invoiced').length === ORDERS,
      `all ${ORDERS} orders invoiced in the 360 view`,
    );
    await system.consumerSettled('ERP', 'order__erp-order');
    await system.consumerSettled('ORDER', 'crm__customer-orders');

    for (const orderId of orderIds) {
      const history = statusesOf((await getJson(`${order.api}/orders/${orderId}`)).body);
      // Never backwards, never twice. Messages in flight at the crash come back by their ack
      // deadline, not in stream order, so a later ERP version may overtake an earlier one and the
      // order jump ahead (the decider allows the ERP to); placed, accepted and invoiced are certain.
      expect(history).toEqual(LIFECYCLE.filter((status) => history.includes(status)));
      expect(history).toEqual(expect.arrayContaining(['placed', 'accepted', 'invoiced']));
    }
    const view = (await getJson(`${crm.api}/customers/${customerId}`)).body;
    expect(view.orders.map((o: { id: string }) => o.id).sort()).toEqual([...orderIds].sort());
    expect(new Set(view.orders.map((o: { status: string }) => o.status))).toEqual(new Set(['invoiced']));

    // The relay resumed from its checkpoint: what it published again after the crash the stream kept once.
    const once = new Map(orderIds.map((orderId) => [orderId, 1]));
    expect(countPerOrder(await system.messagesOn('ORDER', ORDER_PLACED.subject))).toEqual(once);
    expect(countPerOrder(await system.messagesOn('ORDER', ORDER_ACCEPTED.subject))).toEqual(once);
    const changes = await system.messagesOn('ORDER', ORDER_STATUS_CHANGED.subject);
    for (const orderId of orderIds) {
      const applied = (await getJson(`${order.api}/orders/${orderId}`)).body.statusHistory.length - 2;
      expect(changes.filter((event) => (event.data as { orderId: string }).orderId === orderId)).toHaveLength(applied);
    }
    expect(await system.messagesOn('DLQ', deadLetterSubject('order'))).toEqual([]);
  });

  it('stops both services on SIGTERM with exit code 0 after the restart', async () => {
    const [crmExit, orderExit] = await Promise.all([system.crm.stop(), system.order.stop()]);

    expect({ crm: crmExit, order: orderExit }).toEqual({ crm: CLEAN_EXIT, order: CLEAN_EXIT });
  });
});
