import type { Event } from '@switchboard/decider';

/** The customer is to be created in the CLM under this Idempotency-Key (the causing event id), on every try. */
export type ClmCustomerRequested = Event<
  'ClmCustomerRequested',
  Readonly<{ customerId: string; idempotencyKey: string; requestedAt: string }>
>;

/** The CLM answered with its customer id; `name` and `email` as they were sent. */
export type ClmCustomerCreated = Event<
  'ClmCustomerCreated',
  Readonly<{ customerId: string; clmCustomerId: string; name: string; email: string; createdAt: string }>
>;

/** The CLM refused the customer (a 4xx that no retry changes): recorded, not retried. */
export type ClmCustomerRefused = Event<
  'ClmCustomerRefused',
  Readonly<{ customerId: string; status: number; reason: string; refusedAt: string }>
>;

export type ClmCustomerSyncEvent = ClmCustomerRequested | ClmCustomerCreated | ClmCustomerRefused;

/** The persisted event types of the ClmCustomerSync stream with their schema versions. */
export const clmCustomerSyncEventTypes = {
  ClmCustomerRequested: { schemaVersion: 1 },
  ClmCustomerCreated: { schemaVersion: 1 },
  ClmCustomerRefused: { schemaVersion: 1 },
} as const satisfies Record<ClmCustomerSyncEvent['type'], { readonly schemaVersion: number }>;
