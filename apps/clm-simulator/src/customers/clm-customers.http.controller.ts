import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey, IdempotencyKey } from '@switchboard/idempotency';
import { ResourceIdParam } from '@switchboard/observability';
import { ExternalRefQuery } from '@switchboard/simulator-kit';
import type { ClmCustomer } from './clm-customer.entity';
import { ClmCustomersService } from './clm-customers.service';
import { ClmCustomerResponse, CreateClmCustomerRequest } from './create-clm-customer.request.dto';

const toResponse = (c: ClmCustomer): ClmCustomerResponse => ({
  clmCustomerId: c.clmCustomerId,
  externalRef: c.externalRef,
  name: c.name,
  email: c.email,
  createdAt: c.createdAt.toISOString(),
});

@ApiTags('customers')
@Controller('customers')
export class ClmCustomersHttpController {
  constructor(private readonly customers: ClmCustomersService) {}

  /** Creates a customer and answers its CLM id. */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ClmCustomerResponse })
  async create(@Body() request: CreateClmCustomerRequest, @IdempotencyKey() key: string | undefined): Promise<ClmCustomerResponse> {
    return toResponse(await this.customers.create(request, key));
  }

  /** The customers with an external reference (the Switchboard customer id). */
  @Get()
  @ApiOkResponse({ type: [ClmCustomerResponse] })
  async findByExternalRef(@Query() { externalRef }: ExternalRefQuery): Promise<ClmCustomerResponse[]> {
    return (await this.customers.findByExternalRef(externalRef)).map(toResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: ClmCustomerResponse })
  @ApiNotFoundResponse()
  async get(@Param() { id }: ResourceIdParam): Promise<ClmCustomerResponse> {
    return toResponse(await this.customers.get(id));
  }
}
