export * from './demo-failure';
export * from './demo-origins';
export * from './lead-to-cash.scenario';
export * from './timeline';
export * from './timeline-printer';
