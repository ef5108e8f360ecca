import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  ApiIdempotencyKey,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyKey,
  idFromIdempotencyKey,
  KeepsIdempotencyKey,
  requestHash,
} from '@switchboard/idempotency';
import { CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { PlaceOrderCommand } from './place-order.command';
import { PlaceOrderRequest } from './place-order.request.dto';

@ApiTags('orders')
@Controller('orders')
export class PlaceOrderHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * Places an order for a won customer. The order keeps its Idempotency-Key itself (the id comes
   * from it, OrderPlaced keeps the request's hash): a repeat is answered with the first answer and
   * `Idempotent-Replayed: true`, as the idempotency store would answer it, without its two writes.
   */
  @Post()
  @KeepsIdempotencyKey()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CommandAcceptedResponse })
  @ApiUnprocessableEntityResponse({ description: 'The customer is unknown to the order service or not won yet, or the Idempotency-Key was used with another body' })
  async place(
    @Body() body: PlaceOrderRequest,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CommandAcceptedResponse> {
    // With a key, the id is derived from it: a retry of the same request addresses the same order.
    const orderId = key ? idFromIdempotencyKey('order', key) : randomUUID();
    const lines = body.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, ...(unitPrice === undefined ? {} : { unitPrice }) }));
    const idempotency = key ? { key, requestHash: requestHash(body) } : undefined;
    const { id, position, replayed } = await this.commandBus.execute(
      new PlaceOrderCommand(orderId, body.customerId, body.currency, lines, idempotency),
    );
    if (replayed) response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return { id, position };
  }
}
