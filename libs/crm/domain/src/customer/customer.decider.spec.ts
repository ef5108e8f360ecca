import { DeciderSpecification, foldEvents } from '@switchboard/decider';
import type { RegisterProspect } from './customer.commands';
import { customerDecider } from './customer.decider';
import {
  ClmCustomerAlreadyLinked,
  CustomerAlreadyRegistered,
  CustomerNotFound,
  ErpCustomerAlreadyLinked,
  InvalidCustomerField,
} from './customer.errors';
import { customerEventTypes, type CustomerEvent, type CustomerRegistered } from './customer.events';
import { customerStream } from './customer.stream';

const spec = DeciderSpecification.for(customerDecider);
const customerId = 'c-1';
const at = new Date('2025-03-01T09:00:00.000Z');
const later = new Date('2025-03-02T10:30:00.000Z');
const address = { street: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

const register: RegisterProspect = {
  type: 'RegisterProspect',
  data: {
    customerId,
    name: 'ACME GmbH',
    email: 'buyer@acme.example',
    country: 'DE',
    vatId: 'DE123456789',
    address,
    registeredAt: at,
  },
};
const registered: CustomerRegistered = {
  type: 'CustomerRegistered',
  data: {
    customerId,
    name: 'ACME GmbH',
    email: 'buyer@acme.example',
    country: 'DE',
    vatId: 'DE123456789',
    address,
    registeredAt: '2025-03-01T09:00:00.000Z',
  },
};
const won: CustomerEvent = { type: 'CustomerWon', data: { customerId, wonAt: '2025-03-02T10:30:00.000Z' } };
const erpLinked: CustomerEvent = {
  type: 'ErpCustomerLinked',
  data: { customerId, erpCustomerNumber: 'ERP-1000', linkedAt: '2025-03-02T10:30:00.000Z' },
};
const clmLinked: CustomerEvent = {
  type: 'ClmCustomerLinked',
  data: { customerId, clmCustomerId: 'clm-77', linkedAt: '2025-03-02T10:30:00.000Z' },
};
const invalidField = (field: string) => (error: InvalidCustomerField) =>
  error.field === field && error.details['field'] === field;

describe('Customer decider', () => {
  describe('RegisterProspect', () => {
    it('registers a new customer as a prospect', () => {
      spec.given([]).when(register).then([registered]);
    });

    it('registers a prospect without the optional VAT id and address', () => {
      const { vatId: _vatId, address: _address, ...required } = register.data;
      spec
        .given([])
        .when({ type: 'RegisterProspect', data: required })
        .then([{ type: 'CustomerRegistered', data: { ...registered.data, vatId: null, address: null } }]);
    });

    it('stores only the known address fields', () => {
      const withExtra = { ...address, planet: 'Earth' } as typeof address;
      spec
        .given([])
        .when({ ...register, data: { ...register.data, address: withExtra } })
        .then([registered]);
    });

    it('changes nothing when the same customer is registered again with the same details', () => {
      spec.given([registered]).when(register).then([]);
    });

    it('changes nothing when a retry of the registration carries a later time', () => {
      spec
        .given([registered, won])
        .when({ ...register, data: { ...register.data, registeredAt: later } })
        .then([]);
    });

    it('refuses to register an existing customer with other details', () => {
      spec
        .given([registered])
        .when({ ...register, data: { ...register.data, email: 'someone-else@acme.example' } })
        .thenThrows(
          CustomerAlreadyRegistered,
          (error) => error.kind === 'conflict' && error.details['customerId'] === customerId,
        );
    });

    it.each([
      ['name', 'blank', { name: '   ' }],
      ['name', 'longer than 200 characters', { name: 'x'.repeat(201) }],
      ['email', 'without an @', { email: 'not-an-email' }],
      ['email', 'with a space', { email: 'two words@acme.example' }],
      ['country', 'not an assigned code (UK)', { country: 'UK' }],
      ['country', 'lower-case', { country: 'de' }],
      ['vatId', 'empty', { vatId: '' }],
      ['address', 'a string', { address: 'Hauptstraße 1' as unknown as typeof address }],
      ['address.street', 'empty', { address: { ...address, street: '' } }],
      ['address.city', 'blank', { address: { ...address, city: ' ' } }],
      ['address.postalCode', 'empty', { address: { ...address, postalCode: '' } }],
      ['address.country', 'not a country (XX)', { address: { ...address, country: 'XX' } }],
      ['registeredAt', 'an invalid date', { registeredAt: new Date('not a date') }],
    ])('refuses a registration whose %s is %s', (field, _why, change) => {
      spec
        .given([])
        .when({ ...register, data: { ...register.data, ...change } })
        .thenThrows(InvalidCustomerField, (error) => error.kind === 'invalid' && invalidField(field)(error));
    });
  });

  describe('WinCustomer', () => {
    it('wins a prospect', () => {
      spec
        .given([registered])
        .when({ type: 'WinCustomer', data: { customerId, wonAt: later } })
        .then([won]);
    });

    it('answers a second win as already won, without a second event', () => {
      spec
        .given([registered, won])
        .when({ type: 'WinCustomer', data: { customerId, wonAt: new Date('2025-04-01T00:00:00Z') } })
        .then([]);
    });

    it('refuses to win a customer that was never registered', () => {
      spec
        .given([])
        .when({ type: 'WinCustomer', data: { customerId, wonAt: later } })
        .thenThrows(
          CustomerNotFound,
          (error) => error.kind === 'not_found' && error.details['customerId'] === customerId,
        );
    });

    it('refuses a win without a valid time', () => {
      spec
        .given([registered])
        .when({ type: 'WinCustomer', data: { customerId, wonAt: new Date(Number.NaN) } })
        .thenThrows(InvalidCustomerField, invalidField('wonAt'));
    });
  });

  describe('LinkErpCustomer', () => {
    const link = (erpCustomerNumber: string) => ({
      type: 'LinkErpCustomer' as const,
      data: { customerId, erpCustomerNumber, linkedAt: later },
    });

    it('links the ERP customer number to a won customer', () => {
      spec.given([registered, won]).when(link('ERP-1000')).then([erpLinked]);
    });

    it('changes nothing when the same ERP customer number arrives again', () => {
      spec.given([registered, won, erpLinked]).when(link('ERP-1000')).then([]);
    });

    it('refuses another ERP customer number once one is linked', () => {
      spec
        .given([registered, won, erpLinked])
        .when(link('ERP-2000'))
        .thenThrows(
          ErpCustomerAlreadyLinked,
          (error) =>
            error.kind === 'conflict' &&
            error.details['erpCustomerNumber'] === 'ERP-1000' &&
            error.details['requestedErpCustomerNumber'] === 'ERP-2000',
        );
    });

    it('refuses to link an ERP customer number to an unknown customer', () => {
      spec.given([]).when(link('ERP-1000')).thenThrows(CustomerNotFound);
    });

    it('refuses an empty ERP customer number', () => {
      spec
        .given([registered, won])
        .when(link(''))
        .thenThrows(InvalidCustomerField, invalidField('erpCustomerNumber'));
    });
  });

  describe('LinkClmCustomer', () => {
    const link = (clmCustomerId: string) => ({
      type: 'LinkClmCustomer' as const,
      data: { customerId, clmCustomerId, linkedAt: later },
    });

    it('links the CLM customer id to a won customer', () => {
      spec.given([registered, won]).when(link('clm-77')).then([clmLinked]);
    });

    it('links the CLM customer id independently of the ERP customer number', () => {
      spec.given([registered, won, erpLinked]).when(link('clm-77')).then([clmLinked]);
    });

    it('changes nothing when the same CLM customer id arrives again', () => {
      spec.given([registered, won, clmLinked]).when(link('clm-77')).then([]);
    });

    it('refuses another CLM customer id once one is linked', () => {
      spec
        .given([registered, won, clmLinked])
        .when(link('clm-88'))
        .thenThrows(
          ClmCustomerAlreadyLinked,
          (error) =>
            error.details['clmCustomerId'] === 'clm-77' &&
            error.details['requestedClmCustomerId'] === 'clm-88',
        );
    });

    it('refuses to link a CLM customer id to an unknown customer', () => {
      spec.given([]).when(link('clm-77')).thenThrows(CustomerNotFound);
    });

    it('refuses a blank CLM customer id', () => {
      spec
        .given([registered, won])
        .when(link('  '))
        .thenThrows(InvalidCustomerField, invalidField('clmCustomerId'));
    });
  });

  describe('ChangeCustomerDetails', () => {
    const change = (fields: object) => ({
      type: 'ChangeCustomerDetails' as const,
      data: { customerId, ...fields, changedAt: later },
    });
    const changed = (changes: object): CustomerEvent => ({
      type: 'CustomerDetailsChanged',
      data: { customerId, changes, changedAt: '2025-03-02T10:30:00.000Z' },
    });

    it('records only the fields that differ from the current details', () => {
      spec
        .given([registered])
        .when(change({ name: 'ACME Holding GmbH', email: registered.data.email, country: 'AT' }))
        .then([changed({ name: 'ACME Holding GmbH', country: 'AT' })]);
    });

    it('changes nothing when every given field already has that value', () => {
      spec
        .given([registered])
        .when(change({ name: 'ACME GmbH', vatId: 'DE123456789', address: { ...address } }))
        .then([]);
    });

    it('changes nothing when no field is given', () => {
      spec.given([registered, won]).when(change({})).then([]);
    });

    it('compares with the details as changed before, not as registered', () => {
      spec
        .given([registered, changed({ email: 'new@acme.example' })])
        .when(change({ email: 'buyer@acme.example' }))
        .then([changed({ email: 'buyer@acme.example' })]);
    });

    it('removes the VAT id and the address when they are set to null', () => {
      spec
        .given([registered])
        .when(change({ vatId: null, address: null }))
        .then([changed({ vatId: null, address: null })]);
    });

    it('replaces the address when any part of it differs', () => {
      const moved = { ...address, postalCode: '10117' };
      spec
        .given([registered])
        .when(change({ address: moved }))
        .then([changed({ address: moved })]);
    });

    it('refuses to change the details of an unknown customer', () => {
      spec
        .given([])
        .when(change({ name: 'ACME' }))
        .thenThrows(CustomerNotFound);
    });

    it.each([
      ['name', 'empty', { name: '' }],
      ['name', 'null', { name: null }],
      ['email', 'without an @', { email: 'acme.example' }],
      ['country', 'a name instead of a code', { country: 'Germany' }],
      ['vatId', 'blank', { vatId: ' ' }],
      [
        'address.postalCode',
        'longer than 20 characters',
        { address: { ...address, postalCode: 'x'.repeat(21) } },
      ],
      ['address.country', 'missing', { address: { ...address, country: undefined } }],
    ])('refuses a change whose %s is %s', (field, _why, fields) => {
      spec.given([registered]).when(change(fields)).thenThrows(InvalidCustomerField, invalidField(field));
    });

    it('refuses a change without a valid time', () => {
      spec
        .given([registered])
        .when({
          type: 'ChangeCustomerDetails',
          data: { customerId, name: 'ACME', changedAt: 'yesterday' as unknown as Date },
        })
        .thenThrows(InvalidCustomerField, invalidField('changedAt'));
    });
  });

  describe('state', () => {
    it('folds to the current details, status and external ids', () => {
      const state = foldEvents(customerDecider, [
        registered,
        won,
        erpLinked,
        clmLinked,
        {
          type: 'CustomerDetailsChanged',
          data: {
            customerId,
            changes: { vatId: null, name: 'ACME AG' },
            changedAt: '2025-03-03T00:00:00.000Z',
          },
        },
      ]);
      expect(state).toEqual({
        status: 'won',
        customerId,
        registeredAt: '2025-03-01T09:00:00.000Z',
        wonAt: '2025-03-02T10:30:00.000Z',
        details: { name: 'ACME AG', email: 'buyer@acme.example', country: 'DE', vatId: null, address },
        erpCustomerNumber: 'ERP-1000',
        clmCustomerId: 'clm-77',
      });
    });

    it('folds to the same state after a JSON round trip of the events, as the event store returns them', () => {
      const events = [registered, won, erpLinked];
      const stored = JSON.parse(JSON.stringify(events)) as CustomerEvent[];
      expect(foldEvents(customerDecider, stored)).toEqual(foldEvents(customerDecider, events));
    });
  });

  it('names the stream customer-<id>', () => {
    expect(customerStream('8f1c')).toBe('customer-8f1c');
  });

  it('registers every event type it decides with a schema version', () => {
    expect(Object.keys(customerEventTypes).sort()).toEqual([
      'ClmCustomerLinked',
      'CustomerDetailsChanged',
      'CustomerRegistered',
      'CustomerWon',
      'ErpCustomerLinked',
    ]);
    expect(Object.values(customerEventTypes).every(({ schemaVersion }) => schemaVersion === 1)).toBe(true);
  });
});
