import { Webhook } from 'standardwebhooks';

/** The three headers of a Standard Webhooks request. */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * Signs one delivery attempt per Standard Webhooks (HMAC-SHA256 `v1`) with the `standardwebhooks`
 * package. `secret` is a `whsec_<base64>` secret. The id stays the same on every retry; the
 * timestamp is the attempt's, so a receiver's 5-minute tolerance holds for late retries too.
 */
export function signWebhook(secret: string, webhookId: string, body: string, at: Date = new Date()): WebhookHeaders {
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(webhookId, at, body),
  };
}
