import { DomainError } from '@switchboard/decider';

export class ClmCustomerNotFound extends DomainError {
  readonly code = 'clm.customer.not-found';
  readonly kind = 'not_found';

  constructor(clmCustomerId: string) {
    super(`no customer ${clmCustomerId}`, { clmCustomerId });
  }
}
