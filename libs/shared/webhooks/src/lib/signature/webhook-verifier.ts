import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './webhook-headers';
import { parseWebhookSecrets } from './webhook-secret';

export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export type WebhookSignatureFailure = 'missing-headers' | 'invalid-timestamp' | 'stale-timestamp' | 'no-matching-signature';

/** The request is not a genuine, fresh delivery: answer 401 and change nothing. */
export class WebhookSignatureError extends Error {
  constructor(
    readonly reason: WebhookSignatureFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** What a valid signature vouches for. */
export interface VerifiedDelivery {
  readonly id: string;
  /** The sender's `webhook-timestamp`. */
  readonly sentAt: Date;
}

export interface WebhookVerifierOptions {
  /** How far `webhook-timestamp` may be from now, either way (default 300 s). */
  readonly toleranceSeconds?: number;
  readonly now?: () => Date;
}

type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(' ') : (value as string | undefined);
}

/**
 * Verifies Standard Webhooks signatures against one or more secrets (any one verifies, so a
 * rotation has no gap). The HMAC is computed by the `standardwebhooks` package; the timestamp
 * check is ours because the package's tolerance is fixed at 5 minutes.
 */
export class WebhookVerifier {
  private readonly webhooks: readonly Webhook[];
  private readonly toleranceSeconds: number;
  private readonly now: () => Date;

  constructor(secrets: string | readonly string[], options: WebhookVerifierOptions = {}) {
    this.webhooks = parseWebhookSecrets(secrets).map((secret) => new Webhook(secret));
    this.toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS;
    this.now = options.now ?? (() => new Date());
  }

  /** `payload`: the exact bytes received (after Content-Encoding is undone). Throws WebhookSignatureError. */
  verify(payload: string | Buffer, headers: HeaderBag): VerifiedDelivery {
    const id = header(headers, WEBHOOK_ID_HEADER);
    const timestampHeader = header(headers, WEBHOOK_TIMESTAMP_HEADER);
    const signatures = header(headers, WEBHOOK_SIGNATURE_HEADER);
    if (!id || !timestampHeader || !signatures) {
      throw new WebhookSignatureError('missing-headers', 'the webhook-id, webhook-timestamp and webhook-signature headers are required');
    }
    if (!/^\d{1,12}$/.test(timestampHeader)) {
      throw new WebhookSignatureError('invalid-timestamp', 'webhook-timestamp must be whole seconds since the epoch');
    }
    const sentAt = new Date(Number(timestampHeader) * 1000);
    if (Math.abs(this.now().getTime() - sentAt.getTime()) > this.toleranceSeconds * 1000) {
      throw new WebhookSignatureError('stale-timestamp', `webhook-timestamp is more than ${this.toleranceSeconds} s away from now`);
    }
    const offered = signatures
      .split(' ')
      .map((entry) => entry.split(','))
      .filter(([version, signature]) => version === 'v1' && signature)
      .map(([, signature]) => Buffer.from(signature));
    const matches = this.webhooks.some((webhook) => {
      const expected = Buffer.from(webhook.sign(id, sentAt, payload).split(',')[1]);
      return offered.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
    });
    if (!matches) throw new WebhookSignatureError('no-matching-signature', 'no webhook-signature matches a current secret');
    return { id, sentAt };
  }
}
