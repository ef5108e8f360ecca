import { Command } from '@nestjs/cqrs';
import type { ContractCustomerCreatedV1 } from '@switchboard/contracts';

/** From `contract.customer.created`. */
export class LinkClmCustomerCommand extends Command<void> {
  constructor(readonly created: ContractCustomerCreatedV1) {
    super();
  }
}
