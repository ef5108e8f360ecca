export * from './contract-customer.events';
export * from './contract.events';
