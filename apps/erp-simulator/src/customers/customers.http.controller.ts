import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey, IdempotencyKey } from '@switchboard/idempotency';
import { ResourceIdParam } from '@switchboard/observability';
import { ExternalRefQuery } from '@switchboard/simulator-kit';
import { CreateCustomerRequest } from './create-customer.request.dto';
import { CustomerConditionsRequest, CustomerConditionsResponse } from './customer-conditions.request.dto';
import { CustomerResponse } from './customer.response.dto';
import { CustomerNotFound } from './customer-not-found.error';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@Controller('customers')
export class CustomersHttpController {
  constructor(private readonly customers: CustomersService) {}

  /** Creates a customer and answers its ERP customer number. */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CustomerResponse })
  async create(@Body() request: CreateCustomerRequest, @IdempotencyKey() key: string | undefined): Promise<CustomerResponse> {
    return CustomerResponse.of(await this.customers.create(request, key));
  }

  /** The customers with an external reference (the Switchboard customer id). */
  @Get()
  @ApiOkResponse({ type: [CustomerResponse] })
  async findByExternalRef(@Query() { externalRef }: ExternalRefQuery): Promise<CustomerResponse[]> {
    return (await this.customers.findByExternalRef(externalRef)).map(CustomerResponse.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerResponse })
  @ApiNotFoundResponse()
  async get(@Param() { id }: ResourceIdParam): Promise<CustomerResponse> {
    return CustomerResponse.of(await this.customers.get(id));
  }

  /** Sets the customer's contract conditions, replacing earlier ones; its next orders get them while valid. */
  @Put(':id/conditions')
  @ApiOkResponse({ type: CustomerConditionsResponse })
  @ApiNotFoundResponse()
  async setConditions(@Param() { id }: ResourceIdParam, @Body() request: CustomerConditionsRequest): Promise<CustomerConditionsResponse> {
    return this.customers.setConditions(id, request);
  }

  @Get(':id/conditions')
  @ApiOkResponse({ type: CustomerConditionsResponse })
  @ApiNotFoundResponse({ description: 'No such customer, or it has no conditions' })
  async getConditions(@Param() { id }: ResourceIdParam): Promise<CustomerConditionsResponse> {
    const customer = await this.customers.get(id);
    if (!customer.conditions) throw new CustomerNotFound(id, 'conditions');
    return customer.conditions;
  }
}
