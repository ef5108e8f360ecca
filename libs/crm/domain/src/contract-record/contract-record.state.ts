import type { SignedCopy } from './contract-record.events';

type RecordedContract = Readonly<{
  contractId: string;
  customerId: string;
  clmContractId: string;
  title: string;
  draftedAt: string;
}>;

export type ContractRecordStatus = 'drafted' | 'signed';

export type ContractRecordState =
  | Readonly<{ status: 'initial' }>
  | (RecordedContract & Readonly<{ status: 'drafted' }>)
  | (RecordedContract &
      Readonly<{
        status: 'signed';
        signedAt: string;
        signedCopyRequestedAt: string | null;
        signedCopy: SignedCopy | null;
      }>);

export function initialContractRecordState(): ContractRecordState {
  return { status: 'initial' };
}
