import { Expose, Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
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
}
