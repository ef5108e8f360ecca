import { Injectable } from '@nestjs/common';
import { CalloutClient, calloutSettings } from '@switchboard/webhooks';
import { ContractAdapterConfig } from '../config';

export interface ClmCustomerToCreate {
  readonly name: string;
  readonly email: string;
  /** The Switchboard customer id: the CLM reports it back as `customerExternalRef` on contracts. */
  readonly externalRef: string;
}

export interface ClmDocument {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** The sha256 the CLM states in its ETag, when it does. */
  readonly etagSha256: string | undefined;
}

/**
 * The CLM's REST API as the adapter calls it, through the resilient callout client (timeouts,
 * retries with backoff, Retry-After, a circuit breaker per endpoint). Failures throw CalloutError.
 */
@Injectable()
export class ClmApiClient {
  private readonly http: CalloutClient;

  constructor(config: ContractAdapterConfig) {
    this.http = new CalloutClient({
      name: 'clm',
      baseUrl: config.CLM_BASE_URL,
      ...calloutSettings(config),
    });
  }

  /** `POST /customers`; the CLM answers the same customer for the same key (the causing event id). */
  async createCustomer(customer: ClmCustomerToCreate, idempotencyKey: string): Promise<{ clmCustomerId: string }> {
    const { body } = await this.http.post<{ clmCustomerId: string }>('/api/v1/customers', customer, { idempotencyKey, responseType: 'json' });
    return { clmCustomerId: body.clmCustomerId };
  }

  /** `GET /contracts/{id}/document`: the signed PDF (409 while the contract is a draft). */
  async contractDocument(clmContractId: string): Promise<ClmDocument> {
    const { body, headers } = await this.http.get<Buffer>(`/api/v1/contracts/${encodeURIComponent(clmContractId)}/document`, {
      responseType: 'bytes',
      route: 'GET /api/v1/contracts/:id/document',
    });
    const etag = /^(?:W\/)?"([0-9a-f]{64})"$/.exec(headers.get('etag') ?? '');
    return { bytes: body, contentType: headers.get('content-type') ?? 'application/octet-stream', etagSha256: etag?.[1] };
  }
}
