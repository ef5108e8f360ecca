import type { Command } from '@switchboard/decider';

/** A won CRM customer is to be created in the CLM; `idempotencyKey` is the causing event's id. */
export type RequestClmCustomer = Command<
  'RequestClmCustomer',
  Readonly<{ customerId: string; idempotencyKey: string; requestedAt: Date }>
>;

/** The CLM's answer to `POST /customers`, with the name and email that were sent. */
export type RecordClmCustomerCreated = Command<
  'RecordClmCustomerCreated',
  Readonly<{ customerId: string; clmCustomerId: string; name: string; email: string; createdAt: Date }>
>;

/** The CLM refused `POST /customers` for good (4xx). */
export type RecordClmCustomerRefused = Command<
  'RecordClmCustomerRefused',
  Readonly<{ customerId: string; status: number; reason: string; refusedAt: Date }>
>;

export type ClmCustomerSyncCommand = RequestClmCustomer | RecordClmCustomerCreated | RecordClmCustomerRefused;
