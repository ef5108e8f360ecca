import type { Registry } from 'prom-client';
import { CalloutClient, type CalloutResponse, type LoggerLike } from '../callout/callout-client';
import type { CircuitBreakerOptions } from '../callout/circuit-breaker';
import type { RetryPolicy } from '../callout/retry-policy';
import { WebhookSigner } from '../signature/webhook-signer';

export interface WebhookSenderOptions {
  /** The sending system (`erp-simulator`): the `target` of logs and metrics. */
  readonly name: string;
  /** Per attempt (default 5 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly circuitBreaker?: Partial<CircuitBreakerOptions>;
  readonly logger?: LoggerLike;
  readonly registry?: Registry;
}

export interface OutboundWebhook {
  /** The subscriber's URL. */
  readonly url: string;
  /** The subscription's secret(s), `whsec_…`; the first signs. */
  readonly secret: string | readonly string[];
  /** The delivery id (`webhook-id`), the same on every retry so the receiver can deduplicate. */
  readonly id: string;
  /** Serialised once: the signed bytes are the sent bytes. */
  readonly payload: unknown;
}

/**
 * Delivers Standard Webhooks: a JSON POST signed with the subscription's secret, retried through
 * a CalloutClient (backoff with jitter, Retry-After, a circuit per subscriber URL). Each attempt
 * is signed afresh, so a delivery retried for longer than the receiver's tolerance still verifies.
 * Resolves on a 2xx; rejects with a CalloutError otherwise (the caller keeps it queued).
 */
export class WebhookSender {
  private readonly clients = new Map<string, CalloutClient>();

  constructor(private readonly options: WebhookSenderOptions) {}

  async send(webhook: OutboundWebhook): Promise<CalloutResponse> {
    const url = new URL(webhook.url);
    const signer = new WebhookSigner(webhook.secret);
    const body = JSON.stringify(webhook.payload);
    return this.client(url.origin).request({
      method: 'POST',
      path: `${url.pathname}${url.search}`,
      route: `POST ${url.pathname}`,
      body,
      // The webhook-id is the delivery's idempotency key; an Idempotency-Key would duplicate it.
      idempotencyKey: false,
      headers: () => ({ 'content-type': 'application/json', ...signer.sign(webhook.id, body) }),
    });
  }

  private client(origin: string): CalloutClient {
    let client = this.clients.get(origin);
    if (!client) {
      const { name, timeoutMs, retry, circuitBreaker, logger, registry } = this.options;
      client = new CalloutClient({ name, baseUrl: origin, timeoutMs, retry, circuitBreaker, logger, registry });
      this.clients.set(origin, client);
    }
    return client;
  }
}
