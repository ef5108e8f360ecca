import { Command } from '@nestjs/cqrs';
import type { CommandAcceptedResponse } from '@switchboard/event-sourcing';

export interface PlaceOrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice?: string;
}

/** The request's Idempotency-Key, from which the order id was derived, and the hash of its body. */
export interface PlaceOrderIdempotency {
  readonly key: string;
  readonly requestHash: string;
}

/** The accepted order; `replayed` when an earlier request with the same key had placed it. */
export interface PlaceOrderResult extends CommandAcceptedResponse {
  readonly replayed: boolean;
}

export class PlaceOrderCommand extends Command<PlaceOrderResult> {
  constructor(
    readonly orderId: string,
    readonly customerId: string,
    readonly currency: string,
    readonly lines: readonly PlaceOrderLine[],
    /** Present when the id came from the request's Idempotency-Key: an existing order under it is this key's earlier request. */
    readonly idempotency?: PlaceOrderIdempotency,
  ) {
    super();
  }
}
