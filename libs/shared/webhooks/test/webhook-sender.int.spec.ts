import { Registry } from 'prom-client';
import { CalloutError, generateWebhookSecret, WebhookSender, WebhookVerifier } from '../src/index';
import { answer, ScriptedServer } from './support/scripted-server';
import { quietLogger } from '@switchboard/testing';

describe('WebhookSender against a real HTTP server', () => {
  let server: ScriptedServer;
  const secret = generateWebhookSecret();
  const sender = (maxAttempts = 4) =>
    new WebhookSender({ name: 'erp-simulator', retry: { maxAttempts, baseDelayMs: 10, maxDelayMs: 20 }, logger: quietLogger, registry: new Registry() });

  beforeEach(async () => {
    server = await ScriptedServer.start();
  });

  afterEach(() => server.close());

  it('POSTs the JSON payload signed per Standard Webhooks, verifiable by the receiver', async () => {
    const res = await sender().send({ url: `${server.url}/webhooks/erp?mode=sync`, secret, id: 'msg_1', payload: { orderNo: 'SO-1', state: 'shipped' } });

    expect(res.status).toBe(200);
    const [request] = server.received;
    expect(request).toMatchObject({ method: 'POST', url: '/webhooks/erp?mode=sync' });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['idempotency-key']).toBeUndefined();
    expect(new WebhookVerifier(secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ id: 'msg_1' });
    expect(JSON.parse(request.body)).toEqual({ orderNo: 'SO-1', state: 'shipped' });
  });

  it('retries until acknowledged with the same webhook-id, each attempt validly signed', async () => {
    server.next.push(answer(503), answer(429, {}, { 'retry-after': '0' }));

    const res = await sender().send({ url: `${server.url}/hook`, secret, id: 'msg_2', payload: { n: 2 } });

    expect(res.attempts).toBe(3);
    expect(server.received.map((r) => r.headers['webhook-id'])).toEqual(['msg_2', 'msg_2', 'msg_2']);
    for (const request of server.received) {
      expect(new WebhookVerifier(secret).verify(request.body, request.headers as Record<string, string>).id).toBe('msg_2');
    }
  });

  it('rejects with a retryable CalloutError when the subscriber keeps failing, so the caller keeps it queued', async () => {
    server.otherwise = answer(500);

    await expect(sender(2).send({ url: `${server.url}/hook`, secret, id: 'msg_3', payload: {} })).rejects.toMatchObject({
      constructor: CalloutError,
      retryable: true,
      attempts: 2,
      status: 500,
    });
  });
});
