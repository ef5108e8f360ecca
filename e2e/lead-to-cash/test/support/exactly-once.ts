import { getJson, type Json } from '@switchboard/testing';
import { customerViewWhen, orderWhen, type WholeSystem } from '@switchboard/testing/system';

/** A customer the test won, with the orders it placed and the status each must end in. */
export interface Journey {
  readonly customerId: string;
  readonly orders: readonly { readonly orderId: string; readonly status: string }[];
}

/** A journey whose orders all end accepted by the ERP. */
export const acceptedJourney = (customerId: string, orderIds: readonly string[]): Journey => ({
  customerId,
  orders: orderIds.map((orderId) => ({ orderId, status: 'accepted' })),
});

/** The list at `url`, which must answer 200. */
async function list(url: string): Promise<Json[]> {
  const res = await getJson(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Waits until every customer and order has settled in the CRM and the order service, then
 * asserts that none is missing or duplicated anywhere: one ERP customer and one CLM customer per
 * customer, one ERP sales order per order, and the same ids and statuses in the order service and
 * the CRM's 360 view, each order once, with a status history that names no status twice.
 */
export async function expectEachExactlyOnce(
  system: WholeSystem,
  customers: readonly Journey[],
): Promise<void> {
  const { crm, order, 'erp-simulator': erp, 'clm-simulator': clm } = system.services;
  for (const { customerId, orders } of customers) {
    const settled = await customerViewWhen(
      crm,
      customerId,
      (view) =>
        view.externalIds.erpCustomerNumber !== null &&
        view.externalIds.clmCustomerId !== null &&
        orders.every(({ orderId, status }) =>
          view.orders.some((o: Json) => o.id === orderId && o.status === status),
        ),
      `both external ids and ${orders.length} order(s) in their final status`,
    );

    const erpCustomers = await list(`${erp.api}/customers?externalRef=${customerId}`);
    const clmCustomers = await list(`${clm.api}/customers?externalRef=${customerId}`);
    expect({ erp: erpCustomers.length, clm: clmCustomers.length }).toEqual({ erp: 1, clm: 1 });
    const erpCustomerNumber: string = erpCustomers[0].customerNumber;
    expect(settled.externalIds).toEqual({ erpCustomerNumber, clmCustomerId: clmCustomers[0].clmCustomerId });

    const erpOrderNumbers: Record<string, string> = {};
    for (const { orderId, status } of orders) {
      const salesOrders = await list(`${erp.api}/sales-orders?externalRef=${orderId}`);
      expect(salesOrders.map((s) => ({ customerNumber: s.customerNumber, status: s.status }))).toEqual([
        { customerNumber: erpCustomerNumber, status },
      ]);
      erpOrderNumbers[orderId] = salesOrders[0].orderNumber;

      const inOrderService = await orderWhen(order, orderId, (o) => o.status === status, status);
      expect(inOrderService).toMatchObject({ customerId, erpOrderNumber: salesOrders[0].orderNumber });
      const history: string[] = inOrderService.statusHistory.map((entry: Json) => entry.status);
      expect(history).toEqual([...new Set(history)]);
      expect(history.slice(0, 2)).toEqual(['placed', 'accepted']);
      expect(history.at(-1)).toBe(status);
    }

    const view = (await getJson(`${crm.api}/customers/${customerId}`)).body;
    const inCrm = view.orders.map((o: Json) => ({
      id: o.id,
      status: o.status,
      erpOrderNumber: o.erpOrderNumber,
    }));
    const expected = orders.map(({ orderId, status }) => ({
      id: orderId,
      status,
      erpOrderNumber: erpOrderNumbers[orderId],
    }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(inCrm.sort(byId)).toEqual(expected.sort(byId));
    const inOrderService: Json[] = (await getJson(`${order.api}/orders?customerId=${customerId}&limit=100`))
      .body.items;
    expect(inOrderService.map((o) => o.id).sort()).toEqual(orders.map(({ orderId }) => orderId).sort());
  }
}
