import { checkpointMigrations, eventStoreMigrations } from '@switchboard/event-sourcing';
import { idempotencyMigrations } from '@switchboard/idempotency';
import { inboxMigrations } from '@switchboard/messaging';
import { CreateCrmReadModels1768100000000 } from './1768100000000-create-crm-read-models';

/** Everything in the CRM service's schema, the libs' tables first; run by `nx migrate crm`. */
export const crmMigrations = [
  ...eventStoreMigrations,
  ...checkpointMigrations,
  ...inboxMigrations,
  ...idempotencyMigrations,
  CreateCrmReadModels1768100000000,
];
