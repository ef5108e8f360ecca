import { CalloutServiceConfig } from '@switchboard/webhooks';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Matches, Min } from 'class-validator';

const HTTP_URL = /^https?:\/\/\S+$/;
const WEBHOOK_SECRETS = /^whsec_[A-Za-z0-9+/]+={0,2}([ ,]+whsec_[A-Za-z0-9+/]+={0,2})*$/;
const MS = { message: '$property must be a positive integer number of milliseconds' };

/**
 * The ERP adapter's environment: ServiceConfig (DATABASE_URL, NATS_URL, EVENT_STORE_URL, DB_SCHEMA,
 * NATS_NAMESPACE) and the callout budget (CALLOUT_*, from CalloutServiceConfig), its port, where
 * the ERP, the CRM and the CLM answer, the ERP's webhook secrets and the polling fallback. The
 * base URLs are API roots: a path like `/customers` is appended.
 */
export class ErpAdapterConfig extends CalloutServiceConfig {
  override PORT = 3003;

  /** The ERP's REST API root (the simulator's by default). */
  @Matches(HTTP_URL, { message: '$property must be an http(s) URL' })
  ERP_BASE_URL = 'http://127.0.0.1:3101/api/v1';

  /** The CRM's REST query API root: `GET /customers/{id}` completes `crm.customer.won`. */
  @Matches(HTTP_URL, { message: '$property must be an http(s) URL' })
  CRM_BASE_URL = 'http://127.0.0.1:3001/api/v1';

  /** The CLM's REST API root: `GET /contracts/{id}` gives a signed contract's conditions. */
  @Matches(HTTP_URL, { message: '$property must be an http(s) URL' })
  CLM_BASE_URL = 'http://127.0.0.1:3102/api/v1';

  /** Verify `POST /webhooks/erp`: `whsec_…` secrets, several (space or comma separated) during a rotation. */
  @Matches(WEBHOOK_SECRETS, { message: '$property must be one or more Standard Webhooks secrets "whsec_<base64>"' })
  ERP_WEBHOOK_SECRETS!: string;

  /** Poll the ERP's changes feed (for an ERP without webhooks, or as a safety net beside them). */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  ERP_POLLING = false;

  @Type(() => Number)
  @IsInt(MS)
  @Min(100, MS)
  ERP_POLL_INTERVAL_MS = 5_000;

  /** A polled change of an order with no recorded acceptance waits for it this long, then is passed over as not ours. */
  @Type(() => Number)
  @IsInt(MS)
  @Min(1, MS)
  ERP_POLL_UNKNOWN_ORDER_GRACE_MS = 600_000;
}
