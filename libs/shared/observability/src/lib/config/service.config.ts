import { Expose, Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { BaseConfig } from './base.config';

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const EVENT_STORE_URL = /^(postgres(ql)?|esdb(\+discover)?):\/\/\S+$/;
const NATS_URLS = /^(nats|tls|ws|wss):\/\/[^\s,]+(,(nats|tls|ws|wss):\/\/[^\s,]+)*$/;

/** Settings of a service that keeps an event store and read models and talks over NATS. */
export class ServiceConfig extends BaseConfig {
  @Matches(POSTGRES_URL, { message: '$property must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL!: string;

  @Matches(NATS_URLS, { message: '$property must be a nats:// URL (or a comma-separated list of them)' })
  NATS_URL!: string;

  /** Chooses the event store adapter by scheme; defaults to DATABASE_URL (the PostgreSQL store). */
  @Expose()
  @Transform(({ value, obj }) => value ?? obj.DATABASE_URL)
  @Matches(EVENT_STORE_URL, { message: '$property must be a postgres://, postgresql:// or esdb:// connection URL' })
  EVENT_STORE_URL!: string;

  /** This service's PostgreSQL schema; defaults to SERVICE_NAME with `-` turned into `_`. */
  @Expose()
  @Transform(({ value, obj }) => value ?? (typeof obj.SERVICE_NAME === 'string' ? obj.SERVICE_NAME.replace(/-/g, '_') : undefined))
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: '$property must be a lower-case PostgreSQL identifier (letters, digits, _)' })
  DB_SCHEMA!: string;

  /** Prefix of every JetStream name this process uses: tests isolate themselves with it; unset in production. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9]*$/, { message: '$property must be lower-case letters and digits, starting with a letter' })
  NATS_NAMESPACE?: string;

  /** NATS user of this service (its subject permissions live in the NATS config); unset = no auth. */
  @IsOptional()
  @IsString()
  @MinLength(1, { message: '$property must not be empty when set' })
  NATS_USER?: string;

  /** Password of NATS_USER (a secret); required when NATS_USER is set. */
  @ValidateIf((config: ServiceConfig) => config.NATS_USER !== undefined)
  @IsString({ message: '$property must be set when NATS_USER is' })
  @MinLength(1, { message: '$property must be set when NATS_USER is' })
  NATS_PASSWORD?: string;

  /** Replicas of every JetStream stream this service declares (3 on a 3-node cluster). */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer from 1 to 5' })
  @Min(1, { message: '$property must be an integer from 1 to 5' })
  @Max(5, { message: '$property must be an integer from 1 to 5' })
  NATS_STREAM_REPLICAS = 1;

  /**
   * How long the relay's lease lasts: the replica holding it relays, the others take over this
   * long after it stops renewing (a crash). Shorter fails over faster, at more lease writes.
   */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer number of milliseconds, at least 300' })
  @Min(300, { message: '$property must be an integer number of milliseconds, at least 300' })
  RELAY_LEASE_TTL_MS = 15_000;

  /**
   * Operators' settings for every JetStream consumer of the service, over what each handler
   * declares: how long the server waits for an ack before redelivering (a crashed handler's
   * message comes back after this), how many deliveries before the DLQ, and the NAK delays by
   * delivery (comma-separated ms, the last repeating). Unset: the handlers' own settings.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer number of milliseconds, at least 1000' })
  @Min(1_000, { message: '$property must be an integer number of milliseconds, at least 1000' })
  CONSUMER_ACK_WAIT_MS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer from 1 to 1000' })
  @Min(1, { message: '$property must be an integer from 1 to 1000' })
  @Max(1_000, { message: '$property must be an integer from 1 to 1000' })
  CONSUMER_MAX_DELIVER?: number;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((part) => (part.trim() === '' ? NaN : Number(part))) : value))
  @IsArray({ message: '$property must be comma-separated milliseconds, e.g. 1000,5000,30000' })
  @ArrayMinSize(1, { message: '$property must be comma-separated milliseconds, e.g. 1000,5000,30000' })
  @IsInt({ each: true, message: '$property must be comma-separated milliseconds, e.g. 1000,5000,30000' })
  @Min(0, { each: true, message: '$property must be comma-separated milliseconds, e.g. 1000,5000,30000' })
  CONSUMER_BACKOFF_MS?: number[];

  /** After this long a pending Idempotency-Key is taken over by a retry: its first request died. */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer number of milliseconds, at least 1000' })
  @Min(1_000, { message: '$property must be an integer number of milliseconds, at least 1000' })
  IDEMPOTENCY_STALE_AFTER_MS = 30_000;
}
