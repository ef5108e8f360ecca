import { ServiceConfig } from '@switchboard/observability';

/** The order service's environment: ServiceConfig (DATABASE_URL, NATS_URL, EVENT_STORE_URL, DB_SCHEMA, NATS_NAMESPACE) and its port. */
export class OrderConfig extends ServiceConfig {
  override PORT = 3002;
}
