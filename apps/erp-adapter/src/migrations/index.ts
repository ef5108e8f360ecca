import { checkpointMigrations, eventStoreMigrations } from '@switchboard/event-sourcing';
import { inboxMigrations } from '@switchboard/messaging';
import { webhookMigrations } from '@switchboard/webhooks';
import { CreateErpAdapterReadModels1769200000000 } from './1769200000000-create-erp-adapter-read-models';

/** Everything in the ERP adapter's schema, the libs' tables first; run by `nx migrate erp-adapter`. */
export const erpAdapterMigrations = [
  ...eventStoreMigrations,
  ...checkpointMigrations,
  ...inboxMigrations,
  ...webhookMigrations,
  CreateErpAdapterReadModels1769200000000,
];
