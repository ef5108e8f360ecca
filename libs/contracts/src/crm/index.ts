export * from './crm-customer.events';
export * from './crm-signed-copy.events';
