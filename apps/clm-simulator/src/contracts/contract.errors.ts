import { DomainError } from '@switchboard/decider';

export class ContractNotFound extends DomainError {
  readonly code = 'clm.contract.not-found';
  readonly kind = 'not_found';

  constructor(contractId: string) {
    super(`no contract ${contractId}`, { contractId });
  }
}

/** 409: a contract's document exists only once it is signed. */
export class ContractNotSigned extends DomainError {
  readonly code = 'clm.contract.not-signed';
  readonly kind = 'conflict';

  constructor(contractId: string) {
    super(`contract ${contractId} is not signed yet: its document exists once it is`, { contractId });
  }
}
