import { instantProblem, textProblem, type Decider, type Problem } from '@switchboard/decider';
import {
  currencyProblem,
  decimalAmountProblem,
  nonNegativeIntegerProblem,
  positiveIntegerProblem,
} from '../shared/field-checks';
import type {
  AcceptOrderByErp,
  CancelOrder,
  ChangeOrderStatus,
  OrderCommand,
  PlaceOrder,
  RejectOrderByErp,
} from './order.commands';
import {
  InvalidOrderField,
  OrderAlreadyAccepted,
  OrderAlreadyPlaced,
  OrderCustomerNotWon,
  OrderCustomerUnknown,
  OrderNotFound,
  OrderTransitionRefused,
} from './order.errors';
import {
  FULFILMENT_STATUSES,
  type ConfirmedLine,
  type FulfilmentStatus,
  type OrderConditions,
  type OrderEvent,
  type OrderLine,
} from './order.events';
import { initialOrderState, type OrderState } from './order.state';

const MAX_ID = 100;
const MAX_SKU = 64;
const MAX_LINES = 1000;
const MAX_REASON = 2000;
const MAX_CONDITIONS = 50;
const MAX_CONDITION_NAME = 100;
const MAX_CONDITION_VALUE = 1000;

type ExistingOrder = Exclude<OrderState, { status: 'initial' }>;
type FulfilmentOrder = Extract<ExistingOrder, { status: FulfilmentStatus }>;

/**
 * Order: placed by a won customer, then accepted or rejected by the ERP, moved forward through
 * `accepted → in_fulfilment → shipped → invoiced` by the ERP's updates, or cancelled before it
 * ships. Redelivered and stale inputs yield no events; contradicting ones are refused.
 */
export const orderDecider: Decider<OrderState, OrderCommand, OrderEvent> = {
  initialState: initialOrderState,
  decide(command, state) {
    switch (command.type) {
      case 'PlaceOrder':
        return placeOrder(command.data, state);
      case 'AcceptOrderByErp':
        return acceptOrderByErp(command.data, state);
      case 'RejectOrderByErp':
        return rejectOrderByErp(command.data, state);
      case 'ChangeOrderStatus':
        return changeOrderStatus(command.data, state);
      case 'CancelOrder':
        return cancelOrder(command.data, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown order command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'OrderPlaced': {
        const { placedAt } = event.data;
        return {
          status: 'placed',
          ...event.data,
          acceptance: null,
          history: [{ status: 'placed', at: placedAt }],
          lastErpVersion: null,
        };
      }
      case 'OrderAccepted': {
        if (state.status !== 'placed') return state;
        const { erpOrderNumber, lines, conditions, acceptedAt } = event.data;
        return {
          ...state,
          status: 'accepted',
          acceptance: { erpOrderNumber, confirmedLines: lines, conditions, acceptedAt },
          history: [...state.history, { status: 'accepted', at: acceptedAt }],
        };
      }
      case 'OrderRejected':
        if (state.status !== 'placed') return state;
        return {
          ...state,
          status: 'rejected',
          rejectionReason: event.data.reason,
          history: [...state.history, { status: 'rejected', at: event.data.rejectedAt }],
        };
      case 'OrderStatusChanged':
        if (!isInFulfilment(state)) return state;
        return {
          ...state,
          status: event.data.to,
          lastErpVersion: event.data.erpVersion,
          history: [...state.history, { status: event.data.to, at: event.data.changedAt }],
        };
      case 'OrderCancelled':
        if (state.status === 'initial' || state.status === 'rejected' || state.status === 'cancelled')
          return state;
        return {
          ...state,
          status: 'cancelled',
          cancellationReason: event.data.reason,
          history: [...state.history, { status: 'cancelled', at: event.data.cancelledAt }],
        };
      default: {
        const _unknown: never = event;
        return state;
      }
    }
  },
};

function placeOrder(data: PlaceOrder['data'], state: OrderState): OrderEvent[] {
  check('customerId', textProblem(data.customerId, MAX_ID));
  check('currency', currencyProblem(data.currency));
  const lines = checkedOrderLines(data.lines);
  check('placedAt', instantProblem(data.placedAt));
  if (state.status !== 'initial') throw new OrderAlreadyPlaced(data.orderId);
  if (data.customerStanding === 'prospect') throw new OrderCustomerNotWon(data.customerId);
  if (data.customerStanding !== 'won') throw new OrderCustomerUnknown(data.customerId);
  const { orderId, customerId, currency, placedAt } = data;
  return [
    { type: 'OrderPlaced', data: { orderId, customerId, currency, lines, placedAt: placedAt.toISOString() } },
  ];
}

function acceptOrderByErp(data: AcceptOrderByErp['data'], state: OrderState): OrderEvent[] {
  check('erpOrderNumber', textProblem(data.erpOrderNumber, MAX_ID));
  const conditions = checkedConditions(data.conditions);
  check('acceptedAt', instantProblem(data.acceptedAt));
  const order = existing(state, data.orderId);
  const lines = checkedConfirmedLines(data.lines, order);
  if (order.acceptance !== null) {
    // A redelivered acceptance, possibly after later updates or a cancellation: already applied.
    if (order.acceptance.erpOrderNumber === data.erpOrderNumber) return [];
    throw new OrderAlreadyAccepted(order.orderId, order.acceptance.erpOrderNumber, data.erpOrderNumber);
  }
  if (order.status !== 'placed') throw new OrderTransitionRefused(order.orderId, order.status, 'accepted');
  const { orderId, customerId } = order;
  return [
    {
      type: 'OrderAccepted',
      data: {
        orderId,
        customerId,
        erpOrderNumber: data.erpOrderNumber,
        lines,
        conditions,
        acceptedAt: data.acceptedAt.toISOString(),
      },
    },
  ];
}

function rejectOrderByErp(data: RejectOrderByErp['data'], state: OrderState): OrderEvent[] {
  check('reason', textProblem(data.reason, MAX_REASON));
  check('rejectedAt', instantProblem(data.rejectedAt));
  const order = existing(state, data.orderId);
  if (order.status === 'rejected') return [];
  if (order.status !== 'placed') throw new OrderTransitionRefused(order.orderId, order.status, 'rejected');
  const { orderId, customerId } = order;
  return [
    {
      type: 'OrderRejected',
      data: { orderId, customerId, reason: data.reason, rejectedAt: data.rejectedAt.toISOString() },
    },
  ];
}

/**
 * The ERP is the source of truth for fulfilment: it may jump ahead (accepted → shipped), but an
 * order never moves back. An update at or below the last applied ERP version is stale or
 * redelivered and changes nothing, so updates are safe in any order and any number of times.
 */
function changeOrderStatus(data: ChangeOrderStatus['data'], state: OrderState): OrderEvent[] {
  check(
    'status',
    FULFILMENT_STATUSES.includes(data.status)
      ? undefined
      : `must be one of ${FULFILMENT_STATUSES.join(', ')}`,
  );
  check('erpVersion', nonNegativeIntegerProblem(data.erpVersion));
  check('changedAt', instantProblem(data.changedAt));
  const order = existing(state, data.orderId);
  if (order.lastErpVersion !== null && data.erpVersion <= order.lastErpVersion) return [];
  const to = data.status;
  // Before acceptance this is an update overtaking `erp.order.accepted`: refused, so it is retried.
  if (!isInFulfilment(order)) throw new OrderTransitionRefused(order.orderId, order.status, to);
  if (to === order.status) return [];
  if (to === 'accepted' || rank(to) < rank(order.status))
    throw new OrderTransitionRefused(order.orderId, order.status, to);
  const { orderId, customerId } = order;
  return [
    {
      type: 'OrderStatusChanged',
      data: {
        orderId,
        customerId,
        from: order.status,
        to,
        erpVersion: data.erpVersion,
        changedAt: data.changedAt.toISOString(),
      },
    },
  ];
}

function cancelOrder(data: CancelOrder['data'], state: OrderState): OrderEvent[] {
  check('reason', textProblem(data.reason, MAX_REASON));
  check('cancelledAt', instantProblem(data.cancelledAt));
  const order = existing(state, data.orderId);
  if (order.status === 'cancelled') return [];
  if (order.status !== 'placed' && order.status !== 'accepted' && order.status !== 'in_fulfilment') {
    throw new OrderTransitionRefused(order.orderId, order.status, 'cancelled');
  }
  const { orderId, customerId, status: from } = order;
  return [
    {
      type: 'OrderCancelled',
      data: { orderId, customerId, from, reason: data.reason, cancelledAt: data.cancelledAt.toISOString() },
    },
  ];
}

function existing(state: OrderState, orderId: string): ExistingOrder {
  if (state.status === 'initial') throw new OrderNotFound(orderId);
  return state;
}

function isInFulfilment(state: OrderState): state is FulfilmentOrder {
  return (FULFILMENT_STATUSES as readonly string[]).includes(state.status);
}

function rank(status: FulfilmentStatus): number {
  return FULFILMENT_STATUSES.indexOf(status);
}

function checkedOrderLines(lines: unknown): OrderLine[] {
  return checkedLines(lines, ({ sku, quantity, unitPrice }, field): OrderLine => {
    if (unitPrice != null) check(`${field}.unitPrice`, decimalAmountProblem(unitPrice));
    return { sku, quantity, unitPrice: (unitPrice as string | undefined) ?? null };
  });
}

function checkedConfirmedLines(lines: unknown, order: ExistingOrder): ConfirmedLine[] {
  return checkedLines(lines, ({ sku, quantity, unitPrice }, field): ConfirmedLine => {
    if (!order.lines.some((line) => line.sku === sku))
      throw new InvalidOrderField(`${field}.sku`, 'is not on the order');
    check(`${field}.unitPrice`, decimalAmountProblem(unitPrice));
    return { sku, quantity, unitPrice: unitPrice as string };
  });
}

/**
 * Checks what every list of lines needs and copies only the known fields. One line per sku (a
 * repeated sku is refused, naming the line), so an ERP confirmation maps to its line unambiguously.
 */
function checkedLines<Line>(
  lines: unknown,
  toLine: (line: { sku: string; quantity: number; unitPrice: unknown }, field: string) => Line,
): Line[] {
  if (!Array.isArray(lines) || lines.length === 0)
    throw new InvalidOrderField('lines', 'must hold at least one line');
  if (lines.length > MAX_LINES) throw new InvalidOrderField('lines', `must hold at most ${MAX_LINES} lines`);
  const firstLineOfSku = new Map<string, number>();
  return lines.map((line: unknown, index) => {
    const field = `lines[${index}]`;
    if (typeof line !== 'object' || line === null) throw new InvalidOrderField(field, 'must be an object');
    const { sku, quantity, unitPrice } = line as Record<string, unknown>;
    check(`${field}.sku`, textProblem(sku, MAX_SKU));
    const first = firstLineOfSku.get(sku as string);
    if (first !== undefined)
      throw new InvalidOrderField(`${field}.sku`, `repeats the sku of lines[${first}]: one line per sku`);
    firstLineOfSku.set(sku as string, index);
    check(`${field}.quantity`, positiveIntegerProblem(quantity));
    return toLine({ sku: sku as string, quantity: quantity as number, unitPrice }, field);
  });
}

function checkedConditions(conditions: unknown): OrderConditions {
  if (typeof conditions !== 'object' || conditions === null || Array.isArray(conditions)) {
    throw new InvalidOrderField('conditions', 'must be an object of condition names to values');
  }
  const entries = Object.entries(conditions);
  if (entries.length > MAX_CONDITIONS)
    throw new InvalidOrderField('conditions', `must hold at most ${MAX_CONDITIONS} conditions`);
  for (const [name, value] of entries) {
    if (name.trim().length === 0 || name.length > MAX_CONDITION_NAME) {
      throw new InvalidOrderField('conditions', `names must be 1 to ${MAX_CONDITION_NAME} characters`);
    }
    check(`conditions.${name}`, textProblem(value, MAX_CONDITION_VALUE));
  }
  return Object.fromEntries(entries) as OrderConditions;
}

function check(field: string, problem: Problem): void {
  if (problem !== undefined) throw new InvalidOrderField(field, problem);
}
