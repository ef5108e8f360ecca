import { Query } from '@nestjs/cqrs';
import type { Customer360Response } from '../customer-360.response';

export class GetCustomerQuery extends Query<Customer360Response> {
  constructor(readonly customerId: string) {
    super();
  }
}
