import { Query } from '@nestjs/cqrs';
import type { OrderPage } from './order-page.response';
import type { OrderCursor } from './order-cursor';

export class ListOrdersQuery extends Query<OrderPage> {
  constructor(
    readonly filter: { readonly customerId?: string; readonly status?: string },
    readonly limit: number,
    readonly after?: OrderCursor,
  ) {
    super();
  }
}
