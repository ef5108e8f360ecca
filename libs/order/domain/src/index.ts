export * from './order/order.events';
export * from './order/order.commands';
export * from './order/order.state';
export * from './order/order.errors';
export * from './order/order.decider';
export * from './order/order.stream';
