import { ORDER_ACCEPTED, ORDER_PLACED, ORDER_STATUS_CHANGED, type IntegrationEvent } from '@switchboard/contracts';
import { getJson } from '@switchboard/testing';
import { erpOrderAccepted, erpOrderUpdated, erpTime } from './support/erp-events';
import { customerViewWhen, orderWhen, placeOrderOnceWon, winCustomer } from '@switchboard/testing/system';
import { CLEAN_EXIT, startLeadToCash, type LeadToCash } from './support/lead-to-cash';

const about = (orderId: string) => (event: IntegrationEvent) => (event.data as { orderId: string }).orderId === orderId;

// crm and order as their own processes; the ERP adapter (next issue) stood in for by publishing its events to JetStream.
describe('lead to cash: a customer won in crm orders in order, the ERP reports, the 360 view follows', () => {
  let system: LeadToCash;

  beforeAll(async () => {
    system = await startLeadToCash();
  }, 60_000);

  afterAll(async () => {
    await system?.close();
  });

  it("shows the ERP's latest order status in the CRM 360 view, through duplicates and out-of-order redeliveries", async () => {
    const { crm, order } = system;
    const customerId = await winCustomer(crm);
    const orderId = await placeOrderOnceWon(order, customerId);
    await customerViewWhen(crm, customerId, (view) => view.orders.some((o: { id: string }) => o.id === orderId), 'the placed order in the 360 view');
    const erpOrderNumber = 'ERP-7001';

    // The ERP's first update overtakes its acceptance (refused, retried); the acceptance then comes three more times.
    const acceptance = erpOrderAccepted(orderId, erpOrderNumber);
    await system.publish(erpOrderUpdated(orderId, erpOrderNumber, 'in_fulfilment', 2));
    await system.publish(acceptance);
    expect((await system.publish(acceptance)).duplicate).toBe(true); // same id: the stream's duplicate window drops it
    await system.redeliver(acceptance); // same id, delivered to the consumer again
    await system.publish(erpOrderAccepted(orderId, erpOrderNumber)); // the same change under a new event id
    await orderWhen(order, orderId, (o) => o.status === 'in_fulfilment', 'in fulfilment');

    // A newer version before an older one, and the newer one again under a new event id.
    const shipped = erpOrderUpdated(orderId, erpOrderNumber, 'shipped', 4);
    await system.publish(shipped);
    await system.publish(erpOrderUpdated(orderId, erpOrderNumber, 'in_fulfilment', 3));
    await system.publish(erpOrderUpdated(orderId, erpOrderNumber, 'shipped', 4));
    await orderWhen(order, orderId, (o) => o.status === 'shipped', 'shipped');

    // The invoice, a stale shipment redelivered after it, and the invoice again.
    const invoiced = erpOrderUpdated(orderId, erpOrderNumber, 'invoiced', 5);
    await system.publish(invoiced);
    await system.redeliver(shipped);
    await system.redeliver(invoiced);
    await orderWhen(order, orderId, (o) => o.status === 'invoiced', 'invoiced');
    await customerViewWhen(
      crm,
      customerId,
      (view) => view.orders.some((o: { id: string; status: string }) => o.id === orderId && o.status === 'invoiced'),
      'the invoiced order in the 360 view',
    );

    // Judge "exactly once" only after every redelivery and retry has run its course.
    await system.consumerSettled('ERP', 'order__erp-order');
    await system.consumerSettled('ORDER', 'crm__customer-orders');

    const placed = (await getJson(`${order.api}/orders/${orderId}`)).body;
    expect(placed).toMatchObject({
      id: orderId,
      customerId,
      status: 'invoiced',
      currency: 'EUR',
      erpOrderNumber,
      confirmedLines: [{ sku: 'SKU-A', quantity: 2, unitPrice: '11.90' }],
      conditions: { paymentTerms: 'NET30', incoterms: 'DAP' },
    });
    expect(placed.statusHistory).toEqual([
      { status: 'placed', at: placed.placedAt },
      { status: 'accepted', at: erpTime(1) },
      { status: 'in_fulfilment', at: erpTime(2) },
      { status: 'shipped', at: erpTime(4) },
      { status: 'invoiced', at: erpTime(5) },
    ]);

    const view = (await getJson(`${crm.api}/customers/${customerId}`)).body;
    expect(view).toMatchObject({ id: customerId, status: 'won' });
    expect(view.orders).toEqual([
      { id: orderId, status: 'invoiced', statusAt: erpTime(5), currency: 'EUR', erpOrderNumber, placedAt: placed.placedAt },
    ]);

    // What the order service told the other contexts: each change once.
    expect((await system.messagesOn('ORDER', ORDER_PLACED.subject)).filter(about(orderId))).toHaveLength(1);
    expect((await system.messagesOn('ORDER', ORDER_ACCEPTED.subject)).filter(about(orderId))).toHaveLength(1);
    const changes = (await system.messagesOn('ORDER', ORDER_STATUS_CHANGED.subject)).filter(about(orderId));
    expect(changes.map((event) => (event.data as { to: string }).to)).toEqual(['in_fulfilment', 'shipped', 'invoiced']);
  });

  it('stops both services on SIGTERM with exit code 0', async () => {
    const [crmExit, orderExit] = await Promise.all([system.crm.stop(), system.order.stop()]);

    expect({ crm: crmExit, order: orderExit }).toEqual({ crm: CLEAN_EXIT, order: CLEAN_EXIT });
  });
});
