import { defineEventContract, jsonSchema as s } from '../event-contract';

/**
 * The CRM asks for the signed copy of a contract that was signed in the CLM (stream `CRM`): the
 * contract adapter fetches the document from the CLM, stores it and answers with
 * `contract.signed-copy.stored`.
 */
export interface CrmSignedCopyRequestedV1 {
  /** Our contract id (the contract adapter's Contract). */
  readonly contractId: string;
  readonly customerId: string;
  /** The CLM's id of the contract, to fetch the document by. */
  readonly clmContractId: string;
  readonly requestedAt: string;
}

export const CRM_SIGNED_COPY_REQUESTED = defineEventContract<CrmSignedCopyRequestedV1>(
  'crm.signed-copy.requested',
  1,
  s.object({ contractId: s.string, customerId: s.string, clmContractId: s.string, requestedAt: s.dateTime }),
);
