import type { ModuleMetadata } from '@nestjs/common';

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

export interface IdempotencyModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own factory typing
  inject?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own factory typing
  useFactory: (...args: any[]) => Omit<IdempotencyModuleOptions, 'dataSourceName'>;
  /** The @nestjs/typeorm data source name, when not the default one (needed before the factory runs). */
  dataSourceName?: string;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');
