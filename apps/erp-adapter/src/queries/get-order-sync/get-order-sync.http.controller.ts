import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ResourceIdParam } from '@switchboard/observability';
import { MinPositionQuery, ReadYourWrites } from '@switchboard/projections';
import { ORDER_SYNC_PROJECTION } from '../../projections/order-sync/order-sync.projection';
import { OrderSyncResponse } from '../order-sync.response';
import { GetOrderSyncQuery } from './get-order-sync.query';

@ApiTags('sync')
@Controller('sync/orders')
export class GetOrderSyncHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** An order in the ERP: its ERP number, confirmed lines and conditions (or the rejection), and the ERP's changes. */
  @Get(':id')
  @ReadYourWrites(ORDER_SYNC_PROJECTION)
  @ApiOkResponse({ type: OrderSyncResponse })
  @ApiNotFoundResponse({ description: 'The ERP has not answered the order (yet)' })
  get(@Param() { id }: ResourceIdParam, @Query() _query: MinPositionQuery): Promise<OrderSyncResponse> {
    return this.queryBus.execute(new GetOrderSyncQuery(id));
  }
}
