/** A change a simulator reports to its webhook receivers. */
export interface WebhookMessage {
  /** The `webhook-id`: stable for the change (ERP: its change id), so receivers can deduplicate. */
  readonly id: string;
  /** e.g. `sales-order.updated`, `contract.signed`. */
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** When the change happened (default now). */
  readonly timestamp?: Date;
}

/** The body of every webhook, in the Standard Webhooks payload shape `{ type, timestamp, data }`. */
export function webhookBody(message: WebhookMessage): string {
  return JSON.stringify({
    type: message.type,
    timestamp: (message.timestamp ?? new Date()).toISOString(),
    data: message.data,
  });
}
