import type { Command } from '@switchboard/decider';

/** From `contract.drafted`. */
export type RecordContractDraft = Command<
  'RecordContractDraft',
  Readonly<{ contractId: string; customerId: string; clmContractId: string; title: string; draftedAt: Date }>
>;

/** From `contract.signed`: `requestedAt` is when the CRM asks for the signed copy (the edge's clock). */
export type MarkContractSigned = Command<
  'MarkContractSigned',
  Readonly<{ contractId: string; signedAt: Date; requestedAt: Date }>
>;

/** From `contract.signed-copy.stored`. */
export type AttachSignedCopy = Command<
  'AttachSignedCopy',
  Readonly<{
    contractId: string;
    documentId: string;
    sha256: string;
    size: number;
    url: string;
    attachedAt: Date;
  }>
>;

export type ContractRecordCommand = RecordContractDraft | MarkContractSigned | AttachSignedCopy;
