import { DeciderSpecification } from '@switchboard/decider';
import type { RecordContractDraft, RecordContractSignature, RecordSignedCopy } from './contract.commands';
import { contractDecider } from './contract.decider';
import { ContractNotFound, ContractNotSigned, InvalidContractField, SignedCopyAlreadyStored } from './contract.errors';
import { contractEventTypes, type ContractEvent } from './contract.events';
import { contractIdForClmContract, contractStream } from './contract.stream';

const spec = DeciderSpecification.for(contractDecider);
const contractId = 'CT-100001';
const conditions = { paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: null };
const sha256 = 'a'.repeat(64);

const draft: RecordContractDraft = {
  type: 'RecordContractDraft',
  data: {
    contractId,
    clmContractId: 'CT-100001',
    customerId: 'c-1',
    clmCustomerId: 'CC-100001',
    title: 'Framework agreement 2026',
    conditions,
    draftedAt: new Date('2026-01-02T10:00:00Z'),
  },
};
const drafted: ContractEvent = {
  type: 'ContractDrafted',
  data: {
    contractId,
    clmContractId: 'CT-100001',
    customerId: 'c-1',
    clmCustomerId: 'CC-100001',
    title: 'Framework agreement 2026',
    conditions,
    draftedAt: '2026-01-02T10:00:00.000Z',
  },
};
const sign: RecordContractSignature = {
  type: 'RecordContractSignature',
  data: { ...draft.data, signedAt: new Date('2026-01-05T09:00:00Z'), signedBy: 'Jane Doe, CEO' },
};
const signed: ContractEvent = {
  type: 'ContractSigned',
  data: { contractId, clmContractId: 'CT-100001', customerId: 'c-1', conditions, signedAt: '2026-01-05T09:00:00.000Z', signedBy: 'Jane Doe, CEO' },
};
const storeCopy: RecordSignedCopy = {
  type: 'RecordSignedCopy',
  data: { contractId, documentId: sha256, sha256, size: 2048, contentType: 'application/pdf', storedAt: new Date('2026-01-05T09:00:01Z') },
};
const copyStored: ContractEvent = {
  type: 'SignedCopyStored',
  data: {
    contractId,
    clmContractId: 'CT-100001',
    customerId: 'c-1',
    documentId: sha256,
    sha256,
    size: 2048,
    contentType: 'application/pdf',
    storedAt: '2026-01-05T09:00:01.000Z',
  },
};

const withData = <C extends { data: object }>(command: C, change: object): C => ({ ...command, data: { ...command.data, ...change } });
const invalidField = (field: string) => (error: InvalidContractField) => error.kind === 'invalid' && error.field === field;

describe('Contract decider', () => {
  describe('RecordContractDraft', () => {
    it('records a draft the CLM reported', () => {
      spec.given([]).when(draft).then([drafted]);
    });

    it('records an open-ended validity when the CLM omits validTo', () => {
      const { validTo: _omitted, ...openEnded } = conditions;
      spec.given([]).when(withData(draft, { conditions: openEnded })).then([drafted]);
    });

    it('changes nothing when the draft is delivered again', () => {
      spec.given([drafted]).when(draft).then([]);
    });

    it('changes nothing when the draft arrives after the signature', () => {
      spec.given([drafted, signed]).when(draft).then([]);
    });

    it.each([
      ['customerId', 'empty', { customerId: '' }],
      ['clmContractId', 'missing', { clmContractId: undefined }],
      ['title', 'blank', { title: '  ' }],
      ['conditions', 'a list', { conditions: [] }],
      ['conditions.paymentTerms', 'a number', { conditions: { ...conditions, paymentTerms: 30 } }],
      ['conditions.discountPercent', 'over 100', { conditions: { ...conditions, discountPercent: 101 } }],
      ['conditions.validFrom', 'not a date', { conditions: { ...conditions, validFrom: '01.01.2026' } }],
      ['conditions.validTo', 'not a date', { conditions: { ...conditions, validTo: 'soon' } }],
      ['draftedAt', 'an invalid date', { draftedAt: new Date('') }],
    ])('refuses a draft whose %s is %s', (field, _why, change) => {
      spec.given([]).when(withData(draft, change)).thenThrows(InvalidContractField, invalidField(field));
    });
  });

  describe('RecordContractSignature', () => {
    it('signs a drafted contract with the conditions as signed', () => {
      spec.given([drafted]).when(sign).then([signed]);
    });

    it('records the draft too when the signature overtakes it', () => {
      spec.given([]).when(sign).then([drafted, signed]);
    });

    it('changes nothing when the signature is delivered again', () => {
      spec.given([drafted, signed]).when(sign).then([]);
    });

    it('changes nothing when the signature is delivered again after the copy was stored', () => {
      spec.given([drafted, signed, copyStored]).when(sign).then([]);
    });

    it.each([
      ['signedAt', 'an invalid date', { signedAt: new Date(Number.NaN) }],
      ['signedBy', 'empty', { signedBy: '' }],
      ['conditions.discountPercent', 'negative', { conditions: { ...conditions, discountPercent: -1 } }],
    ])('refuses a signature whose %s is %s', (field, _why, change) => {
      spec.given([drafted]).when(withData(sign, change)).thenThrows(InvalidContractField, invalidField(field));
    });
  });

  describe('RecordSignedCopy', () => {
    it('stores the signed copy of a signed contract', () => {
      spec.given([drafted, signed]).when(storeCopy).then([copyStored]);
    });

    it('changes nothing when the same copy is stored again', () => {
      spec.given([drafted, signed, copyStored]).when(storeCopy).then([]);
    });

    it('refuses another document as the signed copy', () => {
      const other = 'b'.repeat(64);
      spec
        .given([drafted, signed, copyStored])
        .when(withData(storeCopy, { documentId: other, sha256: other }))
        .thenThrows(SignedCopyAlreadyStored, (error) => error.kind === 'conflict' && error.details['requestedSha256'] === other);
    });

    it('refuses a copy of a contract that is only drafted, so it is retried after the signature', () => {
      spec.given([drafted]).when(storeCopy).thenThrows(ContractNotSigned, (error) => error.kind === 'conflict');
    });

    it('refuses a copy of an unknown contract', () => {
      spec.given([]).when(storeCopy).thenThrows(ContractNotFound, (error) => error.kind === 'not_found' && error.details['contractId'] === contractId);
    });

    it.each([
      ['sha256', 'upper-case', { sha256: 'A'.repeat(64) }],
      ['sha256', 'too short', { sha256: 'abc' }],
      ['size', 'zero', { size: 0 }],
      ['size', 'fractional', { size: 1.5 }],
      ['documentId', 'empty', { documentId: '' }],
      ['contentType', 'empty', { contentType: '' }],
      ['storedAt', 'an invalid date', { storedAt: new Date('') }],
    ])('refuses a copy whose %s is %s', (field, _why, change) => {
      spec.given([drafted, signed]).when(withData(storeCopy, change)).thenThrows(InvalidContractField, invalidField(field));
    });
  });

  it('names every event type with a schema version', () => {
    expect(Object.keys(contractEventTypes).sort()).toEqual(['ContractDrafted', 'ContractSigned', 'SignedCopyStored']);
  });

  it('keeps a CLM contract on one stream, whatever delivery reports it', () => {
    expect(contractStream(contractIdForClmContract('CT-7'))).toBe('contract-CT-7');
  });
});
