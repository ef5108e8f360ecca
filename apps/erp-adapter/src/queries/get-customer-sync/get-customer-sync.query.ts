import { Query } from '@nestjs/cqrs';
import type { CustomerSyncResponse } from '../customer-sync.response';

export class GetCustomerSyncQuery extends Query<CustomerSyncResponse> {
  constructor(readonly customerId: string) {
    super();
  }
}
