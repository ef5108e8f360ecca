import { Command } from '@nestjs/cqrs';
import type { CommandAcceptedResponse } from '@switchboard/event-sourcing';

export interface PlaceOrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice?: string;
}

export class PlaceOrderCommand extends Command<CommandAcceptedResponse> {
  constructor(
    readonly orderId: string,
    readonly customerId: string,
    readonly currency: string,
    readonly lines: readonly PlaceOrderLine[],
    /** The id came from the request's Idempotency-Key: an existing order under it is this request's earlier attempt. */
    readonly idFromIdempotencyKey: boolean,
  ) {
    super();
  }
}
