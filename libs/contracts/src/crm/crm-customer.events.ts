import { defineEventContract, jsonSchema as s } from '../event-contract';

/** Integration events of the CRM's Customer (stream `CRM`). Times are RFC 3339 strings. */
export interface PostalAddressV1 {
  readonly street: string;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

export interface CrmCustomerRegisteredV1 {
  readonly customerId: string;
  readonly name: string;
  readonly email: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly vatId: string | null;
  readonly address: PostalAddressV1 | null;
  readonly registeredAt: string;
}

/** A prospect became a customer: from now on it may order. */
export interface CrmCustomerWonV1 {
  readonly customerId: string;
  readonly wonAt: string;
}

/** Only the fields that changed; `null` removes an optional value. */
export interface CrmCustomerDetailsChangedV1 {
  readonly customerId: string;
  readonly changes: Partial<Pick<CrmCustomerRegisteredV1, 'name' | 'email' | 'country' | 'vatId' | 'address'>>;
  readonly changedAt: string;
}

const address = s.object({ street: s.string, city: s.string, postalCode: s.string, country: s.country });

export const CRM_CUSTOMER_REGISTERED = defineEventContract<CrmCustomerRegisteredV1>(
  'crm.customer.registered',
  1,
  s.object({
    customerId: s.string,
    name: s.string,
    email: s.string,
    country: s.country,
    vatId: s.nullable(s.string),
    address: s.nullable(address),
    registeredAt: s.dateTime,
  }),
);

export const CRM_CUSTOMER_WON = defineEventContract<CrmCustomerWonV1>(
  'crm.customer.won',
  1,
  s.object({ customerId: s.string, wonAt: s.dateTime }),
);

export const CRM_CUSTOMER_DETAILS_CHANGED = defineEventContract<CrmCustomerDetailsChangedV1>(
  'crm.customer.details-changed',
  1,
  s.object({
    customerId: s.string,
    changes: s.object(
      { name: s.string, email: s.string, country: s.country, vatId: s.nullable(s.string), address: s.nullable(address) },
      [],
    ),
    changedAt: s.dateTime,
  }),
);

/** Every `crm.customer.*` contract. */
export const CRM_CUSTOMER_EVENTS = [CRM_CUSTOMER_REGISTERED, CRM_CUSTOMER_WON, CRM_CUSTOMER_DETAILS_CHANGED] as const;
