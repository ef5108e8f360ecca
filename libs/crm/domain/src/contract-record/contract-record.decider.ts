import { instantProblem, textProblem, type Decider, type Problem } from '@switchboard/decider';
import { httpUrlProblem } from '../shared/field-checks';
import type {
  AttachSignedCopy,
  ContractRecordCommand,
  MarkContractSigned,
  RecordContractDraft,
} from './contract-record.commands';
import {
  ContractNotSigned,
  ContractRecordCustomerMismatch,
  ContractRecordNotFound,
  InvalidContractRecordField,
  SignedCopyAlreadyAttached,
} from './contract-record.errors';
import type { ContractRecordEvent } from './contract-record.events';
import { initialContractRecordState, type ContractRecordState } from './contract-record.state';

const MAX_ID = 100;
const MAX_TITLE = 300;
const MAX_URL = 2048;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * ContractRecord: the CRM's record of a CLM contract, fed by the contract adapter's integration
 * events (drafted → signed → signed copy attached). Redelivered events yield no events; events
 * that arrive before their predecessor are refused, so the consumer retries them later.
 */
export const contractRecordDecider: Decider<ContractRecordState, ContractRecordCommand, ContractRecordEvent> =
  {
    initialState: initialContractRecordState,
    decide(command, state) {
      switch (command.type) {
        case 'RecordContractDraft':
          return recordContractDraft(command.data, state);
        case 'MarkContractSigned':
          return markContractSigned(command.data, state);
        case 'AttachSignedCopy':
          return attachSignedCopy(command.data, state);
        default: {
          const unknown: never = command;
          throw new Error(`unknown contract record command ${JSON.stringify(unknown)}`);
        }
      }
    },
    evolve(state, event) {
      switch (event.type) {
        case 'ContractDraftRecorded':
          return { status: 'drafted', ...event.data };
        case 'ContractSigned':
          return state.status === 'drafted'
            ? {
                ...state,
                status: 'signed',
                signedAt: event.data.signedAt,
                signedCopyRequestedAt: null,
                signedCopy: null,
              }
            : state;
        case 'SignedCopyRequested':
          return state.status === 'signed'
            ? { ...state, signedCopyRequestedAt: event.data.requestedAt }
            : state;
        case 'SignedCopyAttached': {
          const { contractId: _contractId, customerId: _customerId, ...signedCopy } = event.data;
          return state.status === 'signed' ? { ...state, signedCopy } : state;
        }
        default: {
          const _unknown: never = event;
          return state;
        }
      }
    },
  };

function recordContractDraft(
  data: RecordContractDraft['data'],
  state: ContractRecordState,
): ContractRecordEvent[] {
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('clmContractId', textProblem(data.clmContractId, MAX_ID));
  check('title', textProblem(data.title, MAX_TITLE));
  check('draftedAt', instantProblem(data.draftedAt));
  if (state.status !== 'initial') {
    if (state.customerId !== data.customerId)
      throw new ContractRecordCustomerMismatch(data.contractId, state.customerId, data.customerId);
    // A redelivered draft, or one that arrives after the signature: the record already exists.
    return [];
  }
  const { contractId, customerId, clmContractId, title, draftedAt } = data;
  return [
    {
      type: 'ContractDraftRecorded',
      data: { contractId, customerId, clmContractId, title, draftedAt: draftedAt.toISOString() },
    },
  ];
}

function markContractSigned(
  data: MarkContractSigned['data'],
  state: ContractRecordState,
): ContractRecordEvent[] {
  check('signedAt', instantProblem(data.signedAt));
  check('requestedAt', instantProblem(data.requestedAt));
  if (state.status === 'initial') throw new ContractRecordNotFound(data.contractId);
  if (state.status === 'signed') return [];
  const { contractId, customerId, clmContractId } = state;
  return [
    { type: 'ContractSigned', data: { contractId, customerId, signedAt: data.signedAt.toISOString() } },
    {
      type: 'SignedCopyRequested',
      data: { contractId, customerId, clmContractId, requestedAt: data.requestedAt.toISOString() },
    },
  ];
}

function attachSignedCopy(data: AttachSignedCopy['data'], state: ContractRecordState): ContractRecordEvent[] {
  check('documentId', textProblem(data.documentId, MAX_ID));
  check('sha256', SHA256_HEX.test(String(data.sha256)) ? undefined : 'must be 64 lower-case hex digits');
  check(
    'size',
    Number.isSafeInteger(data.size) && data.size > 0 ? undefined : 'must be a whole number of bytes above 0',
  );
  check('url', textProblem(data.url, MAX_URL) ?? httpUrlProblem(data.url));
  check('attachedAt', instantProblem(data.attachedAt));
  if (state.status === 'initial') throw new ContractRecordNotFound(data.contractId);
  if (state.status === 'drafted') throw new ContractNotSigned(data.contractId);
  if (state.signedCopy !== null) {
    if (state.signedCopy.documentId === data.documentId) return [];
    throw new SignedCopyAlreadyAttached(data.contractId, state.signedCopy.documentId, data.documentId);
  }
  const { contractId, documentId, sha256, size, url, attachedAt } = data;
  return [
    {
      type: 'SignedCopyAttached',
      data: {
        contractId,
        customerId: state.customerId,
        documentId,
        sha256,
        size,
        url,
        attachedAt: attachedAt.toISOString(),
      },
    },
  ];
}

function check(field: string, problem: Problem): void {
  if (problem !== undefined) throw new InvalidContractRecordField(field, problem);
}
