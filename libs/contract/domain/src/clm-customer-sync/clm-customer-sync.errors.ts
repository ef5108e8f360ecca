import { DomainError } from '@switchboard/decider';

export class ClmCustomerNotRequested extends DomainError {
  readonly code = 'clm-customer-sync.not-requested';
  readonly kind = 'not_found';
  constructor(customerId: string) {
    super(`customer ${customerId} was never requested from the CLM`, { customerId });
  }
}

/** The CLM answered another customer id for a customer that is already linked. */
export class ClmCustomerAlreadyLinked extends DomainError {
  readonly code = 'clm-customer-sync.already-linked';
  readonly kind = 'conflict';
  constructor(customerId: string, clmCustomerId: string, requestedClmCustomerId: string) {
    super(`customer ${customerId} is already CLM customer ${clmCustomerId}, not ${requestedClmCustomerId}`, {
      customerId,
      clmCustomerId,
      requestedClmCustomerId,
    });
  }
}

export class InvalidClmCustomerSyncField extends DomainError {
  readonly code = 'clm-customer-sync.invalid-field';
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`, { field, reason });
  }
}
