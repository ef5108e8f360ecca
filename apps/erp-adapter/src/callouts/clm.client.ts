import { Injectable } from '@nestjs/common';
import { CalloutClient, calloutSettings } from '@switchboard/webhooks';
import { ErpAdapterConfig } from '../config';
import { apiRoot } from './api-root';

export interface ClmContractConditions {
  readonly paymentTerms: string;
  readonly discountPercent: number;
  readonly validFrom: string;
  readonly validTo?: string | null;
}

/** The CLM's API: `contract.signed` carries no conditions, so they are fetched from the contract. */
@Injectable()
export class ClmClient {
  private readonly client: CalloutClient;
  private readonly prefix: string;

  constructor(config: ErpAdapterConfig) {
    const { origin, prefix } = apiRoot(config.CLM_BASE_URL);
    this.client = new CalloutClient({ name: 'clm', baseUrl: origin, ...calloutSettings(config) });
    this.prefix = prefix;
  }

  async contractConditions(clmContractId: string): Promise<ClmContractConditions> {
    const { body } = await this.client.get<{ conditions: ClmContractConditions }>(`${this.prefix}/contracts/${encodeURIComponent(clmContractId)}`, {
      route: 'GET /contracts/:id',
    });
    return body.conditions;
  }
}
