import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { CustomerNotFound } from '@switchboard/crm-domain';
import type { Repository } from 'typeorm';
import { ContractRecordView } from '../../projections/contract-record/contract-record-view.entity';
import { CustomerView } from '../../projections/customer-360/customer-view.entity';
import { ContractResponse } from '../contract.response';
import type { ContractList } from './contract-list.response';
import { ListCustomerContractsQuery } from './list-customer-contracts.query';

@QueryHandler(ListCustomerContractsQuery)
export class ListCustomerContractsHandler implements IQueryHandler<ListCustomerContractsQuery, ContractList> {
  constructor(
    @InjectRepository(CustomerView) private readonly customers: Repository<CustomerView>,
    @InjectRepository(ContractRecordView) private readonly contracts: Repository<ContractRecordView>,
  ) {}

  async execute({ customerId }: ListCustomerContractsQuery): Promise<ContractList> {
    const [exists, rows] = await Promise.all([
      this.customers.existsBy({ customerId }),
      this.contracts.find({ where: { customerId }, order: { draftedAt: 'ASC', contractId: 'ASC' } }),
    ]);
    if (!exists) throw new CustomerNotFound(customerId);
    return { items: rows.map((row) => ContractResponse.from(row)) };
  }
}
