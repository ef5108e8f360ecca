export interface IdempotencyModuleOptions {
  /** HTTP methods the key applies to (default POST). */
  methods?: readonly string[];
  /**
   * Paths the key never applies to (default: `/webhooks/...`, whose senders' `webhook-id` already
   * makes a replay answer as the first delivery, and whose handlers write their own responses).
   */
  excludePaths?: readonly RegExp[];
  /** After this long a pending key is taken over by a retry (default 30 s): its first request died. */
  staleAfterMs?: number;
  /** The @nestjs/typeorm data source name, when not the default one. */
  dataSourceName?: string;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');
