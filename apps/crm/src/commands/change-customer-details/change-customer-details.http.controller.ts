import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { ResourceIdParam } from '@switchboard/observability';
import type { CustomerDetailsPatch } from './change-customer-details.command';
import { ChangeCustomerDetailsCommand } from './change-customer-details.command';
import { ChangeCustomerDetailsRequest } from './change-customer-details.request.dto';

@ApiTags('customers')
@Controller('customers')
export class ChangeCustomerDetailsHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Changes the given details (merge patch); 404 for an unknown id, 422 naming a refused value. */
  @Patch(':id')
  @ApiOkResponse({ type: CommandAcceptedResponse })
  change(@Param() { id }: ResourceIdParam, @Body() body: ChangeCustomerDetailsRequest): Promise<CommandAcceptedResponse> {
    return this.commandBus.execute(new ChangeCustomerDetailsCommand(id, toPatch(body)));
  }
}

/** Only the fields the client sent; a nested address is copied field by field so nothing else is stored. */
function toPatch(body: ChangeCustomerDetailsRequest): CustomerDetailsPatch {
  const { name, email, country, vatId, address } = body;
  return {
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
    ...(country === undefined ? {} : { country }),
    ...(vatId === undefined ? {} : { vatId }),
    ...(address === undefined
      ? {}
      : { address: address === null ? null : { street: address.street, city: address.city, postalCode: address.postalCode, country: address.country } }),
  };
}
