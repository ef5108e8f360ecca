export * from './erp-order.events';
export * from './erp-customer.events';
