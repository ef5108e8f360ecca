import { DomainError } from '@switchboard/decider';

export class CustomerNotFound extends DomainError {
  readonly code = 'customer.not-found';
  readonly kind = 'not_found';
  constructor(customerId: string) {
    super(`customer ${customerId} does not exist`, { customerId });
  }
}

/** Registering an existing customer with other details (the same details again change nothing). */
export class CustomerAlreadyRegistered extends DomainError {
  readonly code = 'customer.already-registered';
  readonly kind = 'conflict';
  constructor(customerId: string) {
    super(`customer ${customerId} is already registered with other details`, { customerId });
  }
}

export class ErpCustomerAlreadyLinked extends DomainError {
  readonly code = 'customer.erp-customer-already-linked';
  readonly kind = 'conflict';
  constructor(customerId: string, erpCustomerNumber: string, requestedErpCustomerNumber: string) {
    super(
      `customer ${customerId} is already linked to ERP customer ${erpCustomerNumber}, not ${requestedErpCustomerNumber}`,
      {
        customerId,
        erpCustomerNumber,
        requestedErpCustomerNumber,
      },
    );
  }
}

export class ClmCustomerAlreadyLinked extends DomainError {
  readonly code = 'customer.clm-customer-already-linked';
  readonly kind = 'conflict';
  constructor(customerId: string, clmCustomerId: string, requestedClmCustomerId: string) {
    super(
      `customer ${customerId} is already linked to CLM customer ${clmCustomerId}, not ${requestedClmCustomerId}`,
      {
        customerId,
        clmCustomerId,
        requestedClmCustomerId,
      },
    );
  }
}

/** A command value is wrong; `field` is its path in the command (`address.postalCode`). */
export class InvalidCustomerField extends DomainError {
  readonly code = 'customer.invalid-field';
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`, { field, reason });
  }
}
