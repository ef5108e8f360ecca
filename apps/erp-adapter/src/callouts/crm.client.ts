import { Injectable } from '@nestjs/common';
import type { ErpCustomerDetails } from '@switchboard/erp-domain';
import { CalloutClient, calloutSettings } from '@switchboard/webhooks';
import { ErpAdapterConfig } from '../config';
import { apiRoot } from './api-root';

/** The CRM's REST query API: `crm.customer.won` carries only the id, the rest is fetched here (ARCHITECTURE.md, flow step 5). */
@Injectable()
export class CrmClient {
  private readonly client: CalloutClient;
  private readonly prefix: string;

  constructor(config: ErpAdapterConfig) {
    const { origin, prefix } = apiRoot(config.CRM_BASE_URL);
    this.client = new CalloutClient({ name: 'crm', baseUrl: origin, ...calloutSettings(config) });
    this.prefix = prefix;
  }

  async customer(customerId: string): Promise<ErpCustomerDetails> {
    const { body } = await this.client.get<ErpCustomerDetails>(`${this.prefix}/customers/${encodeURIComponent(customerId)}`, { route: 'GET /customers/:id' });
    const { name, email, country, vatId, address } = body;
    return { name, email, country, vatId: vatId ?? null, address: address ? { street: address.street, city: address.city, postalCode: address.postalCode, country: address.country } : null };
  }
}
