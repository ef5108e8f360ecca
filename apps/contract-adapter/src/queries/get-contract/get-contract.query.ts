import { Query } from '@nestjs/cqrs';
import type { ContractResponse } from '../contract.response';

export class GetContractQuery extends Query<ContractResponse> {
  constructor(readonly contractId: string) {
    super();
  }
}
