import type { CalloutClientOptions } from '@switchboard/webhooks';
import type { ErpAdapterConfig } from '../config';

/** The timeout and retry budget every callout of the adapter shares, from the configuration. */
export function calloutSettings(config: ErpAdapterConfig): Pick<CalloutClientOptions, 'timeoutMs' | 'retry'> {
  return {
    timeoutMs: config.CALLOUT_TIMEOUT_MS,
    retry: { maxAttempts: config.CALLOUT_MAX_ATTEMPTS, maxElapsedMs: config.CALLOUT_MAX_ELAPSED_MS },
  };
}

/** Splits an API root (`http://erp:3101/api/v1`) into the client's origin and the prefix of every path. */
export function apiRoot(baseUrl: string): { origin: string; prefix: string } {
  const url = new URL(baseUrl);
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}
