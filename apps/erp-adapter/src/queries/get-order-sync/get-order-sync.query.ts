import { Query } from '@nestjs/cqrs';
import type { OrderSyncResponse } from '../order-sync.response';

export class GetOrderSyncQuery extends Query<OrderSyncResponse> {
  constructor(readonly orderId: string) {
    super();
  }
}
