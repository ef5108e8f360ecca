export * from './lib/service-chassis.options';
export * from './lib/service-chassis.module';
