import { NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrderSync } from '../../projections/order-sync/order-sync.entity';
import { OrderSyncResponse } from '../order-sync.response';
import { GetOrderSyncQuery } from './get-order-sync.query';

@QueryHandler(GetOrderSyncQuery)
export class GetOrderSyncHandler implements IQueryHandler<GetOrderSyncQuery, OrderSyncResponse> {
  constructor(@InjectRepository(OrderSync) private readonly orders: Repository<OrderSync>) {}

  async execute({ orderId }: GetOrderSyncQuery): Promise<OrderSyncResponse> {
    const row = await this.orders.findOneBy({ orderId });
    if (!row) throw new NotFoundException(`order ${orderId} has not been answered by the ERP`);
    return OrderSyncResponse.from(row);
  }
}
