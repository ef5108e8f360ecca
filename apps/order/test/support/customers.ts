import { CRM_CUSTOMER_REGISTERED, CRM_CUSTOMER_WON, type CrmCustomerRegisteredV1 } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { randomUUID } from 'node:crypto';
import type { OrderApp } from './order-app';

export function registered(customerId: string, name = 'ACME GmbH') {
  return integrationEvent<CrmCustomerRegisteredV1>(CRM_CUSTOMER_REGISTERED, customerId, {
    customerId,
    name,
    email: 'buyer@acme.example',
    country: 'DE',
    vatId: null,
    address: null,
    registeredAt: new Date().toISOString(),
  });
}

export function won(customerId: string) {
  return integrationEvent(CRM_CUSTOMER_WON, customerId, { customerId, wonAt: new Date().toISOString() });
}

export async function standingOf(order: OrderApp, customerId: string): Promise<string | undefined> {
  const rows = await order.schema.pool.query('SELECT standing FROM customer_standings WHERE customer_id = $1', [customerId]);
  return rows.rows[0]?.standing;
}

/** A customer the CRM registered and won, as the order service's projection has seen it. */
export async function wonCustomer(order: OrderApp): Promise<string> {
  const customerId = randomUUID();
  await order.publish(registered(customerId));
  await order.publish(won(customerId));
  await waitFor(async () => (await standingOf(order, customerId)) === 'won', { what: `customer ${customerId} won` });
  return customerId;
}

/** A customer the CRM registered but did not win. */
export async function prospect(order: OrderApp): Promise<string> {
  const customerId = randomUUID();
  await order.publish(registered(customerId));
  await waitFor(async () => (await standingOf(order, customerId)) === 'prospect', { what: `customer ${customerId} registered` });
  return customerId;
}
