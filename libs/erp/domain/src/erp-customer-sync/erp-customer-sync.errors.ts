import { DomainError } from '@switchboard/decider';

/** The customer is in the ERP under another number: a second creation would be a duplicate. */
export class ErpCustomerAlreadySynced extends DomainError {
  readonly code = 'erp.customer-sync.already-synced';
  readonly kind = 'conflict';
  constructor(customerId: string, erpCustomerNumber: string, other: string) {
    super(`customer ${customerId} is ERP customer ${erpCustomerNumber}, not ${other}`, { customerId, erpCustomerNumber, other });
  }
}

/** The customer is not (yet) in the ERP: orders and conditions for it wait (the consumer retries). */
export class ErpCustomerNotSynced extends DomainError {
  readonly code = 'erp.customer-sync.not-synced';
  readonly kind = 'not_found';
  constructor(customerId: string) {
    super(`customer ${customerId} is not in the ERP yet`, { customerId });
  }
}

export class InvalidErpCustomerSyncField extends DomainError {
  readonly code = 'erp.customer-sync.invalid-field';
  readonly kind = 'invalid';
  constructor(field: string, problem: string) {
    super(`${field} ${problem}`, { field, problem });
  }
}
