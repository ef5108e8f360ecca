import { getJson, postJson, waitFor } from '@switchboard/testing';
import { WebhookDeliveryWorker } from '../src';
import { startWebhookReceiver, type SimulatorForTest, type WebhookReceiver } from '../src/testing';
import { startProbeSimulator, WEBHOOK_SECRET } from './support/probe-simulator';

// Its own file: the simulator's configuration is read once per test file's module registry.
describe('webhook delivery to WEBHOOK_URLS with WEBHOOK_EVENT_TYPES', () => {
  let receiver: WebhookReceiver;
  let sim: SimulatorForTest;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sim = await startProbeSimulator({ WEBHOOK_URLS: receiver.url, WEBHOOK_SECRET, WEBHOOK_EVENT_TYPES: 'probe.changed,probe.closed' });
  });

  afterAll(async () => {
    await sim?.close();
    await receiver?.close();
  });

  it('sends the configured receivers the listed types only', async () => {
    await postJson(`${sim.api}/probe/events`, { type: 'probe.happened', data: { n: 1 } });
    const changed = (await postJson(`${sim.api}/probe/events`, { type: 'probe.changed', data: { n: 2 } })).body.webhookId;

    await waitFor(async () => (await getJson(`${sim.api}/admin/webhook-deliveries?status=delivered`)).body.length === 1, { what: 'one delivery' });
    expect((await getJson(`${sim.api}/admin/webhook-deliveries`)).body.map((d: { eventType: string }) => d.eventType)).toEqual(['probe.changed']);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([changed]);
  });

  it('wakes the delivery worker only for a message some receiver takes', async () => {
    // Observed, not replaced: wake still runs. A wake for nothing would cost a claim query per change.
    const wake = jest.spyOn(sim.app.get(WebhookDeliveryWorker), 'wake');
    try {
      await postJson(`${sim.api}/probe/events`, { type: 'probe.happened', data: { n: 3 } });
      expect(wake).not.toHaveBeenCalled();
      await postJson(`${sim.api}/probe/events`, { type: 'probe.closed', data: { n: 4 } });
      expect(wake).toHaveBeenCalledTimes(1);
    } finally {
      wake.mockRestore();
    }
  });
});
