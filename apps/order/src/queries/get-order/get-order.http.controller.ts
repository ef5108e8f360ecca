import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MinPositionQuery, ReadYourWrites } from '@switchboard/projections';
import { ResourceIdParam } from '@switchboard/observability';
import { ORDER_SUMMARY_PROJECTION } from '../../projections/order-summary/order-summary.projection';
import { OrderResponse } from '../order.response';
import { GetOrderQuery } from './get-order.query';

@ApiTags('orders')
@Controller('orders')
export class GetOrderHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** One order with its lines, status, ERP order number and status history. 404 for an unknown id. */
  @Get(':id')
  @ReadYourWrites(ORDER_SUMMARY_PROJECTION)
  @ApiOkResponse({ type: OrderResponse })
  get(@Param() { id }: ResourceIdParam, @Query() _query: MinPositionQuery): Promise<OrderResponse> {
    return this.queryBus.execute(new GetOrderQuery(id));
  }
}
