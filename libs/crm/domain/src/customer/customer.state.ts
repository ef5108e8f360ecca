import type { PostalAddress } from './customer.events';

export type CustomerDetails = Readonly<{
  name: string;
  email: string;
  country: string;
  vatId: string | null;
  address: PostalAddress | null;
}>;

type RegisteredCustomer = Readonly<{
  customerId: string;
  details: CustomerDetails;
  registeredAt: string;
  /** The ERP's and the CLM's ids for this customer, once they reported them. */
  erpCustomerNumber: string | null;
  clmCustomerId: string | null;
}>;

export type CustomerStatus = 'prospect' | 'won';

export type CustomerState =
  | Readonly<{ status: 'initial' }>
  | (RegisteredCustomer & Readonly<{ status: 'prospect' }>)
  | (RegisteredCustomer & Readonly<{ status: 'won'; wonAt: string }>);

export function initialCustomerState(): CustomerState {
  return { status: 'initial' };
}
