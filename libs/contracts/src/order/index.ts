export * from './order.events';
