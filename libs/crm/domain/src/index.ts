// Customer
export * from './customer/customer.events';
export * from './customer/customer.commands';
export * from './customer/customer.state';
export * from './customer/customer.errors';
export * from './customer/customer.decider';
export * from './customer/customer.stream';
// ContractRecord
export * from './contract-record/contract-record.events';
export * from './contract-record/contract-record.commands';
export * from './contract-record/contract-record.state';
export * from './contract-record/contract-record.errors';
export * from './contract-record/contract-record.decider';
export * from './contract-record/contract-record.stream';
// Value checks the app's DTOs may reuse
export { isCountryCode } from './shared/country-codes';
