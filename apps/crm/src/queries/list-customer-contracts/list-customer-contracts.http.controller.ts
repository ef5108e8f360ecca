import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MinPositionQuery, ReadYourWrites } from '@switchboard/projections';
import { ResourceIdParam } from '@switchboard/observability';
import { CONTRACT_RECORD_PROJECTION } from '../../projections/contract-record/contract-record.projection';
import { CUSTOMER_360_PROJECTION } from '../../projections/customer-360/customer-360.projection';
import { ContractList } from './contract-list.response';
import { ListCustomerContractsQuery } from './list-customer-contracts.query';

@ApiTags('contracts')
@Controller('customers')
export class ListCustomerContractsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A customer's contract records, oldest draft first. 404 for an unknown customer. */
  @Get(':id/contracts')
  @ReadYourWrites([CUSTOMER_360_PROJECTION, CONTRACT_RECORD_PROJECTION])
  @ApiOkResponse({ type: ContractList })
  list(@Param() { id }: ResourceIdParam, @Query() _query: MinPositionQuery): Promise<ContractList> {
    return this.queryBus.execute(new ListCustomerContractsQuery(id));
  }
}
