import { instantProblem, textProblem, type Decider, type Problem } from '@switchboard/decider';
import type {
  ErpCustomerSyncCommand,
  RecordErpCustomerConditionsPushed,
  RecordErpCustomerCreated,
  RecordErpCustomerCreationRefused,
} from './erp-customer-sync.commands';
import { ErpCustomerAlreadySynced, ErpCustomerNotSynced, InvalidErpCustomerSyncField } from './erp-customer-sync.errors';
import type { ErpCustomerConditions, ErpCustomerSyncEvent } from './erp-customer-sync.events';
import { initialErpCustomerSyncState, type ErpCustomerSyncState } from './erp-customer-sync.state';

const MAX_ID = 100;
const MAX_REASON = 2000;

/**
 * ErpCustomerSync: a won CRM customer's life in the ERP. Created once under one ERP number (a
 * repeat with that number is a redelivery and yields nothing), or refused by the ERP; then the
 * conditions of its signed contracts pushed to it. Stale and repeated inputs yield no events.
 */
export const erpCustomerSyncDecider: Decider<ErpCustomerSyncState, ErpCustomerSyncCommand, ErpCustomerSyncEvent> = {
  initialState: initialErpCustomerSyncState,
  decide(command, state) {
    switch (command.type) {
      case 'RecordErpCustomerCreated':
        return recordCreated(command.data, state);
      case 'RecordErpCustomerCreationRefused':
        return recordRefused(command.data, state);
      case 'RecordErpCustomerConditionsPushed':
        return recordConditionsPushed(command.data, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown ErpCustomerSync command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ErpCustomerCreated':
        return { status: 'synced', customerId: event.data.customerId, erpCustomerNumber: event.data.erpCustomerNumber, conditions: null };
      case 'ErpCustomerCreationRefused':
        if (state.status === 'synced') return state;
        return { status: 'refused', customerId: event.data.customerId, httpStatus: event.data.httpStatus, reason: event.data.reason };
      case 'ErpCustomerConditionsPushed':
        if (state.status !== 'synced') return state;
        return { ...state, conditions: event.data.conditions };
      default: {
        const _unknown: never = event;
        return state;
      }
    }
  },
};

function recordCreated(data: RecordErpCustomerCreated['data'], state: ErpCustomerSyncState): ErpCustomerSyncEvent[] {
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('erpCustomerNumber', textProblem(data.erpCustomerNumber, MAX_ID));
  check('createdAt', instantProblem(data.createdAt));
  if (state.status === 'synced') {
    // The ERP answers a repeated Idempotency-Key with the same number: a redelivery, already recorded.
    if (state.erpCustomerNumber === data.erpCustomerNumber) return [];
    throw new ErpCustomerAlreadySynced(data.customerId, state.erpCustomerNumber, data.erpCustomerNumber);
  }
  const { customerId, erpCustomerNumber, sent } = data;
  return [{ type: 'ErpCustomerCreated', data: { customerId, erpCustomerNumber, sent, createdAt: data.createdAt.toISOString() } }];
}

function recordRefused(data: RecordErpCustomerCreationRefused['data'], state: ErpCustomerSyncState): ErpCustomerSyncEvent[] {
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('reason', textProblem(data.reason, MAX_REASON));
  check('refusedAt', instantProblem(data.refusedAt));
  if (!Number.isInteger(data.httpStatus) || data.httpStatus < 400 || data.httpStatus > 499) {
    throw new InvalidErpCustomerSyncField('httpStatus', 'must be a 4xx status');
  }
  // Already in the ERP: a late refusal of an earlier attempt changes nothing.
  if (state.status === 'synced') return [];
  if (state.status === 'refused' && state.httpStatus === data.httpStatus && state.reason === data.reason) return [];
  const { customerId, httpStatus, reason } = data;
  return [{ type: 'ErpCustomerCreationRefused', data: { customerId, httpStatus, reason, refusedAt: data.refusedAt.toISOString() } }];
}

function recordConditionsPushed(data: RecordErpCustomerConditionsPushed['data'], state: ErpCustomerSyncState): ErpCustomerSyncEvent[] {
  check('customerId', textProblem(data.customerId, MAX_ID));
  const conditions = checkedConditions(data.conditions);
  check('pushedAt', instantProblem(data.pushedAt));
  if (state.status !== 'synced') throw new ErpCustomerNotSynced(data.customerId);
  if (state.conditions !== null && sameConditions(state.conditions, conditions)) return [];
  return [
    {
      type: 'ErpCustomerConditionsPushed',
      data: { customerId: state.customerId, erpCustomerNumber: state.erpCustomerNumber, conditions, pushedAt: data.pushedAt.toISOString() },
    },
  ];
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkedConditions(conditions: ErpCustomerConditions): ErpCustomerConditions {
  check('conditions.contractId', textProblem(conditions.contractId, MAX_ID));
  check('conditions.paymentTerms', textProblem(conditions.paymentTerms, 50));
  const discount = conditions.discountPercent;
  if (typeof discount !== 'number' || !Number.isFinite(discount) || discount < 0 || discount > 100) {
    throw new InvalidErpCustomerSyncField('conditions.discountPercent', 'must be a number from 0 to 100');
  }
  if (typeof conditions.validFrom !== 'string' || !DATE.test(conditions.validFrom)) {
    throw new InvalidErpCustomerSyncField('conditions.validFrom', 'must be a date YYYY-MM-DD');
  }
  if (conditions.validTo !== null && (typeof conditions.validTo !== 'string' || !DATE.test(conditions.validTo))) {
    throw new InvalidErpCustomerSyncField('conditions.validTo', 'must be a date YYYY-MM-DD or null');
  }
  const { contractId, paymentTerms, discountPercent, validFrom, validTo } = conditions;
  return { contractId, paymentTerms, discountPercent, validFrom, validTo };
}

function sameConditions(a: ErpCustomerConditions, b: ErpCustomerConditions): boolean {
  return (
    a.contractId === b.contractId &&
    a.paymentTerms === b.paymentTerms &&
    a.discountPercent === b.discountPercent &&
    a.validFrom === b.validFrom &&
    a.validTo === b.validTo
  );
}

function check(field: string, problem: Problem): void {
  if (problem !== undefined) throw new InvalidErpCustomerSyncField(field, problem);
}
