import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MinPositionQuery, ReadYourWrites } from '@switchboard/projections';
import { ResourceIdParam } from '@switchboard/observability';
import { CONTRACT_RECORD_PROJECTION } from '../../projections/contract-record/contract-record.projection';
import { CUSTOMER_360_PROJECTION } from '../../projections/customer-360/customer-360.projection';
import { Customer360Response } from '../customer-360.response';
import { GetCustomerQuery } from './get-customer.query';

@ApiTags('customers')
@Controller('customers')
export class GetCustomerHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The customer 360 view: status, external ids, contracts with their signed copy, orders with their latest status. 404 for an unknown id. */
  @Get(':id')
  @ReadYourWrites([CUSTOMER_360_PROJECTION, CONTRACT_RECORD_PROJECTION])
  @ApiOkResponse({ type: Customer360Response })
  get(@Param() { id }: ResourceIdParam, @Query() _query: MinPositionQuery): Promise<Customer360Response> {
    return this.queryBus.execute(new GetCustomerQuery(id));
  }
}
