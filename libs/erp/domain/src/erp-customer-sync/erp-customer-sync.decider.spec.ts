import { DeciderSpecification } from '@switchboard/decider';
import type {
  RecordErpCustomerConditionsPushed,
  RecordErpCustomerCreated,
  RecordErpCustomerCreationRefused,
} from './erp-customer-sync.commands';
import { erpCustomerSyncDecider } from './erp-customer-sync.decider';
import { ErpCustomerAlreadySynced, ErpCustomerNotSynced, InvalidErpCustomerSyncField } from './erp-customer-sync.errors';
import type { ErpCustomerConditions, ErpCustomerDetails, ErpCustomerSyncEvent } from './erp-customer-sync.events';
import { erpCustomerSyncStream } from './erp-customer-sync.stream';

const spec = DeciderSpecification.for(erpCustomerSyncDecider);
const customerId = 'c-1';
const sent: ErpCustomerDetails = { name: 'ACME GmbH', email: 'buyer@acme.example', country: 'DE', vatId: null, address: null };
const conditions: ErpCustomerConditions = { contractId: 'CT-1', paymentTerms: 'NET30', discountPercent: 5, validFrom: '2026-01-01', validTo: null };

const create: RecordErpCustomerCreated = {
  type: 'RecordErpCustomerCreated',
  data: { customerId, erpCustomerNumber: 'C-100001', sent, createdAt: new Date('2026-01-02T08:00:00Z') },
};
const created: ErpCustomerSyncEvent = {
  type: 'ErpCustomerCreated',
  data: { customerId, erpCustomerNumber: 'C-100001', sent, createdAt: '2026-01-02T08:00:00.000Z' },
};
const refuse: RecordErpCustomerCreationRefused = {
  type: 'RecordErpCustomerCreationRefused',
  data: { customerId, httpStatus: 400, reason: 'email must be an email', refusedAt: new Date('2026-01-02T08:00:00Z') },
};
const refused: ErpCustomerSyncEvent = {
  type: 'ErpCustomerCreationRefused',
  data: { customerId, httpStatus: 400, reason: 'email must be an email', refusedAt: '2026-01-02T08:00:00.000Z' },
};
const push: RecordErpCustomerConditionsPushed = {
  type: 'RecordErpCustomerConditionsPushed',
  data: { customerId, conditions, pushedAt: new Date('2026-01-03T08:00:00Z') },
};
const pushed: ErpCustomerSyncEvent = {
  type: 'ErpCustomerConditionsPushed',
  data: { customerId, erpCustomerNumber: 'C-100001', conditions, pushedAt: '2026-01-03T08:00:00.000Z' },
};

describe('ErpCustomerSync', () => {
  it('names its stream erpCustomerSync-<customer id>', () => {
    expect(erpCustomerSyncStream('c-1')).toBe('erpCustomerSync-c-1');
  });

  describe('RecordErpCustomerCreated', () => {
    it('records the ERP customer number of a customer not in the ERP yet', () => {
      spec.given([]).when(create).then([created]);
    });

    it('records nothing when the same number is reported again (a redelivery)', () => {
      spec.given([created]).when(create).then([]);
    });

    it('refuses a second ERP number for the same customer', () => {
      spec
        .given([created])
        .when({ ...create, data: { ...create.data, erpCustomerNumber: 'C-100002' } })
        .thenThrows(ErpCustomerAlreadySynced);
    });

    it('records the creation after an earlier refusal (the data was fixed)', () => {
      spec.given([refused]).when(create).then([created]);
    });

    it('refuses an empty ERP number', () => {
      spec
        .given([])
        .when({ ...create, data: { ...create.data, erpCustomerNumber: ' ' } })
        .thenThrows(InvalidErpCustomerSyncField, (error) => error.details['field'] === 'erpCustomerNumber');
    });
  });

  describe('RecordErpCustomerCreationRefused', () => {
    it('records the ERP refusing the customer', () => {
      spec.given([]).when(refuse).then([refused]);
    });

    it('records nothing for the same refusal again', () => {
      spec.given([refused]).when(refuse).then([]);
    });

    it('records nothing once the customer is in the ERP', () => {
      spec.given([created]).when(refuse).then([]);
    });

    it('refuses a status that is not a 4xx', () => {
      spec
        .given([])
        .when({ ...refuse, data: { ...refuse.data, httpStatus: 503 } })
        .thenThrows(InvalidErpCustomerSyncField, (error) => error.details['field'] === 'httpStatus');
    });
  });

  describe('RecordErpCustomerConditionsPushed', () => {
    it('records conditions pushed to a synced customer, with its ERP number', () => {
      spec.given([created]).when(push).then([pushed]);
    });

    it('records nothing when the same conditions are pushed again', () => {
      spec.given([created, pushed]).when(push).then([]);
    });

    it('records changed conditions of a later contract', () => {
      const later = { ...conditions, contractId: 'CT-2', discountPercent: 7.5 };
      spec
        .given([created, pushed])
        .when({ ...push, data: { ...push.data, conditions: later } })
        .then([{ type: 'ErpCustomerConditionsPushed', data: { ...pushed.data, conditions: later } }]);
    });

    it('refuses conditions for a customer not in the ERP yet', () => {
      spec.given([]).when(push).thenThrows(ErpCustomerNotSynced);
      spec.given([refused]).when(push).thenThrows(ErpCustomerNotSynced);
    });

    it('refuses a discount outside 0..100 and a malformed date', () => {
      spec
        .given([created])
        .when({ ...push, data: { ...push.data, conditions: { ...conditions, discountPercent: 101 } } })
        .thenThrows(InvalidErpCustomerSyncField, (error) => error.details['field'] === 'conditions.discountPercent');
      spec
        .given([created])
        .when({ ...push, data: { ...push.data, conditions: { ...conditions, validTo: '2026-13-01' } } })
        .thenThrows(InvalidErpCustomerSyncField, (error) => error.details['field'] === 'conditions.validTo');
    });
  });
});
