import type { EntityManager } from 'typeorm';

/** A verified delivery as the handler sees it. */
export interface ReceivedWebhook<P = unknown> {
  /** The sender's `webhook-id`: the same on every redelivery of this message. */
  readonly id: string;
  readonly source: string;
  readonly sentAt: Date;
  readonly receivedAt: Date;
  readonly payload: P;
  /** 1 on the first try, more when an earlier try failed. */
  readonly attempt: number;
}

export interface WebhookHandlingContext {
  /**
   * The transaction that marks the webhook processed: writes made through it commit together
   * with that mark, or not at all (exactly once). Effects elsewhere (event store, HTTP) are
   * at least once: after a crash between them and the commit, the webhook is handled again, so
   * make them idempotent, e.g. keyed by `webhook.id`.
   */
  readonly manager: EntityManager;
}

/**
 * What an adapter writes for a touchpoint: apply one delivery and return its outcome (JSON; it
 * is stored and is the body of the sync answer). Throw UnprocessableWebhook for a delivery that
 * can never be applied; anything else thrown is retried with backoff.
 */
export interface WebhookHandler<P = unknown, R = unknown> {
  handle(webhook: ReceivedWebhook<P>, context: WebhookHandlingContext): Promise<R>;
}

/** The delivery can never be applied (unknown type, invalid payload): dead at once, 422 in sync mode. */
export class UnprocessableWebhook extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableWebhook';
  }
}
