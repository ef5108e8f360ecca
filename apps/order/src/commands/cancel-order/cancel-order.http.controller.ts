import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey } from '@switchboard/idempotency';
import { CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { ResourceIdParam } from '@switchboard/observability';
import { CancelOrderCommand } from './cancel-order.command';
import { CancelOrderRequest } from './cancel-order.request.dto';

@ApiTags('orders')
@Controller('orders')
export class CancelOrderHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Cancels an order before it ships; 409 with the reason when its status forbids it, 404 for an unknown order. */
  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: CommandAcceptedResponse })
  cancel(@Param() { id }: ResourceIdParam, @Body() body: CancelOrderRequest): Promise<CommandAcceptedResponse> {
    return this.commandBus.execute(new CancelOrderCommand(id, body.reason));
  }
}
