import { instantProblem, textProblem, type Decider, type Problem } from '@switchboard/decider';
import type {
  ClmCustomerSyncCommand,
  RecordClmCustomerCreated,
  RecordClmCustomerRefused,
  RequestClmCustomer,
} from './clm-customer-sync.commands';
import { ClmCustomerAlreadyLinked, ClmCustomerNotRequested, InvalidClmCustomerSyncField } from './clm-customer-sync.errors';
import type { ClmCustomerSyncEvent } from './clm-customer-sync.events';
import { initialClmCustomerSyncState, type ClmCustomerSyncState } from './clm-customer-sync.state';

const MAX_ID = 100;
const MAX_TEXT = 200;
const MAX_REASON = 2000;

/**
 * ClmCustomerSync: one CRM customer's way into the CLM. Requested (under which Idempotency-Key,
 * recorded before any callout), then created with the CLM's id (and what was sent) or refused. A request for a customer already
 * created or still pending appends nothing, so a redelivered `crm.customer.won` neither calls
 * the CLM under a new key nor reports the customer twice; after a refusal it may be tried again.
 */
export const clmCustomerSyncDecider: Decider<ClmCustomerSyncState, ClmCustomerSyncCommand, ClmCustomerSyncEvent> = {
  initialState: initialClmCustomerSyncState,
  decide(command, state) {
    switch (command.type) {
      case 'RequestClmCustomer':
        return request(command.data, state);
      case 'RecordClmCustomerCreated':
        return recordCreated(command.data, state);
      case 'RecordClmCustomerRefused':
        return recordRefused(command.data, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown clm-customer-sync command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ClmCustomerRequested': {
        const { customerId, ...request } = event.data;
        return { status: 'requested', customerId, request };
      }
      case 'ClmCustomerCreated':
        if (state.status !== 'requested') return state;
        return { status: 'created', customerId: state.customerId, request: state.request, clmCustomerId: event.data.clmCustomerId, name: event.data.name, email: event.data.email, createdAt: event.data.createdAt };
      case 'ClmCustomerRefused': {
        if (state.status !== 'requested') return state;
        const { status, reason, refusedAt } = event.data;
        return { status: 'refused', customerId: state.customerId, request: state.request, refusal: { status, reason, refusedAt } };
      }
      default: {
        const _unknown: never = event;
        return state;
      }
    }
  },
};

function request(data: RequestClmCustomer['data'], state: ClmCustomerSyncState): ClmCustomerSyncEvent[] {
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('idempotencyKey', textProblem(data.idempotencyKey, MAX_TEXT));
  check('requestedAt', instantProblem(data.requestedAt));
  if (state.status === 'requested' || state.status === 'created') return [];
  const { customerId, idempotencyKey } = data;
  return [{ type: 'ClmCustomerRequested', data: { customerId, idempotencyKey, requestedAt: data.requestedAt.toISOString() } }];
}

function recordCreated(data: RecordClmCustomerCreated['data'], state: ClmCustomerSyncState): ClmCustomerSyncEvent[] {
  check('clmCustomerId', textProblem(data.clmCustomerId, MAX_ID));
  check('name', textProblem(data.name, MAX_TEXT));
  check('email', textProblem(data.email, MAX_TEXT));
  check('createdAt', instantProblem(data.createdAt));
  if (state.status === 'created') {
    if (state.clmCustomerId === data.clmCustomerId) return [];
    throw new ClmCustomerAlreadyLinked(state.customerId, state.clmCustomerId, data.clmCustomerId);
  }
  if (state.status !== 'requested') throw new ClmCustomerNotRequested(data.customerId);
  return [{ type: 'ClmCustomerCreated', data: { customerId: state.customerId, clmCustomerId: data.clmCustomerId, name: data.name, email: data.email, createdAt: data.createdAt.toISOString() } }];
}

function recordRefused(data: RecordClmCustomerRefused['data'], state: ClmCustomerSyncState): ClmCustomerSyncEvent[] {
  check('status', Number.isInteger(data.status) && data.status >= 400 && data.status <= 499 ? undefined : 'must be an HTTP 4xx status');
  check('reason', textProblem(data.reason, MAX_REASON));
  check('refusedAt', instantProblem(data.refusedAt));
  // Created already (a late answer to an earlier try) or refused already: nothing new.
  if (state.status === 'created' || state.status === 'refused') return [];
  if (state.status !== 'requested') throw new ClmCustomerNotRequested(data.customerId);
  const { status, reason } = data;
  return [{ type: 'ClmCustomerRefused', data: { customerId: state.customerId, status, reason, refusedAt: data.refusedAt.toISOString() } }];
}

function check(field: string, problem: Problem): void {
  if (problem !== undefined) throw new InvalidClmCustomerSyncField(field, problem);
}
