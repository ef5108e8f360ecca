import { startWebhookReceiver, type SimulatorForTest, type WebhookReceiver } from '@switchboard/simulator-kit/testing';
import { getJson, postJson, waitFor } from '@switchboard/testing';
import { Webhook } from 'standardwebhooks';
import { acceptedOrder, createCustomer, startErpSimulator, WEBHOOK_SECRET } from './support/erp-simulator';

describe('ERP sales order webhooks', () => {
  let receiver: WebhookReceiver;
  let erp: SimulatorForTest;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    erp = await startErpSimulator({ WEBHOOK_URLS: receiver.url, WEBHOOK_SECRET });
  });
  afterAll(async () => {
    await erp.close();
    await receiver.close();
  });

  const payloads = () => receiver.received.filter((r) => r.status < 300).map((r) => new Webhook(WEBHOOK_SECRET).verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, unknown> });

  it('reports an order\'s placing and every later status change to the configured URL, signed, with the change id as webhook-id', async () => {
    const customerNumber = await createCustomer(erp);
    const orderNumber = await acceptedOrder(erp, customerNumber);
    for (const _step of [1, 2, 3]) await postJson(`${erp.api}/admin/sales-orders/${orderNumber}/advance`, {});

    await waitFor(() => payloads().filter((p) => p.data['orderNumber'] === orderNumber).length === 4, { what: 'four webhooks' });
    const feed = (await getJson(`${erp.api}/sales-orders/changes?since=0&limit=500`)).body.changes.filter((c: { orderNumber: string }) => c.orderNumber === orderNumber);
    const received = receiver.received.filter((r) => JSON.parse(r.body).data.orderNumber === orderNumber);
    expect(received.map((r) => r.headers['webhook-id']).sort()).toEqual(feed.map((c: { changeId: number }) => String(c.changeId)).sort());
    const sorted = payloads().filter((p) => p.data['orderNumber'] === orderNumber).sort((a, b) => Number(a.data['version']) - Number(b.data['version']));
    expect(sorted.map((p) => [p.type, p.data['status']])).toEqual([
      ['sales-order.created', 'accepted'],
      ['sales-order.updated', 'in_fulfilment'],
      ['sales-order.updated', 'shipped'],
      ['sales-order.updated', 'invoiced'],
    ]);
    expect(sorted.map((p) => p.data)).toEqual(feed);
  });

  it('keeps retrying a change while the receiver fails, with the same webhook-id', async () => {
    const customerNumber = await createCustomer(erp);
    const before = receiver.received.length;
    receiver.answerWith((n) => ({ status: n < before + 2 ? 503 : 204 }));

    const orderNumber = await acceptedOrder(erp, customerNumber);

    await waitFor(() => receiver.received.length === before + 3, { what: 'two failures and a success' });
    const attempts = receiver.received.slice(before);
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 204]);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    expect(JSON.parse(attempts[2].body).data).toMatchObject({ orderNumber, status: 'accepted' });
  });
});
