import { instantProblem, textProblem, type Decider, type Problem } from '@switchboard/decider';
import { countryProblem, emailProblem } from '../shared/field-checks';
import type {
  ChangeCustomerDetails,
  CustomerCommand,
  LinkClmCustomer,
  LinkErpCustomer,
  RegisterProspect,
  WinCustomer,
} from './customer.commands';
import {
  ClmCustomerAlreadyLinked,
  CustomerAlreadyRegistered,
  CustomerNotFound,
  ErpCustomerAlreadyLinked,
  InvalidCustomerField,
} from './customer.errors';
import type { CustomerDetailChanges, CustomerEvent, PostalAddress } from './customer.events';
import { initialCustomerState, type CustomerDetails, type CustomerState } from './customer.state';

const MAX_NAME = 200;
const MAX_VAT_ID = 32;
const MAX_ADDRESS_LINE = 200;
const MAX_POSTAL_CODE = 20;
const MAX_EXTERNAL_ID = 100;

type RegisteredCustomerState = Exclude<CustomerState, { status: 'initial' }>;

/**
 * Customer: registered as a prospect, won once, linked to its ERP and CLM ids, details changed.
 * Repeating a command whose effect already holds yields no events (at-least-once delivery);
 * contradicting it is a conflict.
 */
export const customerDecider: Decider<CustomerState, CustomerCommand, CustomerEvent> = {
  initialState: initialCustomerState,
  decide(command, state) {
    switch (command.type) {
      case 'RegisterProspect':
        return registerProspect(command.data, state);
      case 'WinCustomer':
        return winCustomer(command.data, state);
      case 'LinkErpCustomer':
        return linkErpCustomer(command.data, state);
      case 'LinkClmCustomer':
        return linkClmCustomer(command.data, state);
      case 'ChangeCustomerDetails':
        return changeCustomerDetails(command.data, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown customer command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CustomerRegistered': {
        const { customerId, registeredAt, ...details } = event.data;
        return {
          status: 'prospect',
          customerId,
          details,
          registeredAt,
          erpCustomerNumber: null,
          clmCustomerId: null,
        };
      }
      case 'CustomerWon':
        return state.status === 'prospect' ? { ...state, status: 'won', wonAt: event.data.wonAt } : state;
      case 'ErpCustomerLinked':
        return state.status === 'initial'
          ? state
          : { ...state, erpCustomerNumber: event.data.erpCustomerNumber };
      case 'ClmCustomerLinked':
        return state.status === 'initial' ? state : { ...state, clmCustomerId: event.data.clmCustomerId };
      case 'CustomerDetailsChanged':
        return state.status === 'initial'
          ? state
          : { ...state, details: { ...state.details, ...event.data.changes } };
      default: {
        const _unknown: never = event;
        return state;
      }
    }
  },
};

function registerProspect(data: RegisterProspect['data'], state: CustomerState): CustomerEvent[] {
  check('name', textProblem(data.name, MAX_NAME));
  check('email', emailProblem(data.email));
  check('country', countryProblem(data.country));
  if (data.vatId != null) check('vatId', textProblem(data.vatId, MAX_VAT_ID));
  const address = data.address == null ? null : checkedAddress(data.address);
  check('registeredAt', instantProblem(data.registeredAt));
  const details: CustomerDetails = {
    name: data.name,
    email: data.email,
    country: data.country,
    vatId: data.vatId ?? null,
    address,
  };

  if (state.status !== 'initial') {
    // The customer should exist with these details: when it does, there is nothing to do.
    if (sameDetails(state.details, details)) return [];
    throw new CustomerAlreadyRegistered(data.customerId);
  }
  return [
    {
      type: 'CustomerRegistered',
      data: { customerId: data.customerId, ...details, registeredAt: data.registeredAt.toISOString() },
    },
  ];
}

function winCustomer(data: WinCustomer['data'], state: CustomerState): CustomerEvent[] {
  check('wonAt', instantProblem(data.wonAt));
  const customer = registered(state, data.customerId);
  // Winning twice is answered as "already won", not refused.
  if (customer.status === 'won') return [];
  return [{ type: 'CustomerWon', data: { customerId: data.customerId, wonAt: data.wonAt.toISOString() } }];
}

function linkErpCustomer(data: LinkErpCustomer['data'], state: CustomerState): CustomerEvent[] {
  check('erpCustomerNumber', textProblem(data.erpCustomerNumber, MAX_EXTERNAL_ID));
  check('linkedAt', instantProblem(data.linkedAt));
  const { erpCustomerNumber } = registered(state, data.customerId);
  if (erpCustomerNumber === data.erpCustomerNumber) return [];
  if (erpCustomerNumber !== null)
    throw new ErpCustomerAlreadyLinked(data.customerId, erpCustomerNumber, data.erpCustomerNumber);
  const { customerId, linkedAt } = data;
  return [
    {
      type: 'ErpCustomerLinked',
      data: { customerId, erpCustomerNumber: data.erpCustomerNumber, linkedAt: linkedAt.toISOString() },
    },
  ];
}

function linkClmCustomer(data: LinkClmCustomer['data'], state: CustomerState): CustomerEvent[] {
  check('clmCustomerId', textProblem(data.clmCustomerId, MAX_EXTERNAL_ID));
  check('linkedAt', instantProblem(data.linkedAt));
  const { clmCustomerId } = registered(state, data.customerId);
  if (clmCustomerId === data.clmCustomerId) return [];
  if (clmCustomerId !== null)
    throw new ClmCustomerAlreadyLinked(data.customerId, clmCustomerId, data.clmCustomerId);
  const { customerId, linkedAt } = data;
  return [
    {
      type: 'ClmCustomerLinked',
      data: { customerId, clmCustomerId: data.clmCustomerId, linkedAt: linkedAt.toISOString() },
    },
  ];
}

function changeCustomerDetails(data: ChangeCustomerDetails['data'], state: CustomerState): CustomerEvent[] {
  if (data.name !== undefined) check('name', textProblem(data.name, MAX_NAME));
  if (data.email !== undefined) check('email', emailProblem(data.email));
  if (data.country !== undefined) check('country', countryProblem(data.country));
  if (data.vatId != null) check('vatId', textProblem(data.vatId, MAX_VAT_ID));
  const address = data.address == null ? data.address : checkedAddress(data.address);
  check('changedAt', instantProblem(data.changedAt));
  const { details } = registered(state, data.customerId);

  const changes: CustomerDetailChanges = {
    ...(data.name !== undefined && data.name !== details.name ? { name: data.name } : {}),
    ...(data.email !== undefined && data.email !== details.email ? { email: data.email } : {}),
    ...(data.country !== undefined && data.country !== details.country ? { country: data.country } : {}),
    ...(data.vatId !== undefined && data.vatId !== details.vatId ? { vatId: data.vatId } : {}),
    ...(address !== undefined && !sameAddress(address, details.address) ? { address } : {}),
  };
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'CustomerDetailsChanged',
      data: { customerId: data.customerId, changes, changedAt: data.changedAt.toISOString() },
    },
  ];
}

function registered(state: CustomerState, customerId: string): RegisteredCustomerState {
  if (state.status === 'initial') throw new CustomerNotFound(customerId);
  return state;
}

/** Validates an address and copies only its known fields, so nothing else from the edge is stored. */
function checkedAddress(address: unknown): PostalAddress {
  if (typeof address !== 'object' || address === null)
    throw new InvalidCustomerField('address', 'must be an object');
  const { street, city, postalCode, country } = address as Partial<Record<keyof PostalAddress, unknown>>;
  check('address.street', textProblem(street, MAX_ADDRESS_LINE));
  check('address.city', textProblem(city, MAX_ADDRESS_LINE));
  check('address.postalCode', textProblem(postalCode, MAX_POSTAL_CODE));
  check('address.country', countryProblem(country));
  return { street, city, postalCode, country } as PostalAddress;
}

function check(field: string, problem: Problem): void {
  if (problem !== undefined) throw new InvalidCustomerField(field, problem);
}

function sameDetails(a: CustomerDetails, b: CustomerDetails): boolean {
  return (
    a.name === b.name &&
    a.email === b.email &&
    a.country === b.country &&
    a.vatId === b.vatId &&
    sameAddress(a.address, b.address)
  );
}

function sameAddress(a: PostalAddress | null, b: PostalAddress | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.street === b.street && a.city === b.city && a.postalCode === b.postalCode && a.country === b.country
  );
}
