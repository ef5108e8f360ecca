import type { Command } from '@switchboard/decider';
import type { ContractConditions } from './contract.events';

export type ContractAsReported = Readonly<{
  contractId: string;
  clmContractId: string;
  customerId: string;
  clmCustomerId: string;
  title: string;
  conditions: ContractConditions;
  draftedAt: Date;
}>;

/** From the CLM's `contract.drafted` webhook. */
export type RecordContractDraft = Command<'RecordContractDraft', ContractAsReported>;

/**
 * From the CLM's `contract.signed` webhook. It carries the whole contract, so a signature that
 * overtakes its draft records the draft too.
 */
export type RecordContractSignature = Command<
  'RecordContractSignature',
  ContractAsReported & Readonly<{ signedAt: Date; signedBy: string }>
>;

/** The signed document was fetched from the CLM and stored under its sha256. */
export type RecordSignedCopy = Command<
  'RecordSignedCopy',
  Readonly<{ contractId: string; documentId: string; sha256: string; size: number; contentType: string; storedAt: Date }>
>;

export type ContractCommand = RecordContractDraft | RecordContractSignature | RecordSignedCopy;
