import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from './webhook-secret';
import { WebhookSigner } from './webhook-signer';
import { WebhookSignatureError, WebhookVerifier } from './webhook-verifier';

const body = '{"type":"order.shipped","orderNo":"SO-1"}';
const at = new Date('2026-01-10T12:00:00Z');
const clock = (date: Date) => () => date;
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason;
    throw error;
  }
  return 'verified';
}

describe('WebhookVerifier', () => {
  const secret = generateWebhookSecret();
  const headers = new WebhookSigner(secret).sign('msg_1', body, at);

  it('verifies a delivery signed with the secret and tells its id and send time', () => {
    expect(new WebhookVerifier(secret, { now: clock(at) }).verify(Buffer.from(body), headers)).toEqual({ id: 'msg_1', sentAt: at });
  });

  it('agrees with the standardwebhooks reference verifier', () => {
    const reference = new Webhook(secret);

    expect(() => reference.verify(body, { ...new WebhookSigner(secret).sign('msg_2', body) })).not.toThrow();
  });

  it('refuses a changed body, another id, or another secret', () => {
    const verifier = new WebhookVerifier(secret, { now: clock(at) });

    expect(failure(() => verifier.verify(body.replace('SO-1', 'SO-2'), headers))).toBe('no-matching-signature');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-id': 'msg_9' }))).toBe('no-matching-signature');
    expect(failure(() => new WebhookVerifier(generateWebhookSecret(), { now: clock(at) }).verify(body, headers))).toBe('no-matching-signature');
  });

  it('refuses a delivery without its headers or with a malformed timestamp', () => {
    const verifier = new WebhookVerifier(secret, { now: clock(at) });

    expect(failure(() => verifier.verify(body, { 'webhook-id': 'msg_1' }))).toBe('missing-headers');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-timestamp': '1.5e9' }))).toBe('invalid-timestamp');
  });

  it('accepts a timestamp within the tolerance either way and refuses one outside it', () => {
    expect(failure(() => new WebhookVerifier(secret, { now: clock(later(300)) }).verify(body, headers))).toBe('verified');
    expect(failure(() => new WebhookVerifier(secret, { now: clock(later(-300)) }).verify(body, headers))).toBe('verified');
    expect(failure(() => new WebhookVerifier(secret, { now: clock(later(301)) }).verify(body, headers))).toBe('stale-timestamp');
    expect(failure(() => new WebhookVerifier(secret, { now: clock(later(-301)) }).verify(body, headers))).toBe('stale-timestamp');
    expect(failure(() => new WebhookVerifier(secret, { now: clock(later(20)), toleranceSeconds: 10 }).verify(body, headers))).toBe('stale-timestamp');
    expect(failure(() => new WebhookVerifier(secret, { now: clock(later(900)), toleranceSeconds: 1800 }).verify(body, headers))).toBe('verified');
  });

  it('accepts any current secret during a rotation, and signs with the first', () => {
    const [next, current] = [generateWebhookSecret(), generateWebhookSecret()];
    const verifier = new WebhookVerifier([next, current], { now: clock(at) });
    const signedWithOld = new WebhookSigner(current).sign('msg_3', body, at);
    const signedDuringRotation = new WebhookSigner([next, current]).sign('msg_4', body, at);

    expect(verifier.verify(body, signedWithOld).id).toBe('msg_3');
    expect(new WebhookVerifier(next, { now: clock(at) }).verify(body, signedDuringRotation).id).toBe('msg_4');
  });

  it('finds a valid v1 signature among several offered and ignores other versions', () => {
    const verifier = new WebhookVerifier(secret, { now: clock(at) });
    const offered = `v2,abc v1,${Buffer.from('x'.repeat(32)).toString('base64')} ${headers['webhook-signature']}`;

    expect(verifier.verify(body, { ...headers, 'webhook-signature': offered }).id).toBe('msg_1');
  });
});
