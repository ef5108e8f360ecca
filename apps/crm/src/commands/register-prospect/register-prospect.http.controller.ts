import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey, IdempotencyKey, idFromIdempotencyKey } from '@switchboard/idempotency';
import { CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { randomUUID } from 'node:crypto';
import { RegisterProspectCommand } from './register-prospect.command';
import { RegisterProspectRequest } from './register-prospect.request.dto';

@ApiTags('customers')
@Controller('customers')
export class RegisterProspectHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Registers a prospect. 422 naming the field when a value is refused (e.g. an unknown country code). */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CommandAcceptedResponse })
  register(@Body() body: RegisterProspectRequest, @IdempotencyKey() key: string | undefined): Promise<CommandAcceptedResponse> {
    // With a key, the id is derived from it: a retry of the same request addresses the same customer.
    const customerId = key ? idFromIdempotencyKey('customer', key) : randomUUID();
    const { name, email, country, vatId, address } = body;
    return this.commandBus.execute(
      new RegisterProspectCommand(customerId, {
        name,
        email,
        country,
        ...(vatId === undefined ? {} : { vatId }),
        ...(address === undefined ? {} : { address: { street: address.street, city: address.city, postalCode: address.postalCode, country: address.country } }),
      }),
    );
  }
}
