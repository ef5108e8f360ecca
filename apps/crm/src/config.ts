import { IsOptional, Matches } from 'class-validator';
import { ServiceConfig } from '@switchboard/observability';

/** The CRM service's environment: ServiceConfig (DATABASE_URL, NATS_URL, EVENT_STORE_URL, DB_SCHEMA) and its port. */
export class CrmConfig extends ServiceConfig {
  override PORT = 3001;

  /** Prefix of every JetStream name this process uses: tests isolate themselves with it; unset in production. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9]*$/, { message: '$property must be lower-case letters and digits, starting with a letter' })
  NATS_NAMESPACE?: string;
}
