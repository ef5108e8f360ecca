import { CRM_CUSTOMER_WON, ORDER_PLACED, type IntegrationEvent, type OrderPlacedV1 } from '@switchboard/contracts';
import { getJson, waitFor, type Json } from '@switchboard/testing';
import { integrationEvent, type ServiceForTest } from '@switchboard/testing/service';
import { WebhookSigner } from '@switchboard/webhooks';
import { randomUUID } from 'node:crypto';
import type { ErpAdapterScenario } from './erp-adapter-app';

/** Steps of the flow the adapter's tests share: other services' events in, the adapter's answers out. */
export const wonEvent = (customerId: string): IntegrationEvent =>
  integrationEvent(CRM_CUSTOMER_WON, customerId, { customerId, wonAt: new Date().toISOString() });

export const placedEvent = (orderId: string, customerId: string, lines: OrderPlacedV1['lines'] = [{ sku: 'SKU-1', quantity: 2, unitPrice: null }]): IntegrationEvent =>
  integrationEvent(ORDER_PLACED, orderId, { orderId, customerId, currency: 'EUR', lines, placedAt: new Date().toISOString() } satisfies OrderPlacedV1);

/** A won customer the CRM knows, synced to the ERP; resolves to its ERP customer number. */
export async function syncedCustomer({ adapter, crm }: ErpAdapterScenario, customerId = `c-${randomUUID()}`): Promise<{ customerId: string; erpCustomerNumber: string }> {
  crm.customers.set(customerId, { name: 'ACME GmbH', email: 'buyer@acme.example', country: 'DE' });
  await adapter.publish(wonEvent(customerId));
  const sync = await syncOf(adapter, 'customers', customerId, (body) => body.status === 'synced');
  return { customerId, erpCustomerNumber: sync.erpCustomerNumber };
}

/** An order of a synced customer, accepted by the ERP; resolves to its ERP order number. */
export async function acceptedOrder(scenario: ErpAdapterScenario): Promise<{ orderId: string; erpOrderNumber: string }> {
  const { customerId } = await syncedCustomer(scenario);
  const orderId = `o-${randomUUID()}`;
  await scenario.adapter.publish(placedEvent(orderId, customerId));
  const sync = await syncOf(scenario.adapter, 'orders', orderId, (body) => body.status === 'accepted');
  return { orderId, erpOrderNumber: sync.erpOrderNumber };
}

/** Waits until GET /sync/<kind>/<id> answers 200 with a body passing `until`. */
export function syncOf(adapter: ServiceForTest, kind: 'customers' | 'orders', id: string, until: (body: Json) => boolean, timeoutMs = 20_000): Promise<Json> {
  return waitFor(
    async () => {
      const res = await getJson(`${adapter.api}/sync/${kind}/${id}`);
      return res.status === 200 && until(res.body) ? res.body : undefined;
    },
    { timeoutMs, intervalMs: 100, what: `sync of ${kind} ${id}` },
  );
}

/** The adapter's published events on `subject` whose data matches `match`. */
export async function published(adapter: ServiceForTest, subject: string, match: (data: Json) => boolean): Promise<IntegrationEvent<Json>[]> {
  return (await adapter.publishedEvents(subject)).filter((event) => match(event.data));
}

/** POSTs an ERP webhook (default `sales-order.updated`) signed as the ERP signs it. */
export async function postErpWebhook(
  scenario: ErpAdapterScenario,
  webhookId: string,
  data: Record<string, unknown>,
  mode: 'sync' | 'async' = 'sync',
  type = 'sales-order.updated',
): Promise<{ status: number; body: Json }> {
  const body = JSON.stringify({ type, timestamp: new Date().toISOString(), data });
  const res = await fetch(`${scenario.adapter.base}/webhooks/erp?mode=${mode}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...new WebhookSigner(scenario.secret).sign(webhookId, body) },
    body,
  });
  return { status: res.status, body: await res.json() };
}

/** Moves an ERP sales order to its next status (or `status`), as the ERP's users would. */
export const advance = (scenario: ErpAdapterScenario, orderNumber: string, status?: string) =>
  scenario.erp.post(`/admin/sales-orders/${orderNumber}/advance`, status ? { status } : {}, 200);

/** A contract drafted and signed in the CLM for the customer; resolves to the CLM's contract id. */
export async function signedClmContract(scenario: ErpAdapterScenario, customerId: string, conditions: Record<string, unknown>): Promise<string> {
  const { clmCustomerId } = await scenario.clm.post<{ clmCustomerId: string }>('/customers', { name: 'ACME GmbH', email: 'buyer@acme.example', externalRef: customerId });
  const { id } = await scenario.clm.post<{ id: string }>('/admin/contracts', { clmCustomerId, title: 'Framework agreement', conditions });
  await scenario.clm.post(`/admin/contracts/${id}/sign`, {}, 200);
  return id;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
