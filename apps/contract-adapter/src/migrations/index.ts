import { checkpointMigrations, eventStoreMigrations } from '@switchboard/event-sourcing';
import { inboxMigrations } from '@switchboard/messaging';
import { webhookMigrations } from '@switchboard/webhooks';
import { CreateContractAdapterTables1769200000000 } from './1769200000000-create-contract-adapter-tables';

/** Everything in the contract adapter's schema, the libs' tables first; run by `nx migrate contract-adapter`. */
export const contractAdapterMigrations = [
  ...eventStoreMigrations,
  ...checkpointMigrations,
  ...inboxMigrations,
  ...webhookMigrations,
  CreateContractAdapterTables1769200000000,
];
