import { Injectable } from '@nestjs/common';
import { CalloutClient, calloutSettings } from '@switchboard/webhooks';
import { ContractAdapterConfig } from '../config';

/** What the adapter needs of a CRM customer; `crm.customer.won` carries only its id. */
export interface CrmCustomer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** The CRM's REST query API (`GET /api/v1/customers/{id}`), through the resilient callout client. */
@Injectable()
export class CrmApiClient {
  private readonly http: CalloutClient;

  constructor(config: ContractAdapterConfig) {
    this.http = new CalloutClient({
      name: 'crm',
      baseUrl: config.CRM_BASE_URL,
      ...calloutSettings(config),
    });
  }

  async customer(customerId: string): Promise<CrmCustomer> {
    const { body } = await this.http.get<CrmCustomer>(`/api/v1/customers/${encodeURIComponent(customerId)}`, {
      responseType: 'json',
      route: 'GET /api/v1/customers/:id',
    });
    return { id: body.id, name: body.name, email: body.email };
  }
}
