import type { ContractConditions } from './contract.events';

export type StoredCopy = Readonly<{ documentId: string; sha256: string; size: number; contentType: string; storedAt: string }>;

type KnownContract = Readonly<{
  contractId: string;
  clmContractId: string;
  customerId: string;
  clmCustomerId: string;
  title: string;
  conditions: ContractConditions;
  draftedAt: string;
}>;

type Signature = Readonly<{ signedAt: string; signedBy: string }>;

export type ContractState =
  | Readonly<{ status: 'initial' }>
  | (KnownContract & Readonly<{ status: 'drafted' }>)
  | (KnownContract & Signature & Readonly<{ status: 'signed' }>)
  | (KnownContract & Signature & Readonly<{ status: 'signed-copy-stored'; copy: StoredCopy }>);

export function initialContractState(): ContractState {
  return { status: 'initial' };
}
