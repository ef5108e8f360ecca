import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SalesOrderChangesPage, SalesOrderChangesQuery } from './sales-order-changes.dto';
import { SalesOrdersService } from './sales-orders.service';

/** The changes feed, for an integration that polls instead of (or beside) receiving webhooks. */
@ApiTags('sales-orders')
@Controller('sales-orders/changes')
export class SalesOrderChangesHttpController {
  constructor(private readonly orders: SalesOrdersService) {}

  /** Every change of every order after the cursor `since`, oldest first; `next` is the cursor for the following page. */
  @Get()
  @ApiOkResponse({ type: SalesOrderChangesPage })
  changes(@Query() query: SalesOrderChangesQuery): Promise<SalesOrderChangesPage> {
    return this.orders.changesSince(query.since ?? 0, query.limit ?? 100);
  }
}
