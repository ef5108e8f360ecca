import { Command } from '@nestjs/cqrs';

/** From `crm.customer.won`: create the customer in the ERP, once. */
export class SyncWonCustomerCommand extends Command<void> {
  constructor(
    readonly customerId: string,
    /** The `crm.customer.won` event id: the ERP call's Idempotency-Key. */
    readonly causingEventId: string,
  ) {
    super();
  }
}
