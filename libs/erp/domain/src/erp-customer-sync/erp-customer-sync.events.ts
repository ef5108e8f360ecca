import type { Event } from '@switchboard/decider';

/** What the adapter sent to the ERP to create the customer (from the CRM's customer record). */
export type ErpCustomerDetails = Readonly<{
  name: string;
  email: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  vatId: string | null;
  address: Readonly<{ street: string; city: string; postalCode: string; country: string }> | null;
}>;

/** A signed contract's conditions as the ERP keeps them per customer. */
export type ErpCustomerConditions = Readonly<{
  contractId: string;
  paymentTerms: string;
  discountPercent: number;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null: open-ended. */
  validTo: string | null;
}>;

/** Times are ISO-8601 strings. */
export type ErpCustomerCreated = Event<
  'ErpCustomerCreated',
  Readonly<{ customerId: string; erpCustomerNumber: string; sent: ErpCustomerDetails; createdAt: string }>
>;

/** The ERP refused the customer (a 4xx other than 408/429): recorded, not retried. */
export type ErpCustomerCreationRefused = Event<
  'ErpCustomerCreationRefused',
  Readonly<{ customerId: string; httpStatus: number; reason: string; refusedAt: string }>
>;

export type ErpCustomerConditionsPushed = Event<
  'ErpCustomerConditionsPushed',
  Readonly<{ customerId: string; erpCustomerNumber: string; conditions: ErpCustomerConditions; pushedAt: string }>
>;

export type ErpCustomerSyncEvent = ErpCustomerCreated | ErpCustomerCreationRefused | ErpCustomerConditionsPushed;

export const erpCustomerSyncEventTypes = {
  ErpCustomerCreated: { schemaVersion: 1 },
  ErpCustomerCreationRefused: { schemaVersion: 1 },
  ErpCustomerConditionsPushed: { schemaVersion: 1 },
} as const satisfies Record<ErpCustomerSyncEvent['type'], { readonly schemaVersion: number }>;
