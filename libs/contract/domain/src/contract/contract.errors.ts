import { DomainError } from '@switchboard/decider';

export class ContractNotFound extends DomainError {
  readonly code = 'contract.not-found';
  readonly kind = 'not_found';
  constructor(contractId: string) {
    super(`contract ${contractId} does not exist`, { contractId });
  }
}

/** A signed copy for a contract that is only drafted: the signature has not been recorded yet. */
export class ContractNotSigned extends DomainError {
  readonly code = 'contract.not-signed';
  readonly kind = 'conflict';
  constructor(contractId: string) {
    super(`contract ${contractId} is not signed yet`, { contractId });
  }
}

/** Another document was already stored as the contract's signed copy. */
export class SignedCopyAlreadyStored extends DomainError {
  readonly code = 'contract.signed-copy-already-stored';
  readonly kind = 'conflict';
  constructor(contractId: string, sha256: string, requestedSha256: string) {
    super(`contract ${contractId} already has the signed copy ${sha256}, not ${requestedSha256}`, { contractId, sha256, requestedSha256 });
  }
}

export class InvalidContractField extends DomainError {
  readonly code = 'contract.invalid-field';
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`, { field, reason });
  }
}
