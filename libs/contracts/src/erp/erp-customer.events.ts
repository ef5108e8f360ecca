import { defineEventContract, jsonSchema as s } from '../event-contract';

/** The ERP adapter created a won CRM customer in the ERP (stream `ERP`). */
export interface ErpCustomerCreatedV1 {
  /** The CRM's customer id. */
  readonly customerId: string;
  /** The ERP's number for this customer. */
  readonly erpCustomerNumber: string;
  readonly createdAt: string;
}

export const ERP_CUSTOMER_CREATED = defineEventContract<ErpCustomerCreatedV1>(
  'erp.customer.created',
  1,
  s.object({ customerId: s.string, erpCustomerNumber: s.string, createdAt: s.dateTime }),
);
