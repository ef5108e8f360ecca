import { Command } from '@nestjs/cqrs';
import type { OrderPlacedV1 } from '@switchboard/contracts';

/** From `order.placed`: submit the order to the ERP, once. */
export class SubmitOrderCommand extends Command<void> {
  constructor(
    readonly order: OrderPlacedV1,
    /** The `order.placed` event id: the ERP call's Idempotency-Key. */
    readonly causingEventId: string,
  ) {
    super();
  }
}
