import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReadYourWrites } from '@switchboard/projections';
import { ORDER_SUMMARY_PROJECTION } from '../../projections/order-summary/order-summary.projection';
import { orderCursor } from './order-cursor';
import { ListOrdersQuery } from './list-orders.query';
import { ListOrdersRequest } from './list-orders.request.dto';
import { OrderPage } from './order-page.response';

@ApiTags('orders')
@Controller('orders')
export class ListOrdersHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Orders newest first, optionally of one customer and/or in one status; follow nextCursor for more. */
  @Get()
  @ReadYourWrites(ORDER_SUMMARY_PROJECTION)
  @ApiOkResponse({ type: OrderPage })
  list(@Query() query: ListOrdersRequest): Promise<OrderPage> {
    const after = query.cursor === undefined ? undefined : orderCursor.decode(query.cursor);
    return this.queryBus.execute(new ListOrdersQuery({ customerId: query.customerId, status: query.status }, query.limit ?? ListOrdersRequest.DEFAULT_LIMIT, after));
  }
}
