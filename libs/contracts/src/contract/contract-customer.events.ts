import { defineEventContract, jsonSchema as s } from '../event-contract';

/** The contract adapter created a won CRM customer in the CLM (stream `CONTRACT`). */
export interface ContractCustomerCreatedV1 {
  /** The CRM's customer id. */
  readonly customerId: string;
  /** The CLM's id for this customer. */
  readonly clmCustomerId: string;
  readonly createdAt: string;
}

export const CONTRACT_CUSTOMER_CREATED = defineEventContract<ContractCustomerCreatedV1>(
  'contract.customer.created',
  1,
  s.object({ customerId: s.string, clmCustomerId: s.string, createdAt: s.dateTime }),
);
