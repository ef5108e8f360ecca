import type { Command } from '@switchboard/decider';
import type { ErpCustomerConditions, ErpCustomerDetails } from './erp-customer-sync.events';

/** The ERP answered `POST /customers` with its customer number. */
export type RecordErpCustomerCreated = Command<
  'RecordErpCustomerCreated',
  Readonly<{ customerId: string; erpCustomerNumber: string; sent: ErpCustomerDetails; createdAt: Date }>
>;

/** The ERP refused `POST /customers` for good. */
export type RecordErpCustomerCreationRefused = Command<
  'RecordErpCustomerCreationRefused',
  Readonly<{ customerId: string; httpStatus: number; reason: string; refusedAt: Date }>
>;

/** The ERP took the conditions of a signed contract (`PUT /customers/{no}/conditions`). */
export type RecordErpCustomerConditionsPushed = Command<
  'RecordErpCustomerConditionsPushed',
  Readonly<{ customerId: string; conditions: ErpCustomerConditions; pushedAt: Date }>
>;

export type ErpCustomerSyncCommand =
  | RecordErpCustomerCreated
  | RecordErpCustomerCreationRefused
  | RecordErpCustomerConditionsPushed;
