import { instantProblem, textProblem, type Decider, type Problem } from '@switchboard/decider';
import { dateProblem, percentProblem, positiveIntegerProblem, sha256Problem } from '../shared/field-checks';
import type { ContractCommand, RecordContractDraft, RecordContractSignature, RecordSignedCopy } from './contract.commands';
import { ContractNotFound, ContractNotSigned, InvalidContractField, SignedCopyAlreadyStored } from './contract.errors';
import type { ContractConditions, ContractDrafted, ContractEvent } from './contract.events';
import { initialContractState, type ContractState } from './contract.state';

const MAX_ID = 100;
const MAX_TITLE = 200;
const MAX_TEXT = 200;

/**
 * Contract: drafted in the CLM, signed there, its signed copy stored by us. The CLM is the source
 * of truth: a redelivered or late report changes nothing, a signature overtaking its draft
 * records both, and a copy is only stored for a signed contract (else refused, so it is retried).
 */
export const contractDecider: Decider<ContractState, ContractCommand, ContractEvent> = {
  initialState: initialContractState,
  decide(command, state) {
    switch (command.type) {
      case 'RecordContractDraft':
        return recordDraft(command.data, state);
      case 'RecordContractSignature':
        return recordSignature(command.data, state);
      case 'RecordSignedCopy':
        return recordSignedCopy(command.data, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown contract command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ContractDrafted':
        return state.status === 'initial' ? { status: 'drafted', ...event.data } : state;
      case 'ContractSigned': {
        if (state.status !== 'drafted') return state;
        const { conditions, signedAt, signedBy } = event.data;
        return { ...state, status: 'signed', conditions, signedAt, signedBy };
      }
      case 'SignedCopyStored': {
        if (state.status !== 'signed') return state;
        const { documentId, sha256, size, contentType, storedAt } = event.data;
        return { ...state, status: 'signed-copy-stored', copy: { documentId, sha256, size, contentType, storedAt } };
      }
      default: {
        const _unknown: never = event;
        return state;
      }
    }
  },
};

function recordDraft(data: RecordContractDraft['data'], state: ContractState): ContractEvent[] {
  const drafted = draftedEvent(data);
  // Redelivered, or arriving after the signature (which recorded the draft already).
  return state.status === 'initial' ? [drafted] : [];
}

function recordSignature(data: RecordContractSignature['data'], state: ContractState): ContractEvent[] {
  const drafted = draftedEvent(data);
  check('signedAt', instantProblem(data.signedAt));
  check('signedBy', textProblem(data.signedBy, MAX_TEXT));
  if (state.status === 'signed' || state.status === 'signed-copy-stored') return [];
  const { contractId, clmContractId, customerId } = drafted.data;
  const signed: ContractEvent = {
    type: 'ContractSigned',
    data: { contractId, clmContractId, customerId, conditions: drafted.data.conditions, signedAt: data.signedAt.toISOString(), signedBy: data.signedBy },
  };
  return state.status === 'initial' ? [drafted, signed] : [signed];
}

function recordSignedCopy(data: RecordSignedCopy['data'], state: ContractState): ContractEvent[] {
  check('documentId', textProblem(data.documentId, MAX_ID));
  check('sha256', sha256Problem(data.sha256));
  check('size', positiveIntegerProblem(data.size));
  check('contentType', textProblem(data.contentType, MAX_TEXT));
  check('storedAt', instantProblem(data.storedAt));
  if (state.status === 'initial') throw new ContractNotFound(data.contractId);
  if (state.status === 'drafted') throw new ContractNotSigned(data.contractId);
  if (state.status === 'signed-copy-stored') {
    if (state.copy.sha256 === data.sha256) return [];
    throw new SignedCopyAlreadyStored(state.contractId, state.copy.sha256, data.sha256);
  }
  const { contractId, clmContractId, customerId } = state;
  const { documentId, sha256, size, contentType } = data;
  return [
    {
      type: 'SignedCopyStored',
      data: { contractId, clmContractId, customerId, documentId, sha256, size, contentType, storedAt: data.storedAt.toISOString() },
    },
  ];
}

function draftedEvent(data: RecordContractDraft['data']): ContractDrafted {
  check('contractId', textProblem(data.contractId, MAX_ID));
  check('clmContractId', textProblem(data.clmContractId, MAX_ID));
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('clmCustomerId', textProblem(data.clmCustomerId, MAX_ID));
  check('title', textProblem(data.title, MAX_TITLE));
  const conditions = checkedConditions(data.conditions);
  check('draftedAt', instantProblem(data.draftedAt));
  const { contractId, clmContractId, customerId, clmCustomerId, title } = data;
  return {
    type: 'ContractDrafted',
    data: { contractId, clmContractId, customerId, clmCustomerId, title, conditions, draftedAt: data.draftedAt.toISOString() },
  };
}

/** Copied field by field: a field the CLM adds later never lands in our events unnoticed. */
function checkedConditions(conditions: unknown): ContractConditions {
  if (typeof conditions !== 'object' || conditions === null || Array.isArray(conditions)) {
    throw new InvalidContractField('conditions', 'must be an object');
  }
  const { paymentTerms, discountPercent, validFrom, validTo } = conditions as Record<string, unknown>;
  check('conditions.paymentTerms', textProblem(paymentTerms, MAX_TEXT));
  check('conditions.discountPercent', percentProblem(discountPercent));
  check('conditions.validFrom', dateProblem(validFrom));
  check('conditions.validTo', validTo === null || validTo === undefined ? undefined : dateProblem(validTo));
  return {
    paymentTerms: paymentTerms as string,
    discountPercent: discountPercent as number,
    validFrom: validFrom as string,
    validTo: (validTo as string | null | undefined) ?? null,
  };
}

function check(field: string, problem: Problem): void {
  if (problem !== undefined) throw new InvalidContractField(field, problem);
}
