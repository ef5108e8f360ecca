import { Query } from '@nestjs/cqrs';
import type { CustomerCursor } from './customer-cursor';
import type { CustomerPage } from './customer-page.response';

export class ListCustomersQuery extends Query<CustomerPage> {
  constructor(
    readonly filter: { readonly status?: string; readonly q?: string },
    readonly limit: number,
    readonly after?: CustomerCursor,
  ) {
    super();
  }
}
