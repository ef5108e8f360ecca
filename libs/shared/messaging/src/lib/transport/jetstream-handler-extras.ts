import type { ConsumerSettings } from '../provisioning/consumer-provisioning';

/**
 * The extras object of `@EventPattern(pattern, extras)` for the JetStream transport:
 * `@EventPattern('crm.customer.won', { handler: 'create-customer', consumer: { maxDeliver: 8 } })`.
 */
export interface JetStreamHandlerExtras {
  /** Names the durable consumer `<service>__<handler>`; default: the pattern with `.` → `-` (`crm-customer-won`). */
  handler?: string;
  /** Per-handler consumer settings; configuration (JetStreamServerOptions.consumers) overrides them. */
  consumer?: Partial<ConsumerSettings>;
}

/** `crm.customer.won` → `crm-customer-won`; `order.*` → `order-any`; `order.>` → `order-all`. */
export function defaultHandlerName(pattern: string): string {
  return pattern
    .split('.')
    .map((token) => (token === '*' ? 'any' : token === '>' ? 'all' : token))
    .join('-');
}
