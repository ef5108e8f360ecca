import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { assertRepeatOf, requestHash } from '@switchboard/idempotency';
import { isoTimestampSql, preparedQuery } from '@switchboard/projections';
import { enqueueWebhooksSql, WebhookOutbox } from '@switchboard/simulator-kit';
import type { Repository } from 'typeorm';
import type { CustomerConditions } from '../customers/erp-customer.entity';
import { confirmSalesOrder } from './confirm-sales-order';
import type { CreateSalesOrderRequest } from './create-sales-order.request.dto';
import type { SalesOrderChangeResponse, SalesOrderChangesPage } from './sales-order-changes.dto';
import { advanceTo, type SalesOrderStatus } from './sales-order-status';
import { SalesOrder } from './sales-order.entity';
import { SalesOrderCannotAdvance, SalesOrderNotFound, SalesOrderRejected } from './sales-order.errors';

/**
 * The webhook types of an order's changes: its placing (version 1), then every later change. The
 * data of both is the change as the feed shows it; separate types let a receiver that learns of a
 * new order from the placing call's answer ignore the first.
 */
export const SALES_ORDER_CREATED = 'sales-order.created';
export const SALES_ORDER_UPDATED = 'sales-order.updated';

@Injectable()
export class SalesOrdersService {
  constructor(
    private readonly outbox: WebhookOutbox,
    @InjectRepository(SalesOrder) private readonly orders: Repository<SalesOrder>,
  ) {}

  /**
   * Accepts the order (version 1, status accepted, a change in the feed and its webhook) or
   * throws SalesOrderRejected. With an Idempotency-Key the key and the request's hash are stored
   * on the order, in the statement that places it: a repeat gets the order back (`replayed`), also
   * while the first is still committing (the unique key makes it wait), and a repeat with another
   * body is IdempotencyKeyReused (422). A rejection stores nothing, so a retry is decided again.
   */
  async place(request: CreateSalesOrderRequest, idempotencyKey: string | undefined): Promise<{ order: SalesOrder; replayed: boolean }> {
    // Both statements of a placing are prepared: it is the ERP's hot path, planned once per connection.
    const [customer] = await preparedQuery<{ customerNumber: string; conditions: CustomerConditions | null }>(
      this.orders.manager.connection,
      'SELECT customer_number AS "customerNumber", conditions FROM customers WHERE customer_number = $1',
      [request.customerNumber],
    );
    const decision = confirmSalesOrder({ customer: customer ?? null, customerNumber: request.customerNumber, lines: request.lines, today: new Date().toISOString().slice(0, 10) });
    if (decision.kind === 'rejected') throw new SalesOrderRejected(decision.reason);
    const now = new Date();
    const order: Omit<SalesOrder, 'orderNumber'> = {
      externalRef: request.externalRef,
      customerNumber: request.customerNumber,
      currency: request.currency,
      lines: decision.lines,
      conditions: decision.conditions,
      status: 'accepted',
      version: 1,
      history: [{ status: 'accepted', version: 1, at: now.toISOString() }],
      idempotencyKey: idempotencyKey ?? null,
      requestHash: idempotencyKey === undefined ? null : requestHash(request),
      createdAt: now,
      updatedAt: now,
    };
    // One statement, so one round trip and its own transaction: the order, its change and the
    // change's webhooks. An order already placed with the key inserts nothing and is read instead.
    const [placed] = await preparedQuery<{ order_number: string; webhooks: number }>(
      this.orders.manager.connection,
      `WITH placed AS (
         INSERT INTO sales_orders (order_number, external_ref, customer_number, currency, lines, conditions, status, version, history, idempotency_key, request_hash, created_at, updated_at)
         VALUES ('SO-' || nextval('sales_order_numbers'), $1, $2, $3, $4::jsonb, $5::jsonb, 'accepted', 1, $6::jsonb, $7, $11, $8, $8)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING order_number, external_ref, customer_number, status, version, updated_at),
       ${recordChangesSql('placed', ['$9', '$10'], SALES_ORDER_CREATED)}
       SELECT order_number, (SELECT count(*) FROM published)::int AS webhooks FROM placed`,
      [order.externalRef, order.customerNumber, order.currency, JSON.stringify(order.lines), JSON.stringify(order.conditions), JSON.stringify(order.history), order.idempotencyKey, now, this.outbox.configuredUrls(), this.outbox.configuredEventTypes(), order.requestHash],
    );
    if (placed) {
      this.outbox.published(placed.webhooks);
      return { order: { ...order, orderNumber: placed.order_number }, replayed: false };
    }
    if (idempotencyKey === undefined) throw new Error('placing a sales order without an Idempotency-Key inserted nothing');
    const first = await this.orders.findOneByOrFail({ idempotencyKey });
    assertRepeatOf(idempotencyKey, first.requestHash, requestHash(request));
    return { order: first, replayed: true };
  }

  async get(orderNumber: string): Promise<SalesOrder> {
    const order = await this.orders.findOneBy({ orderNumber });
    if (!order) throw new SalesOrderNotFound(orderNumber);
    return order;
  }

  findByExternalRef(externalRef: string): Promise<SalesOrder[]> {
    return this.orders.find({ where: { externalRef }, order: { createdAt: 'ASC' } });
  }

  /** Moves the order forward (to `requested`, or the next status): a new version, a change in the feed, a webhook. */
  async advance(orderNumber: string, requested?: SalesOrderStatus): Promise<SalesOrder> {
    const { order: advanced, webhooks } = await this.orders.manager.transaction(async (manager) => {
      const order = await manager.findOne(SalesOrder, { where: { orderNumber }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new SalesOrderNotFound(orderNumber);
      const status = advanceTo(order.status, requested);
      if (!status) throw new SalesOrderCannotAdvance(orderNumber, order.status, requested);
      const now = new Date();
      order.status = status;
      order.version += 1;
      order.history = [...order.history, { status, version: order.version, at: now.toISOString() }];
      order.updatedAt = now;
      await manager.save(order);
      const [{ webhooks }]: { webhooks: number }[] = await manager.query(
        `WITH advanced AS (SELECT $1::text AS order_number, $2::text AS external_ref, $3::text AS customer_number, $4::text AS status, $5::int AS version, $6::timestamptz AS updated_at),
         ${recordChangesSql('advanced', ['$7', '$8'], SALES_ORDER_UPDATED)}
         SELECT (SELECT count(*) FROM published)::int AS webhooks`,
        [order.orderNumber, order.externalRef, order.customerNumber, order.status, order.version, now, this.outbox.configuredUrls(), this.outbox.configuredEventTypes()],
      );
      return { order, webhooks };
    });
    this.outbox.published(webhooks);
    return advanced;
  }

  /** The changes after `since`, oldest first. */
  async changesSince(since: number, limit: number): Promise<SalesOrderChangesPage> {
    const changes: SalesOrderChangeResponse[] = await this.orders.query(
      `SELECT change_id::float8 AS "changeId", order_number AS "orderNumber", external_ref AS "externalRef", customer_number AS "customerNumber",
              status, version, ${isoTimestampSql('changed_at')} AS "changedAt"
       FROM sales_order_changes WHERE change_id > $1 ORDER BY change_id LIMIT $2`,
      [since, limit],
    );
    return { changes, next: changes.at(-1)?.changeId ?? since };
  }
}

/**
 * CTEs that record a change in the feed for every row of `orders` (order_number, external_ref,
 * customer_number, status, version, updated_at) and enqueue its webhook of `type`, whose data is the
 * change as the feed shows it; `receivers` are the placeholders of the outbox's configured URLs and
 * the types they take (see enqueueWebhooksSql).
 * A change id is taken only by the one transaction holding the advisory lock until it commits, so
 * ids become visible in order and a poller's cursor never skips one that commits late: the
 * change_id default is evaluated per row of the join with `locked`, so after the lock is held.
 */
function recordChangesSql(orders: string, [urls, eventTypes]: [string, string], type: typeof SALES_ORDER_CREATED | typeof SALES_ORDER_UPDATED): string {
  const changes = `(SELECT change_id::text AS webhook_id, '${type}' AS event_type,
      json_build_object('type', '${type}', 'timestamp', ${isoTimestampSql('changed_at')}, 'data', json_build_object(
        'changeId', change_id, 'orderNumber', order_number, 'externalRef', external_ref, 'customerNumber', customer_number,
        'status', status, 'version', version, 'changedAt', ${isoTimestampSql('changed_at')}))::text AS body
    FROM changed) AS m`;
  return `locked AS (SELECT pg_advisory_xact_lock(hashtext('erp-simulator:sales-order-changes'))),
    changed AS (
      INSERT INTO sales_order_changes (order_number, external_ref, customer_number, status, version, changed_at)
      SELECT o.order_number, o.external_ref, o.customer_number, o.status, o.version, o.updated_at FROM ${orders} AS o CROSS JOIN locked
      RETURNING change_id, order_number, external_ref, customer_number, status, version, changed_at),
    published AS (${enqueueWebhooksSql(changes, urls, eventTypes)})`;
}
