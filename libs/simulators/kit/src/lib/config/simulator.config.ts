import { BaseConfig } from '@switchboard/observability';
import { Expose, Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const HTTP_URLS = /^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/;
/** A webhook type (`sales-order.updated`): letters, digits, `.`, `_` and `-`. */
export const WEBHOOK_EVENT_TYPE_FORMAT = /^[A-Za-z0-9._-]+$/;
const EVENT_TYPES = /^[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*$/;
/** Standard Webhooks secrets are `whsec_` + base64 of the key. */
export const WEBHOOK_SECRET_FORMAT = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/**
 * A simulator's environment: BaseConfig plus its PostgreSQL schema and where its webhooks go.
 * No NATS and no event store: a simulator stands in for an external system.
 */
export class SimulatorConfig extends BaseConfig {
  @Matches(POSTGRES_URL, { message: '$property must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL!: string;

  /** The simulator's schema; defaults to SERVICE_NAME with `-` turned into `_` (erp_simulator). */
  @Expose()
  @Transform(({ value, obj }) => value ?? (typeof obj.SERVICE_NAME === 'string' ? obj.SERVICE_NAME.replace(/-/g, '_') : undefined))
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: '$property must be a lower-case PostgreSQL identifier (letters, digits, _)' })
  DB_SCHEMA!: string;

  /** Receivers of every webhook, comma-separated (more can subscribe at runtime); unset = none configured. */
  @IsOptional()
  @Matches(HTTP_URLS, { message: '$property must be an http(s) URL or a comma-separated list of them' })
  WEBHOOK_URLS?: string;

  /** The webhook types sent to WEBHOOK_URLS, comma-separated; unset = every type. */
  @IsOptional()
  @Matches(EVENT_TYPES, { message: '$property must be a comma-separated list of webhook types (letters, digits, ".", "_", "-")' })
  WEBHOOK_EVENT_TYPES?: string;

  /** Signs the webhooks sent to WEBHOOK_URLS; required with them. */
  @ValidateIf((config: SimulatorConfig) => config.WEBHOOK_URLS !== undefined || config.WEBHOOK_SECRET !== undefined)
  @Matches(WEBHOOK_SECRET_FORMAT, { message: '$property must be a Standard Webhooks secret "whsec_<base64>" (required with WEBHOOK_URLS)' })
  WEBHOOK_SECRET?: string;

  /** Attempts per delivery before it is marked failed. */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer from 1 to 100' })
  @Min(1, { message: '$property must be an integer from 1 to 100' })
  @Max(100, { message: '$property must be an integer from 1 to 100' })
  WEBHOOK_MAX_ATTEMPTS = 10;

  /** Delay after the first failed attempt; doubles with each further failure. */
  @Type(() => Number)
  @IsInt({ message: '$property must be a positive integer number of milliseconds' })
  @Min(1, { message: '$property must be a positive integer number of milliseconds' })
  WEBHOOK_RETRY_BASE_MS = 500;

  /** The longest delay between two attempts. */
  @Type(() => Number)
  @IsInt({ message: '$property must be a positive integer number of milliseconds' })
  @Min(1, { message: '$property must be a positive integer number of milliseconds' })
  WEBHOOK_RETRY_MAX_MS = 60_000;

  /** An attempt without an answer after this long counts as failed. */
  @Type(() => Number)
  @IsInt({ message: '$property must be a positive integer number of milliseconds' })
  @Min(1, { message: '$property must be a positive integer number of milliseconds' })
  WEBHOOK_TIMEOUT_MS = 5_000;

  /** How often the delivery worker looks for due deliveries when nothing woke it. */
  @Type(() => Number)
  @IsInt({ message: '$property must be a positive integer number of milliseconds' })
  @Min(1, { message: '$property must be a positive integer number of milliseconds' })
  WEBHOOK_POLL_MS = 250;

  /** The WEBHOOK_URLS as a list. */
  webhookUrls(): string[] {
    return (this.WEBHOOK_URLS ?? '').split(',').filter((url) => url.length > 0);
  }

  /** The WEBHOOK_EVENT_TYPES as a list; null for every type. */
  webhookEventTypes(): string[] | null {
    return this.WEBHOOK_EVENT_TYPES ? this.WEBHOOK_EVENT_TYPES.split(',') : null;
  }
}
