import { ServiceConfig } from '@switchboard/observability';

/** The CRM service's environment: ServiceConfig (DATABASE_URL, NATS_URL, EVENT_STORE_URL, DB_SCHEMA, NATS_NAMESPACE) and its port. */
export class CrmConfig extends ServiceConfig {
  override PORT = 3001;
}
