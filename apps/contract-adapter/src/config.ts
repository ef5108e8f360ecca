import { CalloutServiceConfig } from '@switchboard/webhooks';
import { Expose, Transform } from 'class-transformer';
import { Matches } from 'class-validator';

const HTTP_URL = /^https?:\/\/[^\s/]+(:\d+)?\/?$/;
/** One or more Standard Webhooks secrets (`whsec_<base64>`), separated by spaces or commas during a rotation. */
const WEBHOOK_SECRETS = /^whsec_[A-Za-z0-9+/]+={0,2}([ ,]+whsec_[A-Za-z0-9+/]+={0,2})*$/;

/**
 * The contract adapter's environment: ServiceConfig and the callout budget (CALLOUT_*, from
 * CalloutServiceConfig), plus where the CLM and the CRM answer, and the CLM's webhook secrets.
 */
export class ContractAdapterConfig extends CalloutServiceConfig {
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
}
