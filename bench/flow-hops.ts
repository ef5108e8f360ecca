// Where an order's time goes between the services, from what each one stored: the order service's
// OrderPlaced and OrderAccepted events, the ERP simulator's sales order, the ERP adapter's
// ErpOrderAccepted event and the CRM's inbox row for order.accepted. Each is stamped with PostgreSQL's
// now() (its transaction's start), so a hop includes the next service's work up to its own write.
import { quoteIdentifier } from '@switchboard/event-sourcing';
import { TEST_DATABASE_URL } from '@switchboard/testing';
import type { WholeSystem } from '@switchboard/testing/system';
import { Client } from 'pg';

export interface HopLatency {
  readonly hop: string;
  readonly orders: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Per hop, over the orders placed between `from` and `to` (wall-clock times). */
export async function hopLatencies(system: WholeSystem, from: Date, to: Date): Promise<HopLatency[]> {
  const order = quoteIdentifier(system.schemas.order);
  const adapter = quoteIdentifier(system.schemas['erp-adapter']);
  const erp = quoteIdentifier(system.schemas['erp-simulator']);
  const crm = quoteIdentifier(system.schemas.crm);
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<HopLatency>(
      `WITH timeline AS (
         SELECT placed.recorded_at AS placed, sales.created_at AS erp_created, erp_accepted.recorded_at AS adapter_accepted,
                accepted.recorded_at AS order_accepted, inbox.received_at AS crm_received
         FROM ${order}.events placed
         JOIN ${order}.events accepted ON accepted.stream_name = placed.stream_name AND accepted.type = 'OrderAccepted'
         JOIN ${erp}.sales_orders sales ON 'order-' || sales.external_ref = placed.stream_name
         JOIN ${adapter}.events erp_accepted ON erp_accepted.stream_name = 'erpOrderSync-' || sales.external_ref AND erp_accepted.type = 'ErpOrderAccepted'
         JOIN ${crm}.inbox inbox ON inbox.consumer = 'customer-orders' AND inbox.event_id = accepted.event_id::text
         WHERE placed.type = 'OrderPlaced' AND placed.recorded_at BETWEEN $1 AND $2),
       hops AS (
         SELECT '1 order placed → ERP created the sales order' AS hop, erp_created - placed AS took FROM timeline
         UNION ALL SELECT '2 → ERP adapter recorded the acceptance', adapter_accepted - erp_created FROM timeline
         UNION ALL SELECT '3 → order service recorded OrderAccepted', order_accepted - adapter_accepted FROM timeline
         UNION ALL SELECT '4 → CRM received order.accepted', crm_received - order_accepted FROM timeline
         UNION ALL SELECT 'order placed → CRM received order.accepted', crm_received - placed FROM timeline)
       SELECT hop, count(*)::int AS orders,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM took))::float8 * 1000 AS "p50Ms",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM took))::float8 * 1000 AS "p90Ms",
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM took))::float8 * 1000 AS "p99Ms",
              max(extract(epoch FROM took))::float8 * 1000 AS "maxMs"
       FROM hops GROUP BY hop ORDER BY hop`,
      [from, to],
    );
    return rows;
  } finally {
    await client.end();
  }
}
