export * from './streams';
export * from './subject-name';
export * from './integration-event';
export * from './event-contract';
export * from './crm';
export * from './order';
export * from './erp';
export * from './contract';
