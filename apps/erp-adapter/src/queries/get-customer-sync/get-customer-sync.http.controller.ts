import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ResourceIdParam } from '@switchboard/observability';
import { MinPositionQuery, ReadYourWrites } from '@switchboard/projections';
import { CUSTOMER_SYNC_PROJECTION } from '../../projections/customer-sync/customer-sync.projection';
import { CustomerSyncResponse } from '../customer-sync.response';
import { GetCustomerSyncQuery } from './get-customer-sync.query';

@ApiTags('sync')
@Controller('sync/customers')
export class GetCustomerSyncHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A CRM customer in the ERP: its ERP customer number (or the ERP's refusal) and the conditions pushed. */
  @Get(':id')
  @ReadYourWrites(CUSTOMER_SYNC_PROJECTION)
  @ApiOkResponse({ type: CustomerSyncResponse })
  @ApiNotFoundResponse({ description: 'The customer has not been synced (yet)' })
  get(@Param() { id }: ResourceIdParam, @Query() _query: MinPositionQuery): Promise<CustomerSyncResponse> {
    return this.queryBus.execute(new GetCustomerSyncQuery(id));
  }
}
