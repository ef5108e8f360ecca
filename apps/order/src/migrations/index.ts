import { checkpointMigrations, eventStoreMigrations } from '@switchboard/event-sourcing';
import { idempotencyMigrations } from '@switchboard/idempotency';
import { inboxMigrations } from '@switchboard/messaging';
import { CreateOrderReadModels1768000000000 } from './1768000000000-create-order-read-models';

/** Everything in the order service's schema, the libs' tables first; run by `nx migrate order`. */
export const orderMigrations = [
  ...eventStoreMigrations,
  ...checkpointMigrations,
  ...inboxMigrations,
  ...idempotencyMigrations,
  CreateOrderReadModels1768000000000,
];
