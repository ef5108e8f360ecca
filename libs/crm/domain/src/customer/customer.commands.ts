import type { Command } from '@switchboard/decider';
import type { PostalAddress } from './customer.events';

export type RegisterProspect = Command<
  'RegisterProspect',
  Readonly<{
    customerId: string;
    name: string;
    email: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    vatId?: string;
    address?: PostalAddress;
    registeredAt: Date;
  }>
>;

export type WinCustomer = Command<'WinCustomer', Readonly<{ customerId: string; wonAt: Date }>>;

/** From `erp.customer.created`: the ERP's number for this customer. */
export type LinkErpCustomer = Command<
  'LinkErpCustomer',
  Readonly<{ customerId: string; erpCustomerNumber: string; linkedAt: Date }>
>;

/** From `contract.customer.created`: the CLM's id for this customer. */
export type LinkClmCustomer = Command<
  'LinkClmCustomer',
  Readonly<{ customerId: string; clmCustomerId: string; linkedAt: Date }>
>;

/**
 * A partial update (JSON merge patch semantics): an absent field stays as it is; `null` removes
 * the optional VAT id or address.
 */
export type ChangeCustomerDetails = Command<
  'ChangeCustomerDetails',
  Readonly<{
    customerId: string;
    name?: string;
    email?: string;
    country?: string;
    vatId?: string | null;
    address?: PostalAddress | null;
    changedAt: Date;
  }>
>;

export type CustomerCommand =
  RegisterProspect | WinCustomer | LinkErpCustomer | LinkClmCustomer | ChangeCustomerDetails;
