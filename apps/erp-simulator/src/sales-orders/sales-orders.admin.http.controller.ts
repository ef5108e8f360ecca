import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceIdParam } from '@switchboard/observability';
import { AdvanceSalesOrderRequest } from './advance-sales-order.request.dto';
import { SalesOrderResponse } from './sales-order.response.dto';
import { SalesOrdersService } from './sales-orders.service';

/** Drives an order through fulfilment, as the ERP's users would. */
@ApiTags('admin')
@Controller('admin/sales-orders')
export class SalesOrdersAdminHttpController {
  constructor(private readonly orders: SalesOrdersService) {}

  @Post(':id/advance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the order to the next status (accepted → in_fulfilment → shipped → invoiced) or to a later `status`' })
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Invoiced already, or the status is not ahead' })
  async advance(@Param() { id }: ResourceIdParam, @Body() request: AdvanceSalesOrderRequest): Promise<SalesOrderResponse> {
    return SalesOrderResponse.of(await this.orders.advance(id, request.status));
  }
}
