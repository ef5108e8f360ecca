import type { Event } from '@switchboard/decider';

/** The contract conditions as the CLM states them (payment terms, discount, validity). */
export type ContractConditions = Readonly<{
  paymentTerms: string;
  discountPercent: number;
  /** `YYYY-MM-DD` */
  validFrom: string;
  /** `YYYY-MM-DD`, or null: open-ended. */
  validTo: string | null;
}>;

/** Who and what the contract is about, as the CLM reported it. Times are ISO-8601 strings. */
type ContractFacts = Readonly<{
  contractId: string;
  clmContractId: string;
  /** The Switchboard (CRM) customer id: the CLM customer's external reference. */
  customerId: string;
  clmCustomerId: string;
  title: string;
  conditions: ContractConditions;
}>;

export type ContractDrafted = Event<'ContractDrafted', ContractFacts & Readonly<{ draftedAt: string }>>;

export type ContractSigned = Event<
  'ContractSigned',
  Readonly<{
    contractId: string;
    clmContractId: string;
    customerId: string;
    /** The conditions as signed (the CLM may have changed them after the draft). */
    conditions: ContractConditions;
    signedAt: string;
    signedBy: string;
  }>
>;

/** The signed document, fetched from the CLM and stored content-addressed: its id is its sha256. */
export type SignedCopyStored = Event<
  'SignedCopyStored',
  Readonly<{
    contractId: string;
    clmContractId: string;
    customerId: string;
    documentId: string;
    /** Lower-case hex SHA-256 of the bytes. */
    sha256: string;
    size: number;
    contentType: string;
    storedAt: string;
  }>
>;

export type ContractEvent = ContractDrafted | ContractSigned | SignedCopyStored;

/** The persisted event types of the Contract stream with their schema versions (the app's EventTypeRegistry). */
export const contractEventTypes = {
  ContractDrafted: { schemaVersion: 1 },
  ContractSigned: { schemaVersion: 1 },
  SignedCopyStored: { schemaVersion: 1 },
} as const satisfies Record<ContractEvent['type'], { readonly schemaVersion: number }>;
