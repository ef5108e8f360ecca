import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiIdempotencyKey, IdempotencyKey } from '@switchboard/idempotency';
import { ResourceIdParam } from '@switchboard/observability';
import { ExternalRefQuery } from '@switchboard/simulator-kit';
import { CreateSalesOrderRequest } from './create-sales-order.request.dto';
import { SalesOrderResponse } from './sales-order.response.dto';
import { SalesOrdersService } from './sales-orders.service';

@ApiTags('sales-orders')
@Controller('sales-orders')
export class SalesOrdersHttpController {
  constructor(private readonly orders: SalesOrdersService) {}

  /** Accepts the order with an ERP order number and confirmed prices and conditions (version 1). */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: SalesOrderResponse, description: 'Accepted' })
  @ApiUnprocessableEntityResponse({ description: 'Rejected: unknown customer, no lines, or a SKU not in the catalogue; `detail` (and `details.reason`) says why' })
  async place(@Body() request: CreateSalesOrderRequest, @IdempotencyKey() key: string | undefined): Promise<SalesOrderResponse> {
    return SalesOrderResponse.of(await this.orders.place(request, key));
  }

  /** The orders placed for an external reference (the Switchboard order id). */
  @Get()
  @ApiOkResponse({ type: [SalesOrderResponse] })
  async findByExternalRef(@Query() { externalRef }: ExternalRefQuery): Promise<SalesOrderResponse[]> {
    return (await this.orders.findByExternalRef(externalRef)).map(SalesOrderResponse.of);
  }

  /** One order with its status, version and status history. */
  @Get(':id')
  @ApiOkResponse({ type: SalesOrderResponse })
  @ApiNotFoundResponse()
  async get(@Param() { id }: ResourceIdParam): Promise<SalesOrderResponse> {
    return SalesOrderResponse.of(await this.orders.get(id));
  }
}
