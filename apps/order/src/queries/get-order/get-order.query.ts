import { Query } from '@nestjs/cqrs';
import type { OrderResponse } from '../order.response';

export class GetOrderQuery extends Query<OrderResponse> {
  constructor(readonly orderId: string) {
    super();
  }
}
