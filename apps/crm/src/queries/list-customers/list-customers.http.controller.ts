import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReadYourWrites } from '@switchboard/projections';
import { CUSTOMER_LIST_PROJECTION } from '../../projections/customer-list/customer-list.projection';
import { customerCursor } from './customer-cursor';
import { CustomerPage } from './customer-page.response';
import { ListCustomersQuery } from './list-customers.query';
import { ListCustomersRequest } from './list-customers.request.dto';

@ApiTags('customers')
@Controller('customers')
export class ListCustomersHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Customers newest registration first, optionally in one status and/or matching `q` in name or e-mail; follow nextCursor for more. */
  @Get()
  @ReadYourWrites(CUSTOMER_LIST_PROJECTION)
  @ApiOkResponse({ type: CustomerPage })
  list(@Query() query: ListCustomersRequest): Promise<CustomerPage> {
    const after = query.cursor === undefined ? undefined : customerCursor.decode(query.cursor);
    return this.queryBus.execute(new ListCustomersQuery({ status: query.status, q: query.q }, query.limit ?? ListCustomersRequest.DEFAULT_LIMIT, after));
  }
}
