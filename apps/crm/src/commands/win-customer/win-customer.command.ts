import { Command } from '@nestjs/cqrs';
import type { CommandAcceptedResponse } from '@switchboard/event-sourcing';

export class WinCustomerCommand extends Command<CommandAcceptedResponse> {
  constructor(readonly customerId: string) {
    super();
  }
}
