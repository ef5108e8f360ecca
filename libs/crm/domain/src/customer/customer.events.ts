import type { Event } from '@switchboard/decider';

/** Times in events are ISO-8601 strings: events are stored as JSON, and a fold must see what was stored. */
export type PostalAddress = Readonly<{
  street: string;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}>;

export type CustomerRegistered = Event<
  'CustomerRegistered',
  Readonly<{
    customerId: string;
    name: string;
    email: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    vatId: string | null;
    address: PostalAddress | null;
    registeredAt: string;
  }>
>;

export type CustomerWon = Event<'CustomerWon', Readonly<{ customerId: string; wonAt: string }>>;

export type ErpCustomerLinked = Event<
  'ErpCustomerLinked',
  Readonly<{ customerId: string; erpCustomerNumber: string; linkedAt: string }>
>;

export type ClmCustomerLinked = Event<
  'ClmCustomerLinked',
  Readonly<{ customerId: string; clmCustomerId: string; linkedAt: string }>
>;

/** Only the fields that changed; `null` means the optional value was removed. */
export type CustomerDetailChanges = Readonly<{
  name?: string;
  email?: string;
  country?: string;
  vatId?: string | null;
  address?: PostalAddress | null;
}>;

export type CustomerDetailsChanged = Event<
  'CustomerDetailsChanged',
  Readonly<{ customerId: string; changes: CustomerDetailChanges; changedAt: string }>
>;

export type CustomerEvent =
  CustomerRegistered | CustomerWon | ErpCustomerLinked | ClmCustomerLinked | CustomerDetailsChanged;

/**
 * The persisted event type names of the Customer stream with their current schema versions:
 * the app builds its EventTypeRegistry from it (`registry.register(type, definition)` for each
 * entry). `satisfies` makes a new event type without an entry a compile error.
 */
export const customerEventTypes = {
  CustomerRegistered: { schemaVersion: 1 },
  CustomerWon: { schemaVersion: 1 },
  ErpCustomerLinked: { schemaVersion: 1 },
  ClmCustomerLinked: { schemaVersion: 1 },
  CustomerDetailsChanged: { schemaVersion: 1 },
} as const satisfies Record<CustomerEvent['type'], { readonly schemaVersion: number }>;
