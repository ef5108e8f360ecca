import { getJson, postJson, waitFor, type Json, type ServiceProcess } from '@switchboard/testing';

/** The lines every order of the whole-system tests is placed with (the ERP confirms them at 11.90). */
export const ORDER_LINES = [{ sku: 'SKU-A', quantity: 2 }];

/** The refusals the order service answers while crm.customer.* has not reached its projection yet. */
const NOT_YET_KNOWN = ['order.customer-unknown', 'order.customer-not-won'];

/** Registers a prospect in the CRM and wins it, over the CRM's REST API. */
export async function winCustomer(crm: ServiceProcess, name = 'ACME GmbH'): Promise<string> {
  const registered = await postJson(`${crm.api}/customers`, { name, email: 'buyer@acme.example', country: 'DE', vatId: 'DE123456789' });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const customerId: string = registered.body.id;
  const won = await postJson(`${crm.api}/customers/${customerId}/win`, {});
  if (won.status !== 200) throw new Error(`win answered ${won.status}: ${JSON.stringify(won.body)}`);
  return customerId;
}

/**
 * Places an order once the order service has heard (over JetStream) that the CRM won the
 * customer: until then it answers 422 customer-unknown/customer-not-won, which is retried. Any
 * other answer is retried too (waitFor retries what throws) and named in the timeout's message.
 */
export async function placeOrderOnceWon(order: ServiceProcess, customerId: string, headers: Record<string, string> = {}): Promise<string> {
  return waitFor(
    async () => {
      const res = await postJson(`${order.api}/orders`, { customerId, currency: 'EUR', lines: ORDER_LINES }, headers);
      if (res.status === 201) return res.body.id as string;
      if (res.status === 422 && NOT_YET_KNOWN.includes(res.body.code)) return undefined;
      throw new Error(`POST /orders answered ${res.status}: ${JSON.stringify(res.body)}`);
    },
    { what: `the order service to accept orders from customer ${customerId}`, timeoutMs: 20_000, intervalMs: 100 },
  );
}

/** Long enough for JetStream to redeliver what a killed process held unacked (the consumers' ack wait is 30 s). */
const SETTLE_TIMEOUT_MS = 45_000;

/** GET /orders/{id} once `done` holds. */
export function orderWhen(order: ServiceProcess, orderId: string, done: (order: Json) => boolean, what: string): Promise<Json> {
  return waitFor(
    async () => {
      const res = await getJson(`${order.api}/orders/${orderId}`);
      return res.status === 200 && done(res.body) ? res.body : undefined;
    },
    { what: `order ${orderId}: ${what}`, timeoutMs: SETTLE_TIMEOUT_MS, intervalMs: 100 },
  );
}

/** GET /customers/{id} (the 360 view) once `done` holds. */
export function customerViewWhen(crm: ServiceProcess, customerId: string, done: (view: Json) => boolean, what: string): Promise<Json> {
  return waitFor(
    async () => {
      const res = await getJson(`${crm.api}/customers/${customerId}`);
      return res.status === 200 && done(res.body) ? res.body : undefined;
    },
    { what: `customer ${customerId}: ${what}`, timeoutMs: SETTLE_TIMEOUT_MS, intervalMs: 100 },
  );
}

export const statusesOf = (order: Json): string[] => order.statusHistory.map((entry: { status: string }) => entry.status);
