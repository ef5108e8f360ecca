// class-transformer's @Type reads design metadata; Nest loads this too, plain use of the config may not.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const PORT_EXPECTED = '$property must be an integer port number from 0 to 65535';

/**
 * Settings every Switchboard process has, whatever it talks to (the simulators use this alone).
 * Values come from the environment; property initialisers are the defaults. Extend it (or
 * ServiceConfig) with class-validator decorated fields; messages read "$property must be …" so a
 * failed start names the variable.
 */
export class BaseConfig {
  /** Defaults to the name given to bootstrapService. */
  @Matches(/^[a-z][a-z0-9-]*$/, { message: '$property must be a lower-case name like "order" or "erp-adapter"' })
  SERVICE_NAME!: string;

  @Type(() => Number)
  @IsInt({ message: PORT_EXPECTED })
  @Min(0, { message: PORT_EXPECTED })
  @Max(65535, { message: PORT_EXPECTED })
  PORT = 3000;

  @IsIn(LOG_LEVELS, { message: `$property must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** Tracing is on only when this is set (the OTLP/HTTP base URL, e.g. http://collector:4318). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: '$property must be an http(s) URL such as http://otel-collector:4318' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** After SIGTERM, exit non-zero if shutting down takes longer than this. */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer number of milliseconds' })
  @Min(1, { message: '$property must be at least 1 ms' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * After SIGTERM, keep serving (with /health/ready at 503) this long before closing the
   * listener, so load balancers stop routing to this instance first. 0 outside Kubernetes.
   */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer number of milliseconds' })
  @Min(0, { message: '$property must be 0 or more' })
  SHUTDOWN_DRAIN_MS = 0;

  /**
   * How long an idle keep-alive connection stays open. Longer than the idle timeout of what sits
   * in front (load balancers and client pools commonly keep 60 s): with Node's default of 5 s a
   * client reuses a connection just as the server closes it, and its request is reset.
   */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer number of milliseconds' })
  @Min(1_000, { message: '$property must be at least 1000 ms' })
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65_000;
}
