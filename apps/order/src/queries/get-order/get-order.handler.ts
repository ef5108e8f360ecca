import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { OrderNotFound } from '@switchboard/order-domain';
import type { Repository } from 'typeorm';
import { OrderSummary } from '../../projections/order-summary/order-summary.entity';
import { OrderResponse } from '../order.response';
import { GetOrderQuery } from './get-order.query';

@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery, OrderResponse> {
  constructor(@InjectRepository(OrderSummary) private readonly orders: Repository<OrderSummary>) {}

  async execute({ orderId }: GetOrderQuery): Promise<OrderResponse> {
    const row = await this.orders.findOneBy({ orderId });
    if (!row) throw new OrderNotFound(orderId);
    return OrderResponse.from(row);
  }
}
