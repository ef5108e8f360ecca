import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { signWebhook } from './webhook-signer';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('signWebhook', () => {
  it('produces headers that standardwebhooks verifies for the same body', () => {
    const body = JSON.stringify({ type: 'sales-order.updated', data: { orderNumber: 'SO-500001' } });
    const headers = signWebhook(secret, '42', body);

    expect(headers['webhook-id']).toBe('42');
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('is refused for a body changed after signing or another secret', () => {
    const headers = signWebhook(secret, '42', '{"a":1}');

    expect(() => new Webhook(secret).verify('{"a":2}', { ...headers })).toThrow(WebhookVerificationError);
    expect(() => new Webhook('whsec_' + Buffer.from('another secret').toString('base64')).verify('{"a":1}', { ...headers })).toThrow(WebhookVerificationError);
  });
});
