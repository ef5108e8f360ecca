import { ServiceConfig } from '@switchboard/observability';
import { Expose, Transform, Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

const HTTP_URL = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;
/** One or more Standard Webhooks secrets (`whsec_<base64>`), separated by spaces or commas during a rotation. */
const WEBHOOK_SECRETS = /^whsec_[A-Za-z0-9+/]+={0,2}([ ,]+whsec_[A-Za-z0-9+/]+={0,2})*$/;
const MILLISECONDS = '$property must be a positive integer number of milliseconds';

/** The contract adapter's environment: ServiceConfig plus where the CLM and the CRM answer, and the CLM's webhook secrets. */
export class ContractAdapterConfig extends ServiceConfig {
  override PORT = 3004;

  /** The CLM's origin (its API is under `/api/v1`). */
  @Matches(HTTP_URL, { message: '$property must be an http(s) origin such as http://clm:3102' })
  CLM_BASE_URL = 'http://127.0.0.1:3102';

  /** The CRM service's origin, for the customer details `crm.customer.won` does not carry. */
  @Matches(HTTP_URL, { message: '$property must be an http(s) origin such as http://crm:3001' })
  CRM_BASE_URL = 'http://127.0.0.1:3001';

  /** Verify `POST /webhooks/clm`; the CLM's current secret first during a rotation. */
  @Matches(WEBHOOK_SECRETS, { message: '$property must be one or more Standard Webhooks secrets "whsec_<base64>"' })
  CLM_WEBHOOK_SECRETS!: string;

  /** How clients reach this service: the base of the download URLs in `contract.signed-copy.stored`. */
  @Expose()
  @Transform(({ value, obj }) => value ?? `http://127.0.0.1:${obj.PORT ?? 3004}`)
  @Matches(HTTP_URL, { message: '$property must be an http(s) origin such as https://contracts.example.com' })
  PUBLIC_BASE_URL!: string;

  /** One callout attempt's limit (connecting and reading the body). */
  @Type(() => Number)
  @IsInt({ message: MILLISECONDS })
  @Min(1, { message: MILLISECONDS })
  CALLOUT_TIMEOUT_MS = 5_000;

  /**
   * A callout's whole budget, retries and waits included. Beyond it the message goes back to
   * JetStream, whose backoff takes over (and finally the DLQ): a consumer never blocks for long.
   */
  @Type(() => Number)
  @IsInt({ message: MILLISECONDS })
  @Min(1, { message: MILLISECONDS })
  @Max(600_000, { message: '$property must be at most 600000 ms' })
  CALLOUT_MAX_ELAPSED_MS = 15_000;
}
