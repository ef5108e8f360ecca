import { Command } from '@nestjs/cqrs';

/** From `crm.customer.won` (event `causingEventId`): create the customer in the CLM. */
export class CreateClmCustomerCommand extends Command<void> {
  constructor(
    readonly customerId: string,
    readonly causingEventId: string,
  ) {
    super();
  }
}
