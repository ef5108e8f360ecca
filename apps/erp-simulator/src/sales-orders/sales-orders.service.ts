import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WebhookOutbox, type PublishWebhook } from '@switchboard/simulator-kit';
import type { EntityManager, Repository } from 'typeorm';
import { ErpCustomer } from '../customers/erp-customer.entity';
import { confirmSalesOrder } from './confirm-sales-order';
import type { CreateSalesOrderRequest } from './create-sales-order.request.dto';
import { SalesOrderChangeResponse, type SalesOrderChangesPage } from './sales-order-changes.dto';
import { SalesOrderChange } from './sales-order-change.entity';
import { advanceTo, type SalesOrderStatus } from './sales-order-status';
import { SalesOrder } from './sales-order.entity';
import { SalesOrderCannotAdvance, SalesOrderNotFound, SalesOrderRejected } from './sales-order.errors';

/** The webhook type of every change of an order; its data is the change as the feed shows it. */
export const SALES_ORDER_UPDATED = 'sales-order.updated';

@Injectable()
export class SalesOrdersService {
  constructor(
    private readonly outbox: WebhookOutbox,
    @InjectRepository(SalesOrder) private readonly orders: Repository<SalesOrder>,
    @InjectRepository(SalesOrderChange) private readonly changes: Repository<SalesOrderChange>,
  ) {}

  /**
   * Accepts the order (version 1, status accepted, a change in the feed and its webhook) or
   * throws SalesOrderRejected. With an Idempotency-Key the key is stored on the order, so a retry
   * the idempotency store cannot answer (the process died before storing the answer) gets the
   * order back instead of placing it twice.
   */
  async place(request: CreateSalesOrderRequest, idempotencyKey: string | undefined): Promise<SalesOrder> {
    if (idempotencyKey !== undefined) {
      const placed = await this.orders.findOneBy({ idempotencyKey });
      if (placed) return placed;
    }
    return this.outbox.transaction(async (manager, publish) => {
      const customer = await manager.findOneBy(ErpCustomer, { customerNumber: request.customerNumber });
      const decision = confirmSalesOrder({ customer, customerNumber: request.customerNumber, lines: request.lines, today: new Date().toISOString().slice(0, 10) });
      if (decision.kind === 'rejected') throw new SalesOrderRejected(decision.reason);
      const now = new Date();
      const [{ number }]: { number: string }[] = await manager.query(`SELECT nextval('sales_order_numbers') AS number`);
      const order = manager.create(SalesOrder, {
        orderNumber: `SO-${number}`,
        externalRef: request.externalRef,
        customerNumber: request.customerNumber,
        currency: request.currency,
        lines: decision.lines,
        conditions: decision.conditions,
        status: 'accepted',
        version: 1,
        history: [{ status: 'accepted', version: 1, at: now.toISOString() }],
        idempotencyKey: idempotencyKey ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(SalesOrder, order);
      await this.recordChange(manager, publish, order, now);
      return order;
    });
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
    return this.outbox.transaction(async (manager, publish) => {
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
      await this.recordChange(manager, publish, order, now);
      return order;
    });
  }

  /** The changes after `since`, oldest first. */
  async changesSince(since: number, limit: number): Promise<SalesOrderChangesPage> {
    const rows = await this.changes
      .createQueryBuilder('change')
      .where('change.change_id > :since', { since })
      .orderBy('change.change_id', 'ASC')
      .limit(limit)
      .getMany();
    const changes = rows.map(toChangeResponse);
    return { changes, next: changes.at(-1)?.changeId ?? since };
  }

  private async recordChange(manager: EntityManager, publish: PublishWebhook, order: SalesOrder, at: Date): Promise<void> {
    // A change id is taken only by the one transaction holding this lock until it commits, so ids
    // become visible in order and a poller's cursor never skips one that commits late.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('erp-simulator:sales-order-changes'))`);
    const [row]: { change_id: string }[] = await manager.query(
      `INSERT INTO sales_order_changes (order_number, external_ref, customer_number, status, version, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING change_id`,
      [order.orderNumber, order.externalRef, order.customerNumber, order.status, order.version, at],
    );
    const change = toChangeResponse({ ...order, changeId: row.change_id, changedAt: at });
    await publish({ id: String(change.changeId), type: SALES_ORDER_UPDATED, data: { ...change }, timestamp: at });
  }
}

function toChangeResponse(change: SalesOrderChange): SalesOrderChangeResponse {
  return {
    changeId: Number(change.changeId),
    orderNumber: change.orderNumber,
    externalRef: change.externalRef,
    customerNumber: change.customerNumber,
    status: change.status,
    version: change.version,
    changedAt: change.changedAt.toISOString(),
  };
}
