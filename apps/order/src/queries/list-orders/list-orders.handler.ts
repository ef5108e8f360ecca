import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrderSummary } from '../../projections/order-summary/order-summary.entity';
import { OrderResponse } from '../order.response';
import { orderCursor } from './order-cursor';
import { ListOrdersQuery } from './list-orders.query';
import type { OrderPage } from './order-page.response';

/** Keyset pagination over (placed_at DESC, order_id DESC): stable while orders are added, no OFFSET scans. */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery, OrderPage> {
  constructor(@InjectRepository(OrderSummary) private readonly orders: Repository<OrderSummary>) {}

  async execute({ filter, limit, after }: ListOrdersQuery): Promise<OrderPage> {
    const query = this.orders.createQueryBuilder('o');
    if (filter.customerId !== undefined) query.andWhere('o.customer_id = :customerId', { customerId: filter.customerId });
    if (filter.status !== undefined) query.andWhere('o.status = :status', { status: filter.status });
    if (after) query.andWhere('(o.placed_at, o.order_id) < (:placedAt, :orderId)', { placedAt: after.placedAt, orderId: after.orderId });
    const rows = await query.orderBy('o.placed_at', 'DESC').addOrderBy('o.order_id', 'DESC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => OrderResponse.from(row)),
      nextCursor: rows.length > limit && last ? orderCursor.encode({ placedAt: last.placedAt.toISOString(), orderId: last.orderId }) : null,
    };
  }
}
