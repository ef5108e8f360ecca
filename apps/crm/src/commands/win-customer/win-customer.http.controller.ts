import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey } from '@switchboard/idempotency';
import { CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { ResourceIdParam } from '@switchboard/observability';
import { WinCustomerCommand } from './win-customer.command';

@ApiTags('customers')
@Controller('customers')
export class WinCustomerHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Wins a prospect; a customer already won is answered the same, with no second event. 404 for an unknown id. */
  @Post(':id/win')
  @HttpCode(HttpStatus.OK)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CommandAcceptedResponse })
  win(@Param() { id }: ResourceIdParam): Promise<CommandAcceptedResponse> {
    return this.commandBus.execute(new WinCustomerCommand(id));
  }
}
