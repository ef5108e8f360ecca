import type { Event } from '@switchboard/decider';

/** Every event names the customer, so the customer 360 view needs no lookup. Times are ISO-8601 strings. */
export type ContractDraftRecorded = Event<
  'ContractDraftRecorded',
  Readonly<{
    contractId: string;
    customerId: string;
    clmContractId: string;
    title: string;
    draftedAt: string;
  }>
>;

export type ContractSigned = Event<
  'ContractSigned',
  Readonly<{ contractId: string; customerId: string; signedAt: string }>
>;

/** The CRM asks for the signed copy; the app publishes it as `crm.signed-copy.requested`. */
export type SignedCopyRequested = Event<
  'SignedCopyRequested',
  Readonly<{ contractId: string; customerId: string; clmContractId: string; requestedAt: string }>
>;

export type SignedCopy = Readonly<{
  documentId: string;
  /** Lower-case hex SHA-256 of the document's bytes. */
  sha256: string;
  /** Bytes. */
  size: number;
  url: string;
  attachedAt: string;
}>;

export type SignedCopyAttached = Event<
  'SignedCopyAttached',
  Readonly<{ contractId: string; customerId: string } & SignedCopy>
>;

export type ContractRecordEvent =
  ContractDraftRecorded | ContractSigned | SignedCopyRequested | SignedCopyAttached;

/** The persisted event type names of the ContractRecord stream with their schema versions (see customerEventTypes). */
export const contractRecordEventTypes = {
  ContractDraftRecorded: { schemaVersion: 1 },
  ContractSigned: { schemaVersion: 1 },
  SignedCopyRequested: { schemaVersion: 1 },
  SignedCopyAttached: { schemaVersion: 1 },
} as const satisfies Record<ContractRecordEvent['type'], { readonly schemaVersion: number }>;
