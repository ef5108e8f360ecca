import { DomainError } from '@switchboard/decider';

/** 404: no such customer, or (`conditions`) it has no contract conditions yet. */
export class CustomerNotFound extends DomainError {
  readonly code = 'erp.customer.not-found';
  readonly kind = 'not_found';

  constructor(customerNumber: string, missing: 'customer' | 'conditions' = 'customer') {
    super(missing === 'customer' ? `no customer ${customerNumber}` : `customer ${customerNumber} has no contract conditions`, { customerNumber });
  }
}
