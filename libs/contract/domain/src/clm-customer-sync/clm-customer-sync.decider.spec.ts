import { DeciderSpecification } from '@switchboard/decider';
import type { RecordClmCustomerCreated, RecordClmCustomerRefused, RequestClmCustomer } from './clm-customer-sync.commands';
import { clmCustomerSyncDecider } from './clm-customer-sync.decider';
import { ClmCustomerAlreadyLinked, ClmCustomerNotRequested, InvalidClmCustomerSyncField } from './clm-customer-sync.errors';
import type { ClmCustomerSyncEvent } from './clm-customer-sync.events';
import { clmCustomerSyncStream } from './clm-customer-sync.stream';

const spec = DeciderSpecification.for(clmCustomerSyncDecider);
const customerId = 'c-1';

const requestCustomer: RequestClmCustomer = {
  type: 'RequestClmCustomer',
  data: { customerId, idempotencyKey: 'evt-won-1', requestedAt: new Date('2026-01-01T08:00:00Z') },
};
const requested: ClmCustomerSyncEvent = {
  type: 'ClmCustomerRequested',
  data: { customerId, idempotencyKey: 'evt-won-1', requestedAt: '2026-01-01T08:00:00.000Z' },
};
const recordCreated: RecordClmCustomerCreated = {
  type: 'RecordClmCustomerCreated',
  data: { customerId, clmCustomerId: 'CC-100001', name: 'ACME GmbH', email: 'legal@acme.example', createdAt: new Date('2026-01-01T08:00:01Z') },
};
const created: ClmCustomerSyncEvent = {
  type: 'ClmCustomerCreated',
  data: { customerId, clmCustomerId: 'CC-100001', name: 'ACME GmbH', email: 'legal@acme.example', createdAt: '2026-01-01T08:00:01.000Z' },
};
const recordRefused: RecordClmCustomerRefused = {
  type: 'RecordClmCustomerRefused',
  data: { customerId, status: 422, reason: 'email is invalid', refusedAt: new Date('2026-01-01T08:00:01Z') },
};
const refused: ClmCustomerSyncEvent = {
  type: 'ClmCustomerRefused',
  data: { customerId, status: 422, reason: 'email is invalid', refusedAt: '2026-01-01T08:00:01.000Z' },
};

const withData = <C extends { data: object }>(command: C, change: object): C => ({ ...command, data: { ...command.data, ...change } });
const invalidField = (field: string) => (error: InvalidClmCustomerSyncField) => error.kind === 'invalid' && error.field === field;

describe('ClmCustomerSync decider', () => {
  describe('RequestClmCustomer', () => {
    it('records the request under the causing event id as its Idempotency-Key', () => {
      spec.given([]).when(requestCustomer).then([requested]);
    });

    it('changes nothing while the request is pending (a redelivered crm.customer.won)', () => {
      spec.given([requested]).when(withData(requestCustomer, { idempotencyKey: 'evt-won-2' })).then([]);
    });

    it('changes nothing once the customer exists in the CLM', () => {
      spec.given([requested, created]).when(requestCustomer).then([]);
    });

    it('requests again after the CLM refused', () => {
      spec.given([requested, refused]).when(requestCustomer).then([requested]);
    });

    it.each([
      ['customerId', 'empty', { customerId: '' }],
      ['idempotencyKey', 'missing', { idempotencyKey: undefined }],
      ['requestedAt', 'an invalid date', { requestedAt: new Date('') }],
    ])('refuses a request whose %s is %s', (field, _why, change) => {
      spec.given([]).when(withData(requestCustomer, change)).thenThrows(InvalidClmCustomerSyncField, invalidField(field));
    });
  });

  describe('RecordClmCustomerCreated', () => {
    it('links the CLM customer id to a requested customer, with what was sent', () => {
      spec.given([requested]).when(recordCreated).then([created]);
    });

    it('changes nothing when the same answer is recorded again', () => {
      spec.given([requested, created]).when(recordCreated).then([]);
    });

    it('refuses an answer after a recorded refusal: the customer was not requested again', () => {
      spec.given([requested, refused]).when(recordCreated).thenThrows(ClmCustomerNotRequested);
    });

    it('refuses another CLM customer id for a linked customer', () => {
      spec
        .given([requested, created])
        .when(withData(recordCreated, { clmCustomerId: 'CC-999' }))
        .thenThrows(ClmCustomerAlreadyLinked, (error) => error.kind === 'conflict' && error.details['clmCustomerId'] === 'CC-100001');
    });

    it('refuses an answer for a customer never requested', () => {
      spec.given([]).when(recordCreated).thenThrows(ClmCustomerNotRequested, (error) => error.kind === 'not_found');
    });

    it.each([
      ['clmCustomerId', 'empty', { clmCustomerId: '' }],
      ['name', 'blank', { name: ' ' }],
      ['email', 'a number', { email: 42 }],
      ['createdAt', 'an invalid date', { createdAt: new Date('') }],
    ])('refuses an answer whose %s is %s', (field, _why, change) => {
      spec.given([requested]).when(withData(recordCreated, change)).thenThrows(InvalidClmCustomerSyncField, invalidField(field));
    });
  });

  describe('RecordClmCustomerRefused', () => {
    it('records the CLM refusing a requested customer', () => {
      spec.given([requested]).when(recordRefused).then([refused]);
    });

    it('changes nothing when the refusal is recorded again', () => {
      spec.given([requested, refused]).when(recordRefused).then([]);
    });

    it('changes nothing when the customer was created already', () => {
      spec.given([requested, created]).when(recordRefused).then([]);
    });

    it('refuses a refusal for a customer never requested', () => {
      spec.given([]).when(recordRefused).thenThrows(ClmCustomerNotRequested);
    });

    it.each([
      ['status', 'a 5xx', { status: 503 }],
      ['reason', 'empty', { reason: '' }],
      ['refusedAt', 'an invalid date', { refusedAt: new Date('') }],
    ])('refuses a refusal whose %s is %s', (field, _why, change) => {
      spec.given([requested]).when(withData(recordRefused, change)).thenThrows(InvalidClmCustomerSyncField, invalidField(field));
    });
  });

  it('keeps one stream per CRM customer', () => {
    expect(clmCustomerSyncStream('c-1')).toBe('clmCustomerSync-c-1');
  });
});
