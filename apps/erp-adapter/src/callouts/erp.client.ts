import { Injectable } from '@nestjs/common';
import type { ErpCustomerConditions, ErpCustomerDetails } from '@switchboard/erp-domain';
import { CalloutClient, calloutSettings } from '@switchboard/webhooks';
import { ErpAdapterConfig } from '../config';
import type { ErpSalesOrderChange } from '../integration/erp-sales-order-change';
import { apiRoot } from './api-root';

export interface ErpSalesOrderRequest {
  /** Our order id. */
  readonly externalRef: string;
  readonly customerNumber: string;
  readonly currency: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly unitPrice?: string }[];
}

export interface ErpSalesOrder {
  readonly orderNumber: string;
  readonly externalRef: string;
  readonly status: string;
  readonly lines: { sku: string; quantity: number; unitPrice: string }[];
  readonly conditions: Record<string, string>;
  readonly version: number;
  readonly createdAt: string;
}

/**
 * The ERP's REST API as the adapter uses it, through one resilient CalloutClient (timeouts,
 * retries, Retry-After, a circuit per endpoint). Every write carries the causing event's id as
 * Idempotency-Key, so a redelivery after a crash is applied once by the ERP.
 */
@Injectable()
export class ErpClient {
  private readonly client: CalloutClient;
  private readonly prefix: string;

  constructor(config: ErpAdapterConfig) {
    const { origin, prefix } = apiRoot(config.ERP_BASE_URL);
    this.client = new CalloutClient({ name: 'erp', baseUrl: origin, ...calloutSettings(config) });
    this.prefix = prefix;
  }

  async createCustomer(customer: ErpCustomerDetails & { externalRef: string }, causingEventId: string): Promise<{ customerNumber: string }> {
    const { vatId, address, ...rest } = customer;
    const body = { ...rest, ...(vatId === null ? {} : { vatId }), ...(address === null ? {} : { address }) };
    const { body: created } = await this.client.post<{ customerNumber: string }>(`${this.prefix}/customers`, body, {
      idempotencyKey: causingEventId,
      route: 'POST /customers',
    });
    return created;
  }

  async setConditions(customerNumber: string, conditions: ErpCustomerConditions, causingEventId: string): Promise<void> {
    const { validTo, ...rest } = conditions;
    await this.client.put(`${this.prefix}/customers/${encodeURIComponent(customerNumber)}/conditions`, { ...rest, ...(validTo === null ? {} : { validTo }) }, {
      idempotencyKey: causingEventId,
      route: 'PUT /customers/:no/conditions',
    });
  }

  async placeSalesOrder(order: ErpSalesOrderRequest, causingEventId: string): Promise<ErpSalesOrder> {
    const { body } = await this.client.post<ErpSalesOrder>(`${this.prefix}/sales-orders`, order, { idempotencyKey: causingEventId, route: 'POST /sales-orders' });
    return body;
  }

  async changesSince(since: number, limit: number): Promise<{ changes: ErpSalesOrderChange[]; next: number }> {
    const { body } = await this.client.get<{ changes: ErpSalesOrderChange[]; next: number }>(`${this.prefix}/sales-orders/changes?since=${since}&limit=${limit}`, {
      route: 'GET /sales-orders/changes',
    });
    return body;
  }
}
