import { defineEventContract, jsonSchema as s } from '../event-contract';
import { CONTRACT_CUSTOMER_CREATED } from './contract-customer.events';

/**
 * Integration events of the contract adapter's Contract (stream `CONTRACT`): drafted in the CLM,
 * signed there, its signed copy stored by us. `contractId` is our id of the contract (the subject
 * of every event), `clmContractId` the CLM's. Times are RFC 3339 strings.
 */
export interface ContractDraftedV1 {
  readonly contractId: string;
  readonly customerId: string;
  readonly clmContractId: string;
  readonly title: string;
  readonly draftedAt: string;
}

export interface ContractSignedV1 {
  readonly contractId: string;
  readonly customerId: string;
  readonly clmContractId: string;
  readonly signedAt: string;
}

/** The signed document, fetched from the CLM and stored content-addressed. */
export interface ContractSignedCopyStoredV1 {
  readonly contractId: string;
  readonly customerId: string;
  readonly clmContractId: string;
  /** The document store's id of the copy. */
  readonly documentId: string;
  /** Lower-case hex SHA-256 of the document's bytes. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
  /** Where the copy can be downloaded (http or https). */
  readonly url: string;
  readonly storedAt: string;
}

export const CONTRACT_DRAFTED = defineEventContract<ContractDraftedV1>(
  'contract.drafted',
  1,
  s.object({ contractId: s.string, customerId: s.string, clmContractId: s.string, title: s.string, draftedAt: s.dateTime }),
);

export const CONTRACT_SIGNED = defineEventContract<ContractSignedV1>(
  'contract.signed',
  1,
  s.object({ contractId: s.string, customerId: s.string, clmContractId: s.string, signedAt: s.dateTime }),
);

export const CONTRACT_SIGNED_COPY_STORED = defineEventContract<ContractSignedCopyStoredV1>(
  'contract.signed-copy.stored',
  1,
  s.object({
    contractId: s.string,
    customerId: s.string,
    clmContractId: s.string,
    documentId: s.string,
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    size: s.positiveInteger,
    url: { type: 'string', format: 'uri', pattern: '^https?://' },
    storedAt: s.dateTime,
  }),
);

/** Every `contract.*` contract. */
export const CONTRACT_EVENTS = [CONTRACT_CUSTOMER_CREATED, CONTRACT_DRAFTED, CONTRACT_SIGNED, CONTRACT_SIGNED_COPY_STORED] as const;
