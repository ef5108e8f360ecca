import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiIdempotencyKey, IdempotencyKey, idFromIdempotencyKey } from '@switchboard/idempotency';
import { CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { randomUUID } from 'node:crypto';
import { PlaceOrderCommand } from './place-order.command';
import { PlaceOrderRequest } from './place-order.request.dto';

@ApiTags('orders')
@Controller('orders')
export class PlaceOrderHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Places an order for a won customer. 422 when the customer is unknown to the order service or not won yet. */
  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CommandAcceptedResponse })
  place(@Body() body: PlaceOrderRequest, @IdempotencyKey() key: string | undefined): Promise<CommandAcceptedResponse> {
    // With a key, the id is derived from it: a retry of the same request addresses the same order.
    const orderId = key ? idFromIdempotencyKey('order', key) : randomUUID();
    const lines = body.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, ...(unitPrice === undefined ? {} : { unitPrice }) }));
    return this.commandBus.execute(new PlaceOrderCommand(orderId, body.customerId, body.currency, lines, key !== undefined));
  }
}
