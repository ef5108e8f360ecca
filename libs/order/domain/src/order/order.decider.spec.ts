import { DeciderSpecification, foldEvents } from '@switchboard/decider';
import type {
  AcceptOrderByErp,
  CancelOrder,
  ChangeOrderStatus,
  PlaceOrder,
  RejectOrderByErp,
} from './order.commands';
import { orderDecider } from './order.decider';
import {
  InvalidOrderField,
  OrderAlreadyAccepted,
  OrderAlreadyPlaced,
  OrderCustomerNotWon,
  OrderCustomerUnknown,
  OrderNotFound,
  OrderTransitionRefused,
} from './order.errors';
import { orderEventTypes, type FulfilmentStatus, type OrderEvent } from './order.events';
import { orderStream } from './order.stream';

const spec = DeciderSpecification.for(orderDecider);
const orderId = 'o-1';
const customerId = 'c-1';

const place: PlaceOrder = {
  type: 'PlaceOrder',
  data: {
    orderId,
    customerId,
    customerStanding: 'won',
    currency: 'EUR',
    lines: [
      { sku: 'SKU-A', quantity: 2, unitPrice: '12.50' },
      { sku: 'SKU-B', quantity: 1 },
    ],
    placedAt: new Date('2025-04-01T08:00:00Z'),
  },
};
const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: {
    orderId,
    customerId,
    currency: 'EUR',
    lines: [
      { sku: 'SKU-A', quantity: 2, unitPrice: '12.50' },
      { sku: 'SKU-B', quantity: 1, unitPrice: null },
    ],
    placedAt: '2025-04-01T08:00:00.000Z',
  },
};
const accept: AcceptOrderByErp = {
  type: 'AcceptOrderByErp',
  data: {
    orderId,
    erpOrderNumber: 'ERP-O-5001',
    lines: [
      { sku: 'SKU-A', quantity: 2, unitPrice: '12.00' },
      { sku: 'SKU-B', quantity: 1, unitPrice: '99.90' },
    ],
    conditions: { paymentTerms: 'NET30', incoterms: 'DAP' },
    acceptedAt: new Date('2025-04-01T08:05:00Z'),
  },
};
const accepted: OrderEvent = {
  type: 'OrderAccepted',
  data: {
    orderId,
    customerId,
    erpOrderNumber: 'ERP-O-5001',
    lines: [
      { sku: 'SKU-A', quantity: 2, unitPrice: '12.00' },
      { sku: 'SKU-B', quantity: 1, unitPrice: '99.90' },
    ],
    conditions: { paymentTerms: 'NET30', incoterms: 'DAP' },
    acceptedAt: '2025-04-01T08:05:00.000Z',
  },
};
const reject: RejectOrderByErp = {
  type: 'RejectOrderByErp',
  data: { orderId, reason: 'credit limit exceeded', rejectedAt: new Date('2025-04-01T08:05:00Z') },
};
const rejected: OrderEvent = {
  type: 'OrderRejected',
  data: { orderId, customerId, reason: 'credit limit exceeded', rejectedAt: '2025-04-01T08:05:00.000Z' },
};
const changeStatus = (status: FulfilmentStatus, erpVersion: number): ChangeOrderStatus => ({
  type: 'ChangeOrderStatus',
  data: { orderId, status, erpVersion, changedAt: new Date('2025-04-02T10:00:00Z') },
});
const statusChanged = (
  from: FulfilmentStatus,
  to: Exclude<FulfilmentStatus, 'accepted'>,
  erpVersion: number,
): OrderEvent => ({
  type: 'OrderStatusChanged',
  data: { orderId, customerId, from, to, erpVersion, changedAt: '2025-04-02T10:00:00.000Z' },
});
const cancel: CancelOrder = {
  type: 'CancelOrder',
  data: { orderId, reason: 'customer changed their mind', cancelledAt: new Date('2025-04-03T00:00:00Z') },
};
const cancelled = (from: 'placed' | 'accepted' | 'in_fulfilment'): OrderEvent => ({
  type: 'OrderCancelled',
  data: {
    orderId,
    customerId,
    from,
    reason: 'customer changed their mind',
    cancelledAt: '2025-04-03T00:00:00.000Z',
  },
});
const inFulfilment = statusChanged('accepted', 'in_fulfilment', 2);
const shipped = statusChanged('in_fulfilment', 'shipped', 3);
const invoiced = statusChanged('shipped', 'invoiced', 4);

const invalidField = (field: string) => (error: InvalidOrderField) =>
  error.kind === 'invalid' && error.details['field'] === field;
const refused = (from: string, to: string) => (error: OrderTransitionRefused) =>
  error.kind === 'conflict' && error.details['from'] === from && error.details['to'] === to;
const withData = <C extends { data: object }>(command: C, change: object): C => ({
  ...command,
  data: { ...command.data, ...change },
});

describe('Order decider', () => {
  describe('PlaceOrder', () => {
    it('places an order with its lines for a won customer, keeping an unknown unit price as null', () => {
      spec.given([]).when(place).then([placed]);
    });

    it('stores only the known line fields', () => {
      const lines = [
        { sku: 'SKU-A', quantity: 2, unitPrice: '12.50', discount: '100%' },
        { sku: 'SKU-B', quantity: 1 },
      ];
      spec.given([]).when(withData(place, { lines })).then([placed]);
    });

    it('refuses an order for a customer the order service does not know', () => {
      spec
        .given([])
        .when(withData(place, { customerStanding: 'unknown' }))
        .thenThrows(
          OrderCustomerUnknown,
          (error) => error.kind === 'invalid' && error.details['customerId'] === customerId,
        );
    });

    it('refuses an order for a customer who was not won', () => {
      spec
        .given([])
        .when(withData(place, { customerStanding: 'prospect' }))
        .thenThrows(
          OrderCustomerNotWon,
          (error) => error.kind === 'invalid' && error.code === 'order.customer-not-won',
        );
    });

    it('refuses to place an order that is already placed', () => {
      spec
        .given([placed])
        .when(place)
        .thenThrows(
          OrderAlreadyPlaced,
          (error) => error.kind === 'conflict' && error.details['orderId'] === orderId,
        );
    });

    it('refuses to place again an order that has moved on', () => {
      spec.given([placed, accepted, inFulfilment]).when(place).thenThrows(OrderAlreadyPlaced);
    });

    it('refuses a repeated sku, naming the repeating line and the first one', () => {
      const lines = [
        { sku: 'SKU-A', quantity: 1 },
        { sku: 'SKU-B', quantity: 1 },
        { sku: 'SKU-A', quantity: 3 },
      ];
      spec
        .given([])
        .when(withData(place, { lines }))
        .thenThrows(
          InvalidOrderField,
          (error) => error.field === 'lines[2].sku' && error.reason.includes('lines[0]'),
        );
    });

    const line = { sku: 'SKU-A', quantity: 1 };
    it.each([
      ['customerId', 'empty', { customerId: '' }],
      ['currency', 'lower-case', { currency: 'eur' }],
      ['currency', 'four letters', { currency: 'EURO' }],
      ['lines', 'empty', { lines: [] }],
      ['lines', 'not a list', { lines: { sku: 'SKU-A', quantity: 1 } }],
      ['lines[0]', 'not an object', { lines: ['SKU-A'] }],
      ['lines[0].sku', 'empty', { lines: [{ ...line, sku: ' ' }] }],
      ['lines[1].quantity', 'zero', { lines: [line, { sku: 'SKU-B', quantity: 0 }] }],
      ['lines[0].quantity', 'negative', { lines: [{ ...line, quantity: -2 }] }],
      ['lines[0].quantity', 'fractional', { lines: [{ ...line, quantity: 1.5 }] }],
      ['lines[0].quantity', 'a string', { lines: [{ ...line, quantity: '2' }] }],
      ['lines[0].unitPrice', 'a float', { lines: [{ ...line, unitPrice: 12.5 }] }],
      ['lines[0].unitPrice', 'written with a comma', { lines: [{ ...line, unitPrice: '12,50' }] }],
      ['lines[0].unitPrice', 'negative', { lines: [{ ...line, unitPrice: '-1.00' }] }],
      ['lines[0].unitPrice', 'in exponent notation', { lines: [{ ...line, unitPrice: '1e3' }] }],
      ['lines[0].unitPrice', 'more precise than 4 decimals', { lines: [{ ...line, unitPrice: '0.00001' }] }],
      ['placedAt', 'an invalid date', { placedAt: new Date('') }],
    ])('refuses an order whose %s is %s', (field, _why, change) => {
      spec.given([]).when(withData(place, change)).thenThrows(InvalidOrderField, invalidField(field));
    });
  });

  describe('AcceptOrderByErp', () => {
    it('accepts a placed order with the ERP order number, confirmed prices and conditions', () => {
      spec.given([placed]).when(accept).then([accepted]);
    });

    it('accepts an order of which the ERP confirmed only some lines', () => {
      const lines = [{ sku: 'SKU-B', quantity: 1, unitPrice: '99.90' }];
      spec
        .given([placed])
        .when(withData(accept, { lines }))
        .then([{ ...accepted, data: { ...accepted.data, lines } } as OrderEvent]);
    });

    it('changes nothing when the acceptance is delivered again', () => {
      spec.given([placed, accepted]).when(accept).then([]);
    });

    it('changes nothing when the acceptance is delivered again after the order shipped', () => {
      spec.given([placed, accepted, inFulfilment, shipped]).when(accept).then([]);
    });

    it('changes nothing when the acceptance is delivered again after the order was cancelled', () => {
      spec
        .given([placed, accepted, cancelled('accepted')])
        .when(accept)
        .then([]);
    });

    it('refuses an acceptance under another ERP order number', () => {
      spec
        .given([placed, accepted])
        .when(withData(accept, { erpOrderNumber: 'ERP-O-6000' }))
        .thenThrows(
          OrderAlreadyAccepted,
          (error) =>
            error.kind === 'conflict' &&
            error.details['erpOrderNumber'] === 'ERP-O-5001' &&
            error.details['requestedErpOrderNumber'] === 'ERP-O-6000',
        );
    });

    it('refuses to accept an order the ERP rejected', () => {
      spec
        .given([placed, rejected])
        .when(accept)
        .thenThrows(OrderTransitionRefused, refused('rejected', 'accepted'));
    });

    it('refuses to accept an order that was cancelled before the ERP accepted it', () => {
      spec
        .given([placed, cancelled('placed')])
        .when(accept)
        .thenThrows(OrderTransitionRefused, refused('cancelled', 'accepted'));
    });

    it('refuses to accept an unknown order', () => {
      spec
        .given([])
        .when(accept)
        .thenThrows(
          OrderNotFound,
          (error) => error.kind === 'not_found' && error.details['orderId'] === orderId,
        );
    });

    it.each([
      ['erpOrderNumber', 'empty', { erpOrderNumber: '' }],
      ['lines', 'empty', { lines: [] }],
      ['lines[0].sku', 'not on the order', { lines: [{ sku: 'SKU-Z', quantity: 1, unitPrice: '1.00' }] }],
      [
        'lines[1].sku',
        'repeated',
        {
          lines: [
            { sku: 'SKU-A', quantity: 1, unitPrice: '1.00' },
            { sku: 'SKU-A', quantity: 1, unitPrice: '1.00' },
          ],
        },
      ],
      ['lines[0].unitPrice', 'missing', { lines: [{ sku: 'SKU-A', quantity: 2 }] }],
      ['lines[0].quantity', 'zero', { lines: [{ sku: 'SKU-A', quantity: 0, unitPrice: '1.00' }] }],
      ['conditions', 'a list', { conditions: ['NET30'] }],
      ['conditions', 'missing', { conditions: undefined }],
      ['conditions.paymentTerms', 'a number', { conditions: { paymentTerms: 30 } }],
      ['acceptedAt', 'an invalid date', { acceptedAt: new Date(Number.NaN) }],
    ])('refuses an acceptance whose %s is %s', (field, _why, change) => {
      spec.given([placed]).when(withData(accept, change)).thenThrows(InvalidOrderField, invalidField(field));
    });
  });

  describe('RejectOrderByErp', () => {
    it('rejects a placed order with the ERP reason', () => {
      spec.given([placed]).when(reject).then([rejected]);
    });

    it('changes nothing when the rejection is delivered again', () => {
      spec.given([placed, rejected]).when(reject).then([]);
    });

    it('refuses to reject an order the ERP accepted', () => {
      spec
        .given([placed, accepted])
        .when(reject)
        .thenThrows(OrderTransitionRefused, refused('accepted', 'rejected'));
    });

    it('refuses to reject a cancelled order', () => {
      spec
        .given([placed, cancelled('placed')])
        .when(reject)
        .thenThrows(OrderTransitionRefused, refused('cancelled', 'rejected'));
    });

    it('refuses to reject an unknown order', () => {
      spec.given([]).when(reject).thenThrows(OrderNotFound);
    });

    it('refuses a rejection without a reason', () => {
      spec
        .given([placed])
        .when(withData(reject, { reason: '' }))
        .thenThrows(InvalidOrderField, invalidField('reason'));
    });

    it('refuses a rejection without a valid time', () => {
      spec
        .given([placed])
        .when(withData(reject, { rejectedAt: null }))
        .thenThrows(InvalidOrderField, invalidField('rejectedAt'));
    });
  });

  describe('ChangeOrderStatus', () => {
    it('moves an accepted order into fulfilment', () => {
      spec.given([placed, accepted]).when(changeStatus('in_fulfilment', 2)).then([inFulfilment]);
    });

    it('ships an order in fulfilment', () => {
      spec.given([placed, accepted, inFulfilment]).when(changeStatus('shipped', 3)).then([shipped]);
    });

    it('invoices a shipped order', () => {
      spec
        .given([placed, accepted, inFulfilment, shipped])
        .when(changeStatus('invoiced', 4))
        .then([invoiced]);
    });

    it('follows the ERP when it jumps ahead, from accepted straight to shipped', () => {
      spec
        .given([placed, accepted])
        .when(changeStatus('shipped', 5))
        .then([statusChanged('accepted', 'shipped', 5)]);
    });

    it('accepts any first ERP version, since the acceptance carries none', () => {
      spec
        .given([placed, accepted])
        .when(changeStatus('in_fulfilment', 0))
        .then([statusChanged('accepted', 'in_fulfilment', 0)]);
    });

    it('ignores a redelivered update of the version it last applied', () => {
      spec.given([placed, accepted, inFulfilment]).when(changeStatus('in_fulfilment', 2)).then([]);
    });

    it('ignores any update at the version it last applied, whatever status it names', () => {
      spec.given([placed, accepted, inFulfilment, shipped]).when(changeStatus('invoiced', 3)).then([]);
    });

    it('ignores a stale update that arrives after a newer one', () => {
      spec.given([placed, accepted, inFulfilment, shipped]).when(changeStatus('in_fulfilment', 2)).then([]);
    });

    it('ignores a stale update even when the order was cancelled since', () => {
      spec
        .given([placed, accepted, inFulfilment, cancelled('in_fulfilment')])
        .when(changeStatus('shipped', 1))
        .then([]);
    });

    it('changes nothing when a newer ERP version keeps the same status', () => {
      spec.given([placed, accepted, inFulfilment]).when(changeStatus('in_fulfilment', 7)).then([]);
    });

    it('changes nothing when the ERP reports the accepted status of an accepted order', () => {
      spec.given([placed, accepted]).when(changeStatus('accepted', 1)).then([]);
    });

    it('refuses to move a shipped order back into fulfilment', () => {
      spec
        .given([placed, accepted, inFulfilment, shipped])
        .when(changeStatus('in_fulfilment', 9))
        .thenThrows(OrderTransitionRefused, refused('shipped', 'in_fulfilment'));
    });

    it('refuses to move an order in fulfilment back to accepted', () => {
      spec
        .given([placed, accepted, inFulfilment])
        .when(changeStatus('accepted', 9))
        .thenThrows(OrderTransitionRefused, refused('in_fulfilment', 'accepted'));
    });

    it('refuses to ship an order that was never accepted', () => {
      spec
        .given([placed])
        .when(changeStatus('shipped', 3))
        .thenThrows(OrderTransitionRefused, refused('placed', 'shipped'));
    });

    it('refuses a fulfilment status for an order the ERP rejected', () => {
      spec
        .given([placed, rejected])
        .when(changeStatus('in_fulfilment', 2))
        .thenThrows(OrderTransitionRefused, refused('rejected', 'in_fulfilment'));
    });

    it('refuses a newer fulfilment status for a cancelled order', () => {
      spec
        .given([placed, accepted, cancelled('accepted')])
        .when(changeStatus('shipped', 3))
        .thenThrows(OrderTransitionRefused, refused('cancelled', 'shipped'));
    });

    it('refuses a status change for an unknown order', () => {
      spec.given([]).when(changeStatus('shipped', 3)).thenThrows(OrderNotFound);
    });

    it.each([
      ['status', 'not a fulfilment status', { status: 'lost' }],
      ['status', 'cancelled (only CancelOrder cancels)', { status: 'cancelled' }],
      ['erpVersion', 'negative', { erpVersion: -1 }],
      ['erpVersion', 'fractional', { erpVersion: 2.5 }],
      ['erpVersion', 'a string', { erpVersion: '3' }],
      ['changedAt', 'an invalid date', { changedAt: new Date('') }],
    ])('refuses an update whose %s is %s', (field, _why, change) => {
      spec
        .given([placed, accepted])
        .when(withData(changeStatus('shipped', 3), change))
        .thenThrows(InvalidOrderField, invalidField(field));
    });
  });

  describe('CancelOrder', () => {
    it.each([
      ['placed', [placed]],
      ['accepted', [placed, accepted]],
      ['in_fulfilment', [placed, accepted, inFulfilment]],
    ] as const)('cancels an order that is %s', (from, given) => {
      spec
        .given(given)
        .when(cancel)
        .then([cancelled(from)]);
    });

    it('changes nothing when the order is cancelled again', () => {
      spec
        .given([placed, accepted, cancelled('accepted')])
        .when(cancel)
        .then([]);
    });

    it.each([
      ['shipped', [placed, accepted, inFulfilment, shipped]],
      ['invoiced', [placed, accepted, inFulfilment, shipped, invoiced]],
      ['rejected', [placed, rejected]],
    ] as const)('refuses to cancel an order that is %s', (from, given) => {
      spec.given(given).when(cancel).thenThrows(OrderTransitionRefused, refused(from, 'cancelled'));
    });

    it('refuses to cancel an unknown order', () => {
      spec.given([]).when(cancel).thenThrows(OrderNotFound);
    });

    it('refuses a cancellation without a reason', () => {
      spec
        .given([placed])
        .when(withData(cancel, { reason: '  ' }))
        .thenThrows(InvalidOrderField, invalidField('reason'));
    });

    it('refuses a cancellation without a valid time', () => {
      spec
        .given([placed])
        .when(withData(cancel, { cancelledAt: 'now' }))
        .thenThrows(InvalidOrderField, invalidField('cancelledAt'));
    });
  });

  describe('state', () => {
    it('keeps the lines, the ERP acceptance, the status history with times and the last ERP version', () => {
      expect(foldEvents(orderDecider, [placed, accepted, inFulfilment, shipped])).toEqual({
        status: 'shipped',
        orderId,
        customerId,
        currency: 'EUR',
        lines: placed.data.lines,
        placedAt: '2025-04-01T08:00:00.000Z',
        acceptance: {
          erpOrderNumber: 'ERP-O-5001',
          confirmedLines: accepted.data.lines,
          conditions: { paymentTerms: 'NET30', incoterms: 'DAP' },
          acceptedAt: '2025-04-01T08:05:00.000Z',
        },
        history: [
          { status: 'placed', at: '2025-04-01T08:00:00.000Z' },
          { status: 'accepted', at: '2025-04-01T08:05:00.000Z' },
          { status: 'in_fulfilment', at: '2025-04-02T10:00:00.000Z' },
          { status: 'shipped', at: '2025-04-02T10:00:00.000Z' },
        ],
        lastErpVersion: 3,
      });
    });

    it('keeps the reason of a rejection and of a cancellation', () => {
      expect(foldEvents(orderDecider, [placed, rejected])).toMatchObject({
        status: 'rejected',
        rejectionReason: 'credit limit exceeded',
      });
      expect(foldEvents(orderDecider, [placed, cancelled('placed')])).toMatchObject({
        status: 'cancelled',
        acceptance: null,
        cancellationReason: 'customer changed their mind',
      });
    });

    it('folds to the same state after a JSON round trip of the events, as the event store returns them', () => {
      const events = [placed, accepted, inFulfilment, cancelled('in_fulfilment')];
      const stored = JSON.parse(JSON.stringify(events)) as OrderEvent[];
      expect(foldEvents(orderDecider, stored)).toEqual(foldEvents(orderDecider, events));
    });
  });

  it('names the stream order-<id>', () => {
    expect(orderStream('8f1c')).toBe('order-8f1c');
  });

  it('registers every event type it decides with a schema version', () => {
    expect(Object.keys(orderEventTypes).sort()).toEqual([
      'OrderAccepted',
      'OrderCancelled',
      'OrderPlaced',
      'OrderRejected',
      'OrderStatusChanged',
    ]);
  });
});
