import { NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CustomerSync } from '../../projections/customer-sync/customer-sync.entity';
import { CustomerSyncResponse } from '../customer-sync.response';
import { GetCustomerSyncQuery } from './get-customer-sync.query';

@QueryHandler(GetCustomerSyncQuery)
export class GetCustomerSyncHandler implements IQueryHandler<GetCustomerSyncQuery, CustomerSyncResponse> {
  constructor(@InjectRepository(CustomerSync) private readonly customers: Repository<CustomerSync>) {}

  async execute({ customerId }: GetCustomerSyncQuery): Promise<CustomerSyncResponse> {
    const row = await this.customers.findOneBy({ customerId });
    if (!row) throw new NotFoundException(`customer ${customerId} has not been synced to the ERP`);
    return CustomerSyncResponse.from(row);
  }
}
