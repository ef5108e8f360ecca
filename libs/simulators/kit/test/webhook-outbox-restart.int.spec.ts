import { getJson, postJson, waitFor } from '@switchboard/testing';
import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver, type SimulatorForTest } from '../src/testing';
import { startProbeSimulator, WEBHOOK_SECRET } from './support/probe-simulator';

describe('webhook outbox across a restart', () => {
  let sim: SimulatorForTest;

  afterAll(() => sim.close());

  it('delivers after a restart what a receiver refused before it, with the same webhook-id', async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 500 }));
    try {
      sim = await startProbeSimulator({ WEBHOOK_URLS: receiver.url, WEBHOOK_SECRET });
      const ids = await Promise.all(
        [1, 2, 3].map(async (n) => (await postJson(`${sim.api}/probe/events`, { type: 'probe.happened', data: { n } })).body.webhookId as string),
      );
      await waitFor(() => receiver.received.length >= 3, { what: 'first attempts' });

      sim = await sim.restart();
      receiver.answerWith(() => ({ status: 200 }));

      await waitFor(async () => (await getJson(`${sim.api}/admin/webhook-deliveries?status=delivered`)).body.length === 3, { what: 'all delivered' });
      const delivered = receiver.received.filter((r) => r.status === 200);
      expect(delivered.map((r) => r.headers['webhook-id']).sort()).toEqual([...ids].sort());
      for (const r of delivered) expect(() => new Webhook(WEBHOOK_SECRET).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    } finally {
      await receiver.close();
    }
  });
});
