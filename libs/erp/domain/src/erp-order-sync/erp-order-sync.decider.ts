import { instantProblem, textProblem, type Decider, type Problem } from '@switchboard/decider';
import type {
  ApplyErpOrderChange,
  ErpOrderSyncCommand,
  RecordErpOrderAccepted,
  RecordErpOrderRejected,
} from './erp-order-sync.commands';
import { ErpOrderAlreadyAnswered, ErpOrderNotAccepted, InvalidErpOrderSyncField } from './erp-order-sync.errors';
import { ERP_ORDER_STATUSES, type ErpConfirmedLine, type ErpOrderSyncEvent } from './erp-order-sync.events';
import { initialErpOrderSyncState, type ErpOrderSyncState } from './erp-order-sync.state';

const MAX_ID = 100;
const MAX_REASON = 2000;

/**
 * ErpOrderSync: one of our orders as submitted to the ERP. The ERP's answer (accepted under an
 * order number, or rejected) is recorded once; then the ERP's changes, from its webhook or its
 * changes feed, are applied by record version: a version at or below the last one applied is a
 * repeat or arrived late and yields nothing, so both channels can deliver the same change.
 */
export const erpOrderSyncDecider: Decider<ErpOrderSyncState, ErpOrderSyncCommand, ErpOrderSyncEvent> = {
  initialState: initialErpOrderSyncState,
  decide(command, state) {
    switch (command.type) {
      case 'RecordErpOrderAccepted':
        return recordAccepted(command.data, state);
      case 'RecordErpOrderRejected':
        return recordRejected(command.data, state);
      case 'ApplyErpOrderChange':
        return applyChange(command.data, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown ErpOrderSync command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ErpOrderAccepted': {
        const { orderId, erpOrderNumber, erpVersion } = event.data;
        return { status: 'accepted', orderId, erpOrderNumber, erpStatus: 'accepted', erpVersion };
      }
      case 'ErpOrderRejected':
        return { status: 'rejected', orderId: event.data.orderId, reason: event.data.reason };
      case 'ErpOrderChanged':
        if (state.status !== 'accepted') return state;
        return { ...state, erpStatus: event.data.status, erpVersion: event.data.erpVersion };
      default: {
        const _unknown: never = event;
        return state;
      }
    }
  },
};

function recordAccepted(data: RecordErpOrderAccepted['data'], state: ErpOrderSyncState): ErpOrderSyncEvent[] {
  check('orderId', textProblem(data.orderId, MAX_ID));
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('erpCustomerNumber', textProblem(data.erpCustomerNumber, MAX_ID));
  check('erpOrderNumber', textProblem(data.erpOrderNumber, MAX_ID));
  const lines = checkedLines(data.lines);
  const conditions = checkedConditions(data.conditions);
  checkVersion(data.erpVersion);
  check('acceptedAt', instantProblem(data.acceptedAt));
  if (state.status === 'accepted') {
    // The ERP answers a repeated Idempotency-Key with the same order: already recorded.
    if (state.erpOrderNumber === data.erpOrderNumber) return [];
    throw new ErpOrderAlreadyAnswered(data.orderId, `accepted as ${state.erpOrderNumber}`);
  }
  if (state.status === 'rejected') throw new ErpOrderAlreadyAnswered(data.orderId, 'rejected');
  const { orderId, customerId, erpCustomerNumber, erpOrderNumber, erpVersion } = data;
  return [
    {
      type: 'ErpOrderAccepted',
      data: { orderId, customerId, erpCustomerNumber, erpOrderNumber, lines, conditions, erpVersion, acceptedAt: data.acceptedAt.toISOString() },
    },
  ];
}

function recordRejected(data: RecordErpOrderRejected['data'], state: ErpOrderSyncState): ErpOrderSyncEvent[] {
  check('orderId', textProblem(data.orderId, MAX_ID));
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('erpCustomerNumber', textProblem(data.erpCustomerNumber, MAX_ID));
  check('reason', textProblem(data.reason, MAX_REASON));
  check('rejectedAt', instantProblem(data.rejectedAt));
  if (state.status === 'rejected') return [];
  if (state.status === 'accepted') throw new ErpOrderAlreadyAnswered(data.orderId, `accepted as ${state.erpOrderNumber}`);
  const { orderId, customerId, erpCustomerNumber, reason } = data;
  return [{ type: 'ErpOrderRejected', data: { orderId, customerId, erpCustomerNumber, reason, rejectedAt: data.rejectedAt.toISOString() } }];
}

function applyChange(data: ApplyErpOrderChange['data'], state: ErpOrderSyncState): ErpOrderSyncEvent[] {
  check('orderId', textProblem(data.orderId, MAX_ID));
  check('erpOrderNumber', textProblem(data.erpOrderNumber, MAX_ID));
  check('status', (ERP_ORDER_STATUSES as readonly unknown[]).includes(data.status) ? undefined : `must be one of ${ERP_ORDER_STATUSES.join(', ')}`);
  checkVersion(data.erpVersion);
  check('changeId', textProblem(data.changeId, MAX_ID));
  check('origin', data.origin === 'webhook' || data.origin === 'polling' ? undefined : 'must be webhook or polling');
  check('changedAt', instantProblem(data.changedAt));
  // The ERP's own record of the acceptance, overtaking its answer to our submission: that answer
  // records it (a lost one is asked for again with the same Idempotency-Key), nothing to retry.
  if (state.status === 'initial' && data.status === 'accepted') return [];
  if (state.status !== 'accepted') throw new ErpOrderNotAccepted(data.orderId);
  if (state.erpOrderNumber !== data.erpOrderNumber) {
    throw new InvalidErpOrderSyncField('erpOrderNumber', `is not the ERP order ${state.erpOrderNumber} of order ${state.orderId}`);
  }
  if (data.erpVersion <= state.erpVersion) return [];
  const { orderId, erpOrderNumber, status, erpVersion, changeId, origin } = data;
  return [{ type: 'ErpOrderChanged', data: { orderId, erpOrderNumber, status, erpVersion, changeId, origin, changedAt: data.changedAt.toISOString() } }];
}

const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;

function checkedLines(lines: readonly ErpConfirmedLine[]): ErpConfirmedLine[] {
  if (!Array.isArray(lines) || lines.length === 0) throw new InvalidErpOrderSyncField('lines', 'must hold at least one line');
  return lines.map(({ sku, quantity, unitPrice }, index) => {
    check(`lines[${index}].sku`, textProblem(sku, MAX_ID));
    if (!Number.isInteger(quantity) || quantity < 1) throw new InvalidErpOrderSyncField(`lines[${index}].quantity`, 'must be a positive integer');
    if (typeof unitPrice !== 'string' || !DECIMAL.test(unitPrice)) {
      throw new InvalidErpOrderSyncField(`lines[${index}].unitPrice`, 'must be a decimal string such as "12.50"');
    }
    return { sku, quantity, unitPrice };
  });
}

function checkedConditions(conditions: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  if (typeof conditions !== 'object' || conditions === null || Array.isArray(conditions)) {
    throw new InvalidErpOrderSyncField('conditions', 'must be an object of condition names to values');
  }
  for (const [name, value] of Object.entries(conditions)) {
    if (typeof value !== 'string') throw new InvalidErpOrderSyncField(`conditions.${name}`, 'must be a string');
  }
  return { ...conditions };
}

function checkVersion(version: number): void {
  if (!Number.isInteger(version) || version < 1) throw new InvalidErpOrderSyncField('erpVersion', 'must be a positive integer');
}

function check(field: string, problem: Problem): void {
  if (problem !== undefined) throw new InvalidErpOrderSyncField(field, problem);
}
