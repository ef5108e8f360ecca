import { Webhook } from 'standardwebhooks';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, type WebhookHeaders } from './webhook-headers';
import { parseWebhookSecrets } from './webhook-secret';

/**
 * Signs outbound deliveries per Standard Webhooks (HMAC-SHA256, `v1,<base64>`) with the first of
 * the secrets: during a rotation the receiver already accepts the new one, listed first.
 */
export class WebhookSigner {
  private readonly webhook: Webhook;

  constructor(secrets: string | readonly string[]) {
    this.webhook = new Webhook(parseWebhookSecrets(secrets)[0]);
  }

  /** The three headers for `payload` (the exact bytes to send) as delivery `id` at `timestamp`. */
  sign(id: string, payload: string | Buffer, timestamp: Date = new Date()): WebhookHeaders {
    return {
      [WEBHOOK_ID_HEADER]: id,
      [WEBHOOK_TIMESTAMP_HEADER]: String(Math.floor(timestamp.getTime() / 1000)),
      [WEBHOOK_SIGNATURE_HEADER]: this.webhook.sign(id, timestamp, payload),
    };
  }
}
