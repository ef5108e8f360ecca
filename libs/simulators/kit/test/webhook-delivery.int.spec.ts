import { getJson, postJson, waitFor } from '@switchboard/testing';
import { Webhook } from 'standardwebhooks';
import type { SimulatorForTest } from '../src/testing';
import { startWebhookReceiver, type WebhookReceiver } from '../src/testing';
import { startProbeSimulator, WEBHOOK_SECRET } from './support/probe-simulator';

describe('webhook delivery', () => {
  let sim: SimulatorForTest;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    sim = await startProbeSimulator({ WEBHOOK_MAX_ATTEMPTS: '4' });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await fetch(`${sim.api}/admin/reset`, { method: 'POST' });
    receiver = await startWebhookReceiver();
    expect((await postJson(`${sim.api}/webhook-subscriptions`, { url: receiver.url, secret: WEBHOOK_SECRET })).status).toBe(201);
  });
  afterEach(() => receiver.close());

  const publish = async (data: Record<string, unknown> = { n: 1 }): Promise<string> => (await postJson(`${sim.api}/probe/events`, { type: 'probe.happened', data })).body.webhookId;

  it('posts each message signed per Standard Webhooks, in the { type, timestamp, data } shape', async () => {
    const webhookId = await publish({ orderNumber: 'SO-1' });

    const [delivery] = await waitFor(() => receiver.received.length === 1 && receiver.received, { what: 'one webhook' });
    expect(delivery.headers['webhook-id']).toBe(webhookId);
    expect(delivery.headers['content-type']).toBe('application/json');
    const payload = new Webhook(WEBHOOK_SECRET).verify(delivery.body, delivery.headers as Record<string, string>);
    expect(payload).toEqual({ type: 'probe.happened', timestamp: expect.any(String), data: { orderNumber: 'SO-1' } });
    await waitFor(async () => (await getJson(`${sim.api}/admin/webhook-deliveries?status=delivered`)).body.length === 1, { what: 'delivered' });
  });

  it('retries a failing receiver with backoff and the same webhook-id until it answers 2xx', async () => {
    receiver.answerWith((n) => ({ status: n < 2 ? 500 : 204 }));

    const webhookId = await publish();

    await waitFor(() => receiver.received.length === 3, { what: 'three attempts' });
    expect(receiver.received.map((r) => [r.headers['webhook-id'], r.status])).toEqual([
      [webhookId, 500],
      [webhookId, 500],
      [webhookId, 204],
    ]);
    for (const attempt of receiver.received) expect(() => new Webhook(WEBHOOK_SECRET).verify(attempt.body, attempt.headers as Record<string, string>)).not.toThrow();
    const [row] = (await waitFor(async () => {
      const rows = (await getJson(`${sim.api}/admin/webhook-deliveries`)).body;
      return rows[0]?.status === 'delivered' && rows;
    })) as { attempts: number; lastStatus: number; webhookId: string }[];
    expect(row).toMatchObject({ webhookId, attempts: 3, lastStatus: 204 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(3);
  });

  it('honours a Retry-After of a rate-limited receiver', async () => {
    receiver.answerWith((n) => (n === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 204 }));

    await publish();

    await waitFor(() => receiver.received.length === 2, { what: 'the retry' });
    const [first, second] = receiver.received.map((r) => r.at);
    expect(second - first).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the configured attempts and shows the delivery as failed', async () => {
    receiver.answerWith(() => ({ status: 503 }));

    const webhookId = await publish();

    const failed = await waitFor(async () => {
      const rows = (await getJson(`${sim.api}/admin/webhook-deliveries?status=failed`)).body;
      return rows.length === 1 && rows;
    }, { what: 'a failed delivery' });
    expect(failed[0]).toMatchObject({ webhookId, url: receiver.url, status: 'failed', attempts: 4, lastStatus: 503, lastError: 'HTTP 503' });
    expect(receiver.received).toHaveLength(4);
  });

  it('sends every message to every subscriber, each signed with its own secret', async () => {
    const otherSecret = `whsec_${Buffer.from('another receiver secret').toString('base64')}`;
    const other = await startWebhookReceiver();
    try {
      await postJson(`${sim.api}/webhook-subscriptions`, { url: other.url, secret: otherSecret });

      const webhookId = await publish();

      await waitFor(() => receiver.received.length === 1 && other.received.length === 1, { what: 'both receivers' });
      expect(other.received[0].headers['webhook-id']).toBe(webhookId);
      expect(() => new Webhook(otherSecret).verify(other.received[0].body, other.received[0].headers as Record<string, string>)).not.toThrow();
      expect(() => new Webhook(WEBHOOK_SECRET).verify(other.received[0].body, other.received[0].headers as Record<string, string>)).toThrow();
    } finally {
      await other.close();
    }
  });

  it('lists subscriptions without their secrets and stops sending to one that unsubscribed', async () => {
    const [subscription] = (await getJson(`${sim.api}/webhook-subscriptions`)).body;
    expect(subscription).toEqual({ id: expect.any(String), url: receiver.url, eventTypes: null, createdAt: expect.any(String) });

    expect((await fetch(`${sim.api}/webhook-subscriptions/${subscription.id}`, { method: 'DELETE' })).status).toBe(204);
    await publish();

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(0);
    expect((await getJson(`${sim.api}/admin/webhook-deliveries`)).body).toEqual([]);
  });

  it('sends a subscriber that named eventTypes only webhooks of those types', async () => {
    const other = await startWebhookReceiver();
    try {
      const subscribed = await postJson(`${sim.api}/webhook-subscriptions`, { url: other.url, secret: WEBHOOK_SECRET, eventTypes: ['probe.changed'] });
      expect(subscribed.body).toMatchObject({ url: other.url, eventTypes: ['probe.changed'] });

      await publish();
      const changed = (await postJson(`${sim.api}/probe/events`, { type: 'probe.changed', data: { n: 2 } })).body.webhookId;

      await waitFor(() => receiver.received.length === 2 && other.received.length === 1, { what: 'both types to the first receiver, one to the other' });
      expect(other.received.map((r) => r.headers['webhook-id'])).toEqual([changed]);
      const deliveries = (await getJson(`${sim.api}/admin/webhook-deliveries`)).body;
      expect(deliveries.filter((d: { url: string }) => d.url === other.url).map((d: { eventType: string }) => d.eventType)).toEqual(['probe.changed']);
    } finally {
      await other.close();
    }
  });

  it('refuses eventTypes that are empty or not webhook types, naming the field', async () => {
    for (const eventTypes of [[], ['no spaces allowed'], 'probe.changed']) {
      const response = await postJson(`${sim.api}/webhook-subscriptions`, { url: receiver.url, secret: WEBHOOK_SECRET, eventTypes });
      expect(response.status).toBe(400);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(response.body.errors.map(() => 'eventTypes'));
    }
  });

  it('refuses a subscription with a secret that is not whsec_<base64>', async () => {
    const response = await postJson(`${sim.api}/webhook-subscriptions`, { url: receiver.url, secret: 'hunter2' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'secret' })]);
  });
});
