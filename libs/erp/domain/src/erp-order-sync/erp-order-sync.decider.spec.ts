import { DeciderSpecification } from '@switchboard/decider';
import type { ApplyErpOrderChange, RecordErpOrderAccepted, RecordErpOrderRejected } from './erp-order-sync.commands';
import { erpOrderSyncDecider } from './erp-order-sync.decider';
import { ErpOrderAlreadyAnswered, ErpOrderNotAccepted, InvalidErpOrderSyncField } from './erp-order-sync.errors';
import type { ErpOrderSyncEvent } from './erp-order-sync.events';
import { erpOrderSyncStream } from './erp-order-sync.stream';

const spec = DeciderSpecification.for(erpOrderSyncDecider);
const orderId = 'o-1';
const customerId = 'c-1';
const lines = [{ sku: 'SKU-1', quantity: 2, unitPrice: '12.50' }];

const accept: RecordErpOrderAccepted = {
  type: 'RecordErpOrderAccepted',
  data: {
    orderId,
    customerId,
    erpCustomerNumber: 'C-100001',
    erpOrderNumber: 'SO-500001',
    lines,
    conditions: { paymentTerms: 'NET30' },
    erpVersion: 1,
    acceptedAt: new Date('2026-01-02T08:00:00Z'),
  },
};
const accepted: ErpOrderSyncEvent = {
  type: 'ErpOrderAccepted',
  data: { ...accept.data, lines, acceptedAt: '2026-01-02T08:00:00.000Z' },
};
const reject: RecordErpOrderRejected = {
  type: 'RecordErpOrderRejected',
  data: { orderId, customerId, erpCustomerNumber: 'C-100001', reason: 'SKU X-1 is not in the catalogue', rejectedAt: new Date('2026-01-02T08:00:00Z') },
};
const rejected: ErpOrderSyncEvent = {
  type: 'ErpOrderRejected',
  data: { ...reject.data, rejectedAt: '2026-01-02T08:00:00.000Z' },
};
const change = (erpVersion: number, status: ApplyErpOrderChange['data']['status'], origin: 'webhook' | 'polling' = 'webhook'): ApplyErpOrderChange => ({
  type: 'ApplyErpOrderChange',
  data: { orderId, erpOrderNumber: 'SO-500001', status, erpVersion, changeId: String(10 + erpVersion), origin, changedAt: new Date('2026-01-03T08:00:00Z') },
});
const changed = (erpVersion: number, status: ApplyErpOrderChange['data']['status'], origin: 'webhook' | 'polling' = 'webhook'): ErpOrderSyncEvent => ({
  type: 'ErpOrderChanged',
  data: { orderId, erpOrderNumber: 'SO-500001', status, erpVersion, changeId: String(10 + erpVersion), origin, changedAt: '2026-01-03T08:00:00.000Z' },
});

describe('ErpOrderSync', () => {
  it('names its stream erpOrderSync-<order id>', () => {
    expect(erpOrderSyncStream('o-1')).toBe('erpOrderSync-o-1');
  });

  describe('RecordErpOrderAccepted', () => {
    it('records the ERP order number, confirmed lines, conditions and version', () => {
      spec.given([]).when(accept).then([accepted]);
    });

    it('records nothing when the same acceptance is reported again', () => {
      spec.given([accepted]).when(accept).then([]);
    });

    it('refuses an acceptance under another ERP number', () => {
      spec
        .given([accepted])
        .when({ ...accept, data: { ...accept.data, erpOrderNumber: 'SO-500002' } })
        .thenThrows(ErpOrderAlreadyAnswered);
    });

    it('refuses an acceptance of a rejected order', () => {
      spec.given([rejected]).when(accept).thenThrows(ErpOrderAlreadyAnswered);
    });

    it('refuses a confirmed line without a decimal price', () => {
      spec
        .given([])
        .when({ ...accept, data: { ...accept.data, lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: '12,50' }] } })
        .thenThrows(InvalidErpOrderSyncField, (error) => error.details['field'] === 'lines[0].unitPrice');
    });
  });

  describe('RecordErpOrderRejected', () => {
    it('records the ERP rejecting the order with its reason', () => {
      spec.given([]).when(reject).then([rejected]);
    });

    it('records nothing when the rejection is reported again', () => {
      spec.given([rejected]).when(reject).then([]);
    });

    it('refuses a rejection of an accepted order', () => {
      spec.given([accepted]).when(reject).thenThrows(ErpOrderAlreadyAnswered);
    });
  });

  describe('ApplyErpOrderChange', () => {
    it('applies a newer version of the ERP order, recording where it came from', () => {
      spec.given([accepted]).when(change(2, 'in_fulfilment')).then([changed(2, 'in_fulfilment')]);
      spec.given([accepted]).when(change(2, 'in_fulfilment', 'polling')).then([changed(2, 'in_fulfilment', 'polling')]);
    });

    it('ignores the version the acceptance already carried', () => {
      spec.given([accepted]).when(change(1, 'accepted')).then([]);
    });

    it('ignores a change delivered again, by the webhook or the poller', () => {
      spec.given([accepted, changed(2, 'in_fulfilment')]).when(change(2, 'in_fulfilment', 'polling')).then([]);
    });

    it('ignores an older version arriving after a newer one, and applies a version that jumps ahead', () => {
      spec.given([accepted]).when(change(3, 'shipped')).then([changed(3, 'shipped')]);
      spec.given([accepted, changed(3, 'shipped')]).when(change(2, 'in_fulfilment')).then([]);
    });

    it("ignores the ERP's record of the acceptance when it overtakes the ERP's answer, which records it", () => {
      spec.given([]).when(change(1, 'accepted')).then([]);
    });

    it('refuses a change of an order whose acceptance is not recorded (retried later)', () => {
      spec.given([]).when(change(2, 'in_fulfilment')).thenThrows(ErpOrderNotAccepted);
      spec.given([rejected]).when(change(2, 'in_fulfilment')).thenThrows(ErpOrderNotAccepted);
    });

    it('refuses a change naming another ERP order', () => {
      spec
        .given([accepted])
        .when({ ...change(2, 'shipped'), data: { ...change(2, 'shipped').data, erpOrderNumber: 'SO-9' } })
        .thenThrows(InvalidErpOrderSyncField, (error) => error.details['field'] === 'erpOrderNumber');
    });

    it('refuses an unknown status', () => {
      spec
        .given([accepted])
        .when({ ...change(2, 'shipped'), data: { ...change(2, 'shipped').data, status: 'lost' as never } })
        .thenThrows(InvalidErpOrderSyncField, (error) => error.details['field'] === 'status');
    });
  });
});
