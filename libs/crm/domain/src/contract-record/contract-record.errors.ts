import { DomainError } from '@switchboard/decider';

export class ContractRecordNotFound extends DomainError {
  readonly code = 'contract-record.not-found';
  readonly kind = 'not_found';
  constructor(contractId: string) {
    super(`contract ${contractId} has no record`, { contractId });
  }
}

/** A contract belongs to one customer: a draft for the same contract under another customer is refused. */
export class ContractRecordCustomerMismatch extends DomainError {
  readonly code = 'contract-record.customer-mismatch';
  readonly kind = 'conflict';
  constructor(contractId: string, customerId: string, requestedCustomerId: string) {
    super(`contract ${contractId} is recorded for customer ${customerId}, not ${requestedCustomerId}`, {
      contractId,
      customerId,
      requestedCustomerId,
    });
  }
}

/** The signed copy is only stored after the CRM requested it, which happens when the contract is signed. */
export class ContractNotSigned extends DomainError {
  readonly code = 'contract-record.not-signed';
  readonly kind = 'conflict';
  constructor(contractId: string) {
    super(`contract ${contractId} is not signed, so it has no signed copy to attach`, { contractId });
  }
}

export class SignedCopyAlreadyAttached extends DomainError {
  readonly code = 'contract-record.signed-copy-already-attached';
  readonly kind = 'conflict';
  constructor(contractId: string, documentId: string, requestedDocumentId: string) {
    super(`contract ${contractId} already has signed copy ${documentId}, not ${requestedDocumentId}`, {
      contractId,
      documentId,
      requestedDocumentId,
    });
  }
}

/** A command value is wrong; `field` names it. */
export class InvalidContractRecordField extends DomainError {
  readonly code = 'contract-record.invalid-field';
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`, { field, reason });
  }
}
