import { Query } from '@nestjs/cqrs';
import type { ContractList } from './contract-list.response';

export class ListCustomerContractsQuery extends Query<ContractList> {
  constructor(readonly customerId: string) {
    super();
  }
}
