import { DeciderSpecification, foldEvents } from '@switchboard/decider';
import type { AttachSignedCopy, MarkContractSigned, RecordContractDraft } from './contract-record.commands';
import { contractRecordDecider } from './contract-record.decider';
import {
  ContractNotSigned,
  ContractRecordCustomerMismatch,
  ContractRecordNotFound,
  InvalidContractRecordField,
  SignedCopyAlreadyAttached,
} from './contract-record.errors';
import { contractRecordEventTypes, type ContractRecordEvent } from './contract-record.events';
import { contractRecordStream } from './contract-record.stream';

const spec = DeciderSpecification.for(contractRecordDecider);
const contractId = 'k-1';
const customerId = 'c-1';
const sha256 = 'a'.repeat(64);

const recordDraft: RecordContractDraft = {
  type: 'RecordContractDraft',
  data: {
    contractId,
    customerId,
    clmContractId: 'clm-k-9',
    title: 'Framework agreement 2025',
    draftedAt: new Date('2025-03-01T09:00:00Z'),
  },
};
const draftRecorded: ContractRecordEvent = {
  type: 'ContractDraftRecorded',
  data: {
    contractId,
    customerId,
    clmContractId: 'clm-k-9',
    title: 'Framework agreement 2025',
    draftedAt: '2025-03-01T09:00:00.000Z',
  },
};
const markSigned: MarkContractSigned = {
  type: 'MarkContractSigned',
  data: {
    contractId,
    signedAt: new Date('2025-03-05T12:00:00Z'),
    requestedAt: new Date('2025-03-05T12:00:01Z'),
  },
};
const signed: ContractRecordEvent = {
  type: 'ContractSigned',
  data: { contractId, customerId, signedAt: '2025-03-05T12:00:00.000Z' },
};
const copyRequested: ContractRecordEvent = {
  type: 'SignedCopyRequested',
  data: { contractId, customerId, clmContractId: 'clm-k-9', requestedAt: '2025-03-05T12:00:01.000Z' },
};
const attach: AttachSignedCopy = {
  type: 'AttachSignedCopy',
  data: {
    contractId,
    documentId: 'doc-1',
    sha256,
    size: 48213,
    url: 'https://docs.example/doc-1',
    attachedAt: new Date('2025-03-05T12:01:00Z'),
  },
};
const copyAttached: ContractRecordEvent = {
  type: 'SignedCopyAttached',
  data: {
    contractId,
    customerId,
    documentId: 'doc-1',
    sha256,
    size: 48213,
    url: 'https://docs.example/doc-1',
    attachedAt: '2025-03-05T12:01:00.000Z',
  },
};
const invalidField = (field: string) => (error: InvalidContractRecordField) =>
  error.kind === 'invalid' && error.details['field'] === field;

describe('ContractRecord decider', () => {
  describe('RecordContractDraft', () => {
    it('records a drafted contract for its customer', () => {
      spec.given([]).when(recordDraft).then([draftRecorded]);
    });

    it('changes nothing when the draft is delivered again', () => {
      spec.given([draftRecorded]).when(recordDraft).then([]);
    });

    it('changes nothing when the draft arrives again after the signature', () => {
      spec.given([draftRecorded, signed, copyRequested]).when(recordDraft).then([]);
    });

    it('refuses a draft of the same contract for another customer', () => {
      spec
        .given([draftRecorded])
        .when({ ...recordDraft, data: { ...recordDraft.data, customerId: 'c-2' } })
        .thenThrows(
          ContractRecordCustomerMismatch,
          (error) =>
            error.kind === 'conflict' &&
            error.details['customerId'] === customerId &&
            error.details['requestedCustomerId'] === 'c-2',
        );
    });

    it.each([
      ['customerId', { customerId: '' }],
      ['clmContractId', { clmContractId: ' ' }],
      ['title', { title: '' }],
      ['draftedAt', { draftedAt: new Date('') }],
    ])('refuses a draft whose %s is invalid', (field, change) => {
      spec
        .given([])
        .when({ ...recordDraft, data: { ...recordDraft.data, ...change } })
        .thenThrows(InvalidContractRecordField, invalidField(field));
    });
  });

  describe('MarkContractSigned', () => {
    it('marks a drafted contract signed and requests its signed copy', () => {
      spec.given([draftRecorded]).when(markSigned).then([signed, copyRequested]);
    });

    it('changes nothing and requests no second copy when the signature arrives again', () => {
      spec.given([draftRecorded, signed, copyRequested]).when(markSigned).then([]);
    });

    it('refuses to sign a contract it has no record of (the draft has not arrived yet)', () => {
      spec
        .given([])
        .when(markSigned)
        .thenThrows(
          ContractRecordNotFound,
          (error) => error.kind === 'not_found' && error.details['contractId'] === contractId,
        );
    });

    it.each([
      ['signedAt', { signedAt: new Date(Number.NaN) }],
      ['requestedAt', { requestedAt: '2025-03-05' as unknown as Date }],
    ])('refuses a signature whose %s is invalid', (field, change) => {
      spec
        .given([draftRecorded])
        .when({ ...markSigned, data: { ...markSigned.data, ...change } })
        .thenThrows(InvalidContractRecordField, invalidField(field));
    });
  });

  describe('AttachSignedCopy', () => {
    it('attaches the signed copy to a signed contract', () => {
      spec.given([draftRecorded, signed, copyRequested]).when(attach).then([copyAttached]);
    });

    it('changes nothing when the same document is attached again', () => {
      spec.given([draftRecorded, signed, copyRequested, copyAttached]).when(attach).then([]);
    });

    it('refuses another document once a signed copy is attached', () => {
      spec
        .given([draftRecorded, signed, copyRequested, copyAttached])
        .when({ ...attach, data: { ...attach.data, documentId: 'doc-2' } })
        .thenThrows(
          SignedCopyAlreadyAttached,
          (error) =>
            error.kind === 'conflict' &&
            error.details['documentId'] === 'doc-1' &&
            error.details['requestedDocumentId'] === 'doc-2',
        );
    });

    it('refuses a signed copy for a contract that is not signed yet', () => {
      spec
        .given([draftRecorded])
        .when(attach)
        .thenThrows(
          ContractNotSigned,
          (error) => error.kind === 'conflict' && error.code === 'contract-record.not-signed',
        );
    });

    it('refuses a signed copy for a contract it has no record of', () => {
      spec.given([]).when(attach).thenThrows(ContractRecordNotFound);
    });

    it.each([
      ['documentId', 'empty', { documentId: '' }],
      ['sha256', 'upper-case', { sha256: 'A'.repeat(64) }],
      ['sha256', 'too short', { sha256: 'a'.repeat(63) }],
      ['size', 'zero', { size: 0 }],
      ['size', 'fractional', { size: 1.5 }],
      ['url', 'relative', { url: '/doc-1' }],
      ['url', 'not http', { url: 'file:///etc/passwd' }],
      ['attachedAt', 'missing', { attachedAt: undefined as unknown as Date }],
    ])('refuses a signed copy whose %s is %s', (field, _why, change) => {
      spec
        .given([draftRecorded, signed, copyRequested])
        .when({ ...attach, data: { ...attach.data, ...change } })
        .thenThrows(InvalidContractRecordField, invalidField(field));
    });
  });

  describe('state', () => {
    it('folds to a signed contract with its request time and signed copy', () => {
      expect(foldEvents(contractRecordDecider, [draftRecorded, signed, copyRequested, copyAttached])).toEqual(
        {
          status: 'signed',
          contractId,
          customerId,
          clmContractId: 'clm-k-9',
          title: 'Framework agreement 2025',
          draftedAt: '2025-03-01T09:00:00.000Z',
          signedAt: '2025-03-05T12:00:00.000Z',
          signedCopyRequestedAt: '2025-03-05T12:00:01.000Z',
          signedCopy: {
            documentId: 'doc-1',
            sha256,
            size: 48213,
            url: 'https://docs.example/doc-1',
            attachedAt: '2025-03-05T12:01:00.000Z',
          },
        },
      );
    });
  });

  it('names the stream contractRecord-<contract id>', () => {
    expect(contractRecordStream('k-1')).toBe('contractRecord-k-1');
  });

  it('registers every event type it decides with a schema version', () => {
    expect(Object.keys(contractRecordEventTypes).sort()).toEqual([
      'ContractDraftRecorded',
      'ContractSigned',
      'SignedCopyAttached',
      'SignedCopyRequested',
    ]);
  });
});
