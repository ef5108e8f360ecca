/** A verified delivery as the handler sees it. */
export interface ReceivedWebhook<P = unknown> {
  /**
   * The sender's `webhook-id`: the same on every redelivery of this message and on every try of
   * it here. Key the handler's effects by it: a try may run again (see WebhookHandler).
   */
  readonly id: string;
  readonly source: string;
  readonly sentAt: Date;
  readonly receivedAt: Date;
  readonly payload: P;
  /** 1 on the first try, more when an earlier try failed (a try cut short by a crash is not counted). */
  readonly attempt: number;
}

/**
 * What an adapter writes for a touchpoint: apply one delivery and return its outcome (JSON; it
 * is stored and is the body of the sync answer). Throw UnprocessableWebhook for a delivery that
 * can never be applied; anything else thrown is retried with backoff.
 *
 * At least once: the handler runs with no transaction open (one held across it would hold back
 * every event store subscriber), and the outcome is recorded after it returns. A worker that dies
 * or overruns its lease before that leaves the delivery to be handled again, possibly while the
 * first try still runs. So the handler must be idempotent by `webhook.id`, e.g. through an
 * event-sourced aggregate that appends nothing for a change it already has.
 */
export interface WebhookHandler<P = unknown, R = unknown> {
  handle(webhook: ReceivedWebhook<P>): Promise<R>;
}

/** The delivery can never be applied (unknown type, invalid payload): dead at once, 422 in sync mode. */
export class UnprocessableWebhook extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableWebhook';
  }
}
