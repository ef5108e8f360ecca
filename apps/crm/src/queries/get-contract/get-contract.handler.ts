import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { ContractRecordNotFound } from '@switchboard/crm-domain';
import type { Repository } from 'typeorm';
import { ContractRecordView } from '../../projections/contract-record/contract-record-view.entity';
import { ContractResponse } from '../contract.response';
import { GetContractQuery } from './get-contract.query';

@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery, ContractResponse> {
  constructor(@InjectRepository(ContractRecordView) private readonly contracts: Repository<ContractRecordView>) {}

  async execute({ contractId }: GetContractQuery): Promise<ContractResponse> {
    const row = await this.contracts.findOneBy({ contractId });
    if (!row) throw new ContractRecordNotFound(contractId);
    return ContractResponse.from(row);
  }
}
