export * from './messaging.options';
export * from './messaging.module';
export * from './messaging.lifecycle';
export * from './jetstream-server.factory';
