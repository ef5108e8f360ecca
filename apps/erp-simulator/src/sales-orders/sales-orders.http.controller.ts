import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiIdempotencyKey, IDEMPOTENT_REPLAYED_HEADER, IdempotencyKey, KeepsIdempotencyKey } from '@switchboard/idempotency';
import { ResourceIdParam } from '@switchboard/observability';
import { ExternalRefQuery } from '@switchboard/simulator-kit';
import type { ServerResponse } from 'node:http';
import { CreateSalesOrderRequest } from './create-sales-order.request.dto';
import { SalesOrderResponse } from './sales-order.response.dto';
import { SalesOrdersService } from './sales-orders.service';

@ApiTags('sales-orders')
@Controller('sales-orders')
export class SalesOrdersHttpController {
  constructor(private readonly orders: SalesOrdersService) {}

  /**
   * Accepts the order with an ERP order number and confirmed prices and conditions (version 1).
   * The order keeps its Idempotency-Key itself (SalesOrdersService.place): a repeat is answered
   * with the first order and `Idempotent-Replayed: true`, as the idempotency store would answer it.
   */
  @Post()
  @KeepsIdempotencyKey()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: SalesOrderResponse, description: 'Accepted' })
  @ApiUnprocessableEntityResponse({ description: 'Rejected: unknown customer, no lines, or a SKU not in the catalogue; `detail` (and `details.reason`) says why' })
  async place(
    @Body() request: CreateSalesOrderRequest,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SalesOrderResponse> {
    const { order, replayed } = await this.orders.place(request, key);
    if (replayed) response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return SalesOrderResponse.of(order);
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
