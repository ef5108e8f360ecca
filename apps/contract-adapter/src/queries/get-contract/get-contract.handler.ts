import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { ContractNotFound } from '@switchboard/contract-domain';
import type { Repository } from 'typeorm';
import { ContractView } from '../../projections/contract-view/contract-view.entity';
import { ContractResponse } from '../contract.response';
import { GetContractQuery } from './get-contract.query';

@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery, ContractResponse> {
  constructor(@InjectRepository(ContractView) private readonly contracts: Repository<ContractView>) {}

  async execute({ contractId }: GetContractQuery): Promise<ContractResponse> {
    const row = await this.contracts.findOneBy({ contractId });
    if (!row) throw new ContractNotFound(contractId);
    return ContractResponse.from(row);
  }
}
